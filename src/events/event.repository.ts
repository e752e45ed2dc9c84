import { Injectable } from '@nestjs/common';
import { requireTeamId, scopeCondition, type TenantScope } from '../tenancy/tenant-scope';
import { SqlDatabase, type SqlSession } from '../database/sql-database';
import { placeholders } from '../database/sql-dialect';
import { MicroTime } from '../common/time/micro-time';
import type { EventStatus } from './event-status';
import type { ValidEvent } from './validation/event.validator';
import type { MonitorStreamEvent } from './monitor-event';
import { partitionOf } from '../processing/queue/partition';
import type { QueueEntry, QueueSource } from '../processing/queue/processing-queue';
import { eventStatusStatements } from '../processing/queue/event-status.statements';
import { hasSurroundingSpaces } from '../common/text/well-formed';

const EVENT_STATUS = eventStatusStatements('events');

/** An event ready to be written: who sent it, when, and under which uuid. */
export interface EventRowInput {
  teamId: number;
  brandId: number | null;
  uuid: string;
  valid: ValidEvent;
  receivedAt: MicroTime;
}

type Num = string | number;

interface ClaimedRow {
  id: Num;
  team_id: number;
  brand_id: number | null;
  external_event_id: string;
  event_type: string;
  event_time: string;
  amount: Num;
  currency: string;
  balance_before: Num | null;
  balance_after: Num | null;
  player_external_id: string;
  player_phone: string | null;
  player_country: string | null;
  player_kyc_level: number | null;
  game_type: string | null;
  game_code: string | null;
  game_name: string | null;
  sport: string | null;
  competition: string | null;
  odds: number | null;
  bet_ref: string | null;
  provider_code: string | null;
  uuid: string;
  operator_code: string | null;
  ip_address: string | null;
  session_id: string | null;
}

const numberOrNull = (value: Num | null) => (value === null ? null : Number(value));

/** What identifies a stored event to its sender. */
export interface StoredEventKey {
  uuid: string;
  /** The brand of the key that sent it; null for a team-wide key. */
  brandId: number | null;
  externalEventId: string;
  contentHash: string;
  receivedAt: MicroTime;
}

export interface EventStatusRow {
  /** Row id. */
  id: string;
  uuid: string;
  status: EventStatus;
  processedAt: MicroTime | null;
}

/** The columns of an event row, in the order rowValues gives them (bench/ingest.js checks its own). */
export const EVENT_INSERT_COLUMNS = [
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
] as const;

/**
 * Rows per INSERT: on SQLite, 500 x 33 bound values stays under its limit of 32,766; MySQL takes
 * the values as literals in the statement, 1000 rows of about 500 bytes each.
 */
const ROWS_PER_INSERT = { sqlite: 500, mysql: 1000 };
/** Keys per `IN (...)` lookup. */
const KEYS_PER_SELECT = 1000;

/** The `events` table: the durable log of what operators sent. Raw SQL: this is the hot path. */
@Injectable()
export class EventRepository {
  constructor(private readonly database: SqlDatabase) {}

  /**
   * Inserts the rows whose (team, event_id) is new; rows whose key is already stored are
   * skipped. Returns how many were inserted.
   */
  async insertNew(session: SqlSession, rows: readonly EventRowInput[]): Promise<number> {
    for (const row of rows) requireTeamId(row.teamId);
    let inserted = 0;
    const perInsert = this.rowsPerInsert();
    for (let start = 0; start < rows.length; start += perInsert) {
      const chunk = rows.slice(start, start + perInsert);
      const { sql, params } = session.dialect.bulkInsertSkippingDuplicates(
        'events',
        EVENT_INSERT_COLUMNS,
        chunk.map(rowValues),
        ['team_id', 'external_event_id'],
      );
      inserted += await session.execute(sql, params);
    }
    return inserted;
  }

  /** The SELECT of the queue rows of these new events (by uuid), for the processing queue. */
  queueSourceOf(uuids: readonly string[]): QueueSource {
    return {
      sql: `SELECT partition_no, id AS event_id, team_id, received_at FROM events WHERE uuid IN (${placeholders(uuids.length)})`,
      params: uuids,
    };
  }

  /** Rows one INSERT statement of `insertNew` takes; more take several statements. */
  rowsPerInsert(): number {
    return this.database.dialect.isSqlite ? ROWS_PER_INSERT.sqlite : ROWS_PER_INSERT.mysql;
  }

  /** The stored events of a team among these event ids. */
  async findByExternalIds(
    session: SqlSession,
    teamId: number,
    externalIds: readonly string[],
  ): Promise<StoredEventKey[]> {
    requireTeamId(teamId);
    const found: StoredEventKey[] = [];
    for (let start = 0; start < externalIds.length; start += KEYS_PER_SELECT) {
      const ids = externalIds.slice(start, start + KEYS_PER_SELECT);
      const rows = await session.select<{
        uuid: string;
        brand_id: number | string | null;
        external_event_id: string;
        content_hash: string;
        received_at: string;
      }>(
        `SELECT uuid, brand_id, external_event_id, content_hash, ${session.dialect.timestampText('received_at')} AS received_at ` +
          `FROM events WHERE team_id = ? AND external_event_id IN (${placeholders(ids.length)})`,
        [teamId, ...ids],
      );
      for (const row of rows) {
        found.push({
          uuid: row.uuid,
          brandId: numberOrNull(row.brand_id),
          externalEventId: row.external_event_id,
          contentHash: row.content_hash,
          receivedAt: MicroTime.fromDatabaseText(row.received_at),
        });
      }
    }
    return found;
  }

  /** Stored events by row id, as the processing steps see them (in id order). */
  async findForProcessing(
    session: SqlSession,
    ids: readonly string[],
  ): Promise<MonitorStreamEvent[]> {
    if (ids.length === 0) return [];
    const rows = await session.select<ClaimedRow>(
      `${selectClaimed(session)} WHERE id IN (${placeholders(ids.length)}) ORDER BY id`,
      ids,
    );
    return rows.map(toMonitorEvent);
  }

  /** RECEIVED -> PROCESSED; returns how many of these events it marked. */
  markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<number> {
    const { sql, params } = EVENT_STATUS.processed(ids, at);
    return session.execute(sql, params);
  }

  /** RECEIVED -> FAILED for good, with its reason and number of attempts. */
  async markFailed(
    session: SqlSession,
    id: string,
    failure: { reason: string; attempts: number },
    at: MicroTime,
  ): Promise<void> {
    const { sql, params } = EVENT_STATUS.failed(id, failure, at);
    await session.execute(sql, params);
  }

  /**
   * FAILED -> RECEIVED for the events received since `since` (all when null), locked first so
   * that an event failing meanwhile is left alone. Returns them, for the caller to queue again.
   */
  async takeBackFailed(session: SqlSession, since: MicroTime | null): Promise<QueueEntry[]> {
    const after = since ? ' AND received_at >= ?' : '';
    const failed = await session.select<{
      id: string | number;
      team_id: string | number;
      player_external_id: string;
      received_at: string;
    }>(
      `SELECT id, team_id, player_external_id, ${session.dialect.timestampText('received_at')} AS received_at ` +
        `FROM events WHERE status = 'FAILED'${after} ORDER BY id ${session.dialect.forUpdate}`,
      since ? [since.toDatabaseText()] : [],
    );
    for (let start = 0; start < failed.length; start += KEYS_PER_SELECT) {
      const ids = failed.slice(start, start + KEYS_PER_SELECT).map((row) => row.id);
      await session.execute(
        "UPDATE events SET status = 'RECEIVED', processed_at = NULL, failed_attempts = 0 " +
          `WHERE status = 'FAILED' AND id IN (${placeholders(ids.length)})`,
        ids,
      );
    }
    return failed.map((row) => ({
      eventId: String(row.id),
      teamId: Number(row.team_id),
      playerKey: row.player_external_id,
      receivedAt: MicroTime.fromDatabaseText(row.received_at),
    }));
  }

  /** RECEIVED events among these row ids, as the processing steps see them (in id order). */
  async findReceived(session: SqlSession, ids: readonly string[]): Promise<MonitorStreamEvent[]> {
    if (ids.length === 0) return [];
    const rows = await session.select<ClaimedRow>(
      `${selectClaimed(session)} WHERE id IN (${placeholders(ids.length)}) AND status = 'RECEIVED' ORDER BY id`,
      ids,
    );
    return rows.map(toMonitorEvent);
  }

  /** The status of an event of the scope (a brand's key: only its brand's events). */
  async findStatusInScope(scope: TenantScope, uuid: string): Promise<EventStatusRow | null> {
    if (hasSurroundingSpaces(uuid)) return null;
    const inScope = scopeCondition(scope);
    const [row] = await this.database.select<{
      id: number | string;
      uuid: string;
      status: EventStatus;
      processed_at: string | null;
    }>(
      `SELECT id, uuid, status, ${this.database.dialect.timestampText('processed_at')} AS processed_at ` +
        `FROM events WHERE uuid = ? AND ${inScope.sql}`,
      [uuid.toLowerCase(), ...inScope.params],
    );
    if (!row) return null;
    return {
      id: String(row.id),
      uuid: row.uuid,
      status: row.status,
      processedAt: row.processed_at ? MicroTime.fromDatabaseText(row.processed_at) : null,
    };
  }

  /**
   * A player's latest events, newest first by event time (the (team, player, time) index), each
   * with its processing status.
   */
  async recentOfPlayer(
    teamId: number,
    playerExternalId: string,
    limit: number,
  ): Promise<PlayerEventRow[]> {
    const rows = await this.database.select<{
      uuid: string;
      external_event_id: string;
      event_type: string;
      event_time: string;
      amount: number | string;
      currency: string;
      balance_before: number | string | null;
      balance_after: number | string | null;
      status: EventStatus;
    }>(
      `SELECT uuid, external_event_id, event_type, ${this.database.dialect.timestampText('event_time')} AS event_time, ` +
        'amount, currency, balance_before, balance_after, status FROM events ' +
        `WHERE team_id = ? AND player_external_id = ? ORDER BY event_time DESC, id DESC LIMIT ${Number(limit)}`,
      [requireTeamId(teamId), playerExternalId],
    );
    const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));
    return rows.map((row) => ({
      uuid: row.uuid,
      externalEventId: row.external_event_id,
      type: row.event_type,
      eventTime: MicroTime.fromDatabaseText(row.event_time),
      amount: Number(row.amount),
      currency: row.currency,
      balanceBefore: numberOrNull(row.balance_before),
      balanceAfter: numberOrNull(row.balance_after),
      status: row.status,
    }));
  }
}

/** A player's event as their timeline shows it. */
export interface PlayerEventRow {
  uuid: string;
  externalEventId: string;
  type: string;
  eventTime: MicroTime;
  amount: number;
  currency: string;
  balanceBefore: number | null;
  balanceAfter: number | null;
  status: EventStatus;
}

function selectClaimed({ dialect }: SqlSession): string {
  return (
    `SELECT id, team_id, brand_id, external_event_id, event_type, ${dialect.timestampText('event_time')} AS event_time, ` +
    'amount, currency, balance_before, balance_after, player_external_id, player_phone, player_country, player_kyc_level, ' +
    'game_type, game_code, game_name, sport, competition, odds, bet_ref, provider_code, uuid, operator_code, ' +
    'ip_address, session_id FROM events'
  );
}

function toMonitorEvent(row: ClaimedRow): MonitorStreamEvent {
  return {
    stream: 'monitor',
    id: String(row.id),
    teamId: Number(row.team_id),
    brandId: numberOrNull(row.brand_id),
    externalEventId: row.external_event_id,
    eventType: row.event_type,
    eventTime: row.event_time,
    amount: Number(row.amount),
    currency: row.currency,
    balanceBefore: numberOrNull(row.balance_before),
    balanceAfter: numberOrNull(row.balance_after),
    playerExternalId: row.player_external_id,
    playerPhone: row.player_phone,
    playerCountry: row.player_country,
    playerKycLevel: numberOrNull(row.player_kyc_level),
    game: {
      type: row.game_type,
      id: row.game_code,
      name: row.game_name,
      sport: row.sport,
      competition: row.competition,
      odds: numberOrNull(row.odds),
      betId: row.bet_ref,
      provider: row.provider_code,
    },
    uuid: row.uuid,
    operator: row.operator_code,
    ipAddress: row.ip_address,
    sessionId: row.session_id,
  };
}

function rowValues({ teamId, brandId, uuid, valid, receivedAt }: EventRowInput): unknown[] {
  const e = valid.event;
  return [
    uuid,
    teamId,
    brandId,
    e.external_event_id,
    valid.contentHash,
    e.event_type,
    valid.time.toDatabaseText(),
    valid.month,
    e.amount,
    e.currency,
    e.balance_before,
    e.balance_after,
    e.player_id,
    e.player_phone,
    e.player_country,
    e.player_kyc_level,
    e.game_type,
    e.game_id,
    e.game_name,
    e.game_sport,
    e.game_competition,
    e.game_odds,
    e.game_bet_id,
    e.game_provider,
    e.device_type,
    e.operator,
    e.ip_address,
    e.session_id,
    e.user_agent,
    'RECEIVED',
    receivedAt.toDatabaseText(),
    0,
    partitionOf(teamId, e.player_id),
  ];
}
