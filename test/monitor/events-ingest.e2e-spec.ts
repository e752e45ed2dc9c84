import { ProcessingWorker } from '../../src/processing/processing.worker';
import { DataSource } from 'typeorm';
import { SqlDatabase } from '../../src/database/sql-database';
import { EventRepository } from '../../src/events/event.repository';
import {
  BATCH_EXAMPLE,
  FLAT_EVENT_EXAMPLE,
  GROUPED_EVENT_EXAMPLE,
} from '../../src/events/dto/event.examples';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Seed 000, POST /api/v1/events and /events/batch: what is answered and what is stored. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MICROSECONDS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The seed's own examples (also Swagger's). */
const SEED_GROUPED = GROUPED_EVENT_EXAMPLE;
const SEED_FLAT = FLAT_EVENT_EXAMPLE;

const deposit = (eventId: string, amount = 1000) => ({
  event_id: eventId,
  player: { id: 'player_123' },
  event: { type: 'DEPOSIT', timestamp: '2026-01-31T12:00:00Z', amount, currency: 'XOF' },
});

describe('monitor event ingestion', () => {
  let t: TestApp;
  let team: TestTeam;
  let db: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  const post = (path: string, body: unknown) =>
    t.http
      .post(`/api/v1/events${path}`)
      .set('X-API-Key', team.apiKey)
      .send(body as object);

  const storedRows = async (teamId = team.id) =>
    (await db.query('SELECT * FROM events WHERE team_id = ? ORDER BY id', [teamId])) as Record<
      string,
      unknown
    >[];

  it("answers the seed's grouped body with 202 and exactly the seed's data fields", async () => {
    const before = Date.now();
    const response = await post('', SEED_GROUPED).expect(202);
    expect(response.body).toEqual({
      success: true,
      data: {
        uuid: expect.stringMatching(UUID),
        event_month: 202602,
        external_event_id: 'evt_20250203_143245_abc123',
        amount_cents: 500000,
        amount: 5000,
        currency: 'XOF',
        received_at: expect.stringMatching(MICROSECONDS_UTC),
      },
    });
    const receivedAt = Date.parse(response.body.data.received_at);
    expect(receivedAt).toBeGreaterThanOrEqual(before - 5);
    expect(receivedAt).toBeLessThanOrEqual(Date.now() + 5);
  });

  it("answers the seed's flat curl body the same way (amount_cents = amount x 100)", async () => {
    const response = await post('', SEED_FLAT).expect(202);
    expect(response.body).toEqual({
      success: true,
      data: {
        uuid: expect.stringMatching(UUID),
        event_month: 202601,
        external_event_id: 'evt-123',
        amount_cents: 10000000,
        amount: 100000,
        currency: 'XOF',
        received_at: expect.stringMatching(MICROSECONDS_UTC),
      },
    });
  });

  // On SQLite the test reads through the service's own connection; durability across a crash is
  // what test/monitor/ingest-crash.e2e-spec.ts shows, on both databases.
  it('has the row stored when the 202 arrives, with every field of the body', async () => {
    const { body } = await post('', SEED_GROUPED).expect(202);
    const [row] = await storedRows();
    expect({ ...row, amount: Number(row.amount) }).toMatchObject({
      uuid: body.data.uuid,
      team_id: team.id,
      external_event_id: 'evt_20250203_143245_abc123',
      event_type: 'BET_PLACED',
      event_month: 202602,
      amount: 5000,
      currency: 'XOF',
      player_external_id: 'pl_12345abc',
      player_phone: '+221771234567',
      player_country: 'SEN',
      player_kyc_level: 2,
      game_type: 'SPORTS',
      game_code: 'game_789',
      game_name: 'Senegal vs Nigeria',
      sport: 'football',
      competition: 'CAN 2025',
      odds: 2.5,
      bet_ref: 'bet_456',
      provider_code: null,
      device_type: 'MOBILE',
      operator_code: 'ORANGE_SN',
      ip_address: '41.138.45.22',
      session_id: 'sess_xyz',
      user_agent: null,
      status: 'RECEIVED',
      processed_at: null,
      failed_attempts: 0,
    });
    expect([Number(row.balance_before), Number(row.balance_after)]).toEqual([15000, 10000]);
  });

  it('stores the event time in UTC with its microseconds, and the received_at it answered', async () => {
    const { body } = await post('', {
      ...SEED_FLAT,
      external_event_id: 'evt-micro',
      event_timestamp: '2026-03-01T00:30:00.123456+01:00',
    }).expect(202);
    expect(body.data.event_month).toBe(202602);
    const timestamp = (column: string) => t.app.get(SqlDatabase).dialect.timestampText(column);
    const [row] = (await db.query(
      `SELECT ${timestamp('event_time')} AS event_time, ${timestamp('received_at')} AS received_at, event_month ` +
        "FROM events WHERE team_id = ? AND external_event_id = 'evt-micro'",
      [team.id],
    )) as { event_time: string; received_at: string; event_month: number }[];
    expect(row).toEqual({
      event_time: '2026-02-28 23:30:00.123456',
      received_at: (body.data.received_at as string).replace('T', ' ').replace('Z', ''),
      event_month: 202602,
    });
  });

  it('stores text with quotes, backslashes, control characters and question marks exactly as sent', async () => {
    const nasty = `O'Brien \\ "quoted" ? \n\t\0 ; DROP TABLE events; -- ⚽ Côte d’Ivoire`;
    await post('', {
      ...SEED_GROUPED,
      event_id: 'evt-nasty?',
      game: { ...SEED_GROUPED.game, name: nasty },
    }).expect(202);
    await post('/batch', {
      events: [{ ...SEED_GROUPED, event_id: "evt-'batch'", metadata: { user_agent: nasty } }],
    }).expect(200);
    const rows = await storedRows();
    expect(rows.map((r) => [r.external_event_id, r.game_name, r.user_agent])).toEqual([
      ['evt-nasty?', nasty, null],
      ["evt-'batch'", 'Senegal vs Nigeria', nasty],
    ]);
  });

  it('counts a limit in characters, not UTF-16 units: 100 emoji fit a 100-character id, and are stored whole', async () => {
    const lions = '\u{1F981}'.repeat(100); // 200 UTF-16 units
    const { uuid } = (
      await post('', { ...SEED_GROUPED, event_id: lions, player: { id: lions } }).expect(202)
    ).body.data;
    const [row] = await storedRows();
    expect([row.external_event_id, row.player_external_id]).toEqual([lions, lions]);
    // Processed like any other: its player, its detection state, its projections.
    await t.app.get(ProcessingWorker).drain();
    const status = await t.http
      .get(`/api/v1/events/${uuid}/status`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(status.body.status).toBe('PROCESSED');
    const player = await t.http
      .get(`/api/v1/players/${encodeURIComponent(lions)}`)
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(player.body.data.external_id).toBe(lions);
    const refused = await post('', { ...SEED_GROUPED, event_id: `${lions}\u{1F981}` }).expect(400);
    expect(refused.body.error.details).toEqual([
      { field: 'event_id', message: 'external_event_id must be at most 100 characters long' },
    ]);
  });

  it('stores the grouped and the flat form of one event as the same event', async () => {
    const flat = await post('', SEED_FLAT).expect(202);
    const grouped = await post('', {
      event_id: 'evt-123',
      player: { id: 'player-456' },
      event: {
        type: 'DEPOSIT',
        amount: 100000,
        currency: 'XOF',
        timestamp: '2026-01-31T12:00:00.000Z',
      },
    }).expect(202);
    expect(grouped.body).toEqual(flat.body);
    expect(await storedRows()).toHaveLength(1);
  });

  it('writes single events arriving together with fewer statements than requests (group commit)', async () => {
    // Its own instance, lingering 20 ms for more events under load: with the 2 ms default on
    // SQLite, whether 60 requests overlap depends on how busy the machine running the tests is.
    const own = await startTestApp({
      env: { GROUP_COMMIT_LINGER_MS: '20' },
    });
    const ownTeam = await createTeam(own);
    const insert = jest.spyOn(own.app.get(EventRepository), 'insertNew');
    try {
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          own.http
            .post('/api/v1/events')
            .set('X-API-Key', ownTeam.apiKey)
            .send(deposit(`gc-${i}`, i + 1)),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(60).fill(202));
      expect(new Set(responses.map((r) => r.body.data.uuid)).size).toBe(60);
      expect(insert.mock.calls.length).toBeLessThan(60);
      const rows = (await own.app
        .get(DataSource)
        .query('SELECT * FROM events WHERE team_id = ? ORDER BY id', [ownTeam.id])) as Record<
        string,
        unknown
      >[];
      expect(rows.map((r) => r.external_event_id).sort()).toEqual(
        Array.from({ length: 60 }, (_, i) => `gc-${i}`).sort(),
      );
      // Each answer names the row that holds its own content.
      const byUuid = new Map(rows.map((r) => [r.uuid, Number(r.amount)]));
      for (const r of responses) {
        expect(byUuid.get(r.body.data.uuid)).toBe(r.body.data.amount);
      }
    } finally {
      insert.mockRestore();
      await own.close();
    }
  });

  it('keeps teams apart: the same event_id in two teams is two events', async () => {
    const other = await createTeam(t);
    const mine = await post('', SEED_FLAT).expect(202);
    const theirs = await t.http
      .post('/api/v1/events')
      .set('X-API-Key', other.apiKey)
      .send(SEED_FLAT)
      .expect(202);
    expect(theirs.body.data.uuid).not.toBe(mine.body.data.uuid);
    expect(await storedRows(team.id)).toHaveLength(1);
    expect(await storedRows(other.id)).toHaveLength(1);
  });

  it("answers the seed's batch with a uuid per event in input order", async () => {
    const batch = {
      events: [
        ...BATCH_EXAMPLE.events,
        { ...deposit('evt_003'), event: { ...deposit('x').event, type: 'INVALID' } },
      ],
    };
    const { body } = await post('/batch', batch).expect(200);
    expect(body).toEqual({
      success: true,
      data: {
        success_count: 2,
        failed_count: 1,
        events: [
          { uuid: expect.stringMatching(UUID), external_event_id: 'evt_001' },
          { uuid: expect.stringMatching(UUID), external_event_id: 'evt_002' },
          { uuid: null, external_event_id: 'evt_003', error: 'invalid event_type: INVALID' },
        ],
      },
    });
    const rows = await storedRows();
    expect(rows.map((r) => [r.external_event_id, r.uuid])).toEqual([
      ['evt_001', body.data.events[0].uuid],
      ['evt_002', body.data.events[1].uuid],
    ]);
  });

  it('answers a batch repeat with the first uuids and stores nothing more', async () => {
    const batch = { events: [deposit('r-1'), deposit('r-2')] };
    const first = await post('/batch', batch).expect(200);
    const again = await post('/batch', batch).expect(200);
    expect(again.body).toEqual(first.body);
    const single = await post('', deposit('r-2')).expect(202);
    expect(single.body.data.uuid).toBe(first.body.data.events[1].uuid);
    expect(await storedRows()).toHaveLength(2);
  });
});
