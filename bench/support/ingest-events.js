// What bench/ingest.js sends and what its ceilings write: one sample monitor event (the grouped
// body of the API), made unique by its event_id and bet_id, and the `events` row it becomes.
const { createHash, randomUUID } = require('node:crypto');

/**
 * The columns the service writes, in its order: src/events/event.repository.ts
 * EVENT_INSERT_COLUMNS, which insertStatement() checks against the built service (dist/).
 */
const INSERT_COLUMNS = [
  'uuid',
  'team_id',
  'brand_id',
  'external_event_id',
  'content_hash',
  'event_type',
  'event_time',
  'event_month',
  'amount',
  'currency',
  'balance_before',
  'balance_after',
  'player_external_id',
  'player_phone',
  'player_country',
  'player_kyc_level',
  'game_type',
  'game_code',
  'game_name',
  'sport',
  'competition',
  'odds',
  'bet_ref',
  'provider_code',
  'device_type',
  'operator_code',
  'ip_address',
  'session_id',
  'user_agent',
  'status',
  'received_at',
  'failed_attempts',
  'partition_no',
];

/** Players cycle over this many ids, as a busy operator's would. */
const PLAYERS = 5000;

/** The grouped event body; `id` must be unique per team, `n` picks the player. */
function sampleEvent(id, n) {
  return {
    event_id: id,
    player: { id: `pl_${n % PLAYERS}`, phone: '+221771234567', country: 'SEN', kyc_level: 2 },
    event: {
      type: 'BET_PLACED',
      timestamp: '2026-02-03T14:32:45Z',
      amount: 5000,
      currency: 'XOF',
      balance_before: 15000,
      balance_after: 10000,
    },
    game: {
      type: 'SPORTS',
      id: 'game_789',
      name: 'Senegal vs Nigeria',
      sport: 'football',
      competition: 'CAN 2025',
      odds: 2.5,
      bet_id: `bet_${id}`,
    },
    metadata: {
      device_type: 'MOBILE',
      operator: 'ORANGE_SN',
      ip_address: '41.138.45.22',
      session_id: 'sess_xyz',
    },
  };
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC), as the service stores datetime(6) columns. */
function databaseTime(date) {
  return `${date.toISOString().slice(0, 23).replace('T', ' ')}000`;
}

/**
 * The row the service stores for a grouped event (see rowValues in event.repository.ts), without
 * its validation: content_hash is the SHA-256 of `hashSource` instead of the normalised event.
 */
function rowOf(event, teamId, hashSource, receivedAt) {
  const time = new Date(event.event.timestamp);
  const player = event.player ?? {};
  const game = event.game ?? {};
  const metadata = event.metadata ?? {};
  return [
    randomUUID(),
    teamId,
    null, // brand: the sample events name none
    event.event_id,
    createHash('sha256').update(hashSource).digest('hex'),
    event.event.type,
    databaseTime(time),
    time.getUTCFullYear() * 100 + time.getUTCMonth() + 1,
    event.event.amount,
    event.event.currency,
    event.event.balance_before ?? null,
    event.event.balance_after ?? null,
    player.id,
    player.phone ?? null,
    player.country ?? null,
    player.kyc_level ?? null,
    game.type ?? null,
    game.id ?? null,
    game.name ?? null,
    game.sport ?? null,
    game.competition ?? null,
    game.odds ?? null,
    game.bet_id ?? null,
    game.provider ?? null,
    metadata.device_type ?? null,
    metadata.operator ?? null,
    metadata.ip_address ?? null,
    metadata.session_id ?? null,
    metadata.user_agent ?? null,
    'RECEIVED',
    receivedAt,
    0,
    partitionOf(teamId, player.id),
  ];
}

/** The processing partition the service gives a player's events (src/processing/queue/partition.ts). */
function partitionOf(teamId, playerId) {
  return require('../../dist/processing/queue/partition.js').partitionOf(teamId, playerId);
}

/**
 * The statement that queues the rows just inserted, in the same transaction, as the service does
 * (EventRepository.queueSourceOf and ProcessingQueue.enqueueSelected): `uuids` placeholders.
 */
function queueStatement(uuids) {
  return (
    'INSERT INTO processing_queue (partition_no, stream, event_id, team_id, received_at) ' +
    "SELECT q.partition_no, 'monitor', q.event_id, q.team_id, q.received_at FROM (SELECT partition_no, id AS event_id, " +
    `team_id, received_at FROM events WHERE uuid IN (${new Array(uuids).fill('?').join(', ')})) q ORDER BY q.event_id`
  );
}

/** `INSERT IGNORE INTO events (...) VALUES (?, ...), ...` for `rows` rows, as the service writes. */
function insertStatement(rows) {
  assertServiceColumns();
  const row = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT IGNORE INTO events (${INSERT_COLUMNS.join(', ')}) VALUES ${new Array(rows).fill(row).join(', ')}`;
}

/** Throws when the service writes other columns than these rows have (a ceiling must not drift). */
function assertServiceColumns() {
  const { EVENT_INSERT_COLUMNS } = require('../../dist/events/event.repository.js');
  if (EVENT_INSERT_COLUMNS.join() !== INSERT_COLUMNS.join()) {
    throw new Error(
      `bench/support/ingest-events.js writes (${INSERT_COLUMNS.join(', ')}) but the service ` +
        `(${EVENT_INSERT_COLUMNS.join(', ')}): update INSERT_COLUMNS and rowOf()`,
    );
  }
}

/** mysql2 options matching the service's (src/database/data-source-options.ts). */
function mysqlOptions(databaseUrl, connectionLimit) {
  return {
    uri: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    connectionLimit,
    timezone: 'Z',
    charset: 'utf8mb4_bin',
    supportBigNumbers: true,
    bigNumberStrings: true,
  };
}

module.exports = {
  INSERT_COLUMNS,
  queueStatement,
  sampleEvent,
  databaseTime,
  rowOf,
  insertStatement,
  mysqlOptions,
};
