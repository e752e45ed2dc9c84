import { DataSource } from 'typeorm';
import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { SqlDatabase } from '../../src/database/sql-database';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { runCliWith } from '../support/cli';
import { createTeam, type TestTeam } from '../support/fixtures';
import { poisonPipeline } from '../support/poisoned-pipeline';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/**
 * One pipeline for both streams (issue 14): AML betting events are processed like monitor events,
 * with the bettor as the player; one player's events are processed in arrival order across both
 * streams and any number of loops; the backlog shows in /metrics and /health; FAILED events can be
 * requeued. Apps start without a worker unless a test gives them one.
 */
const CPF = '01234567890';

const deposit = (eventId: string, playerId: string, amount = 1000) => ({
  event_id: eventId,
  player: { id: playerId },
  event: { type: 'DEPOSIT', timestamp: '2026-01-31T12:00:00Z', amount, currency: 'BRL' },
});

const slip = (slipId: string, taxId = CPF) => ({
  ...SINGLE_NEW_BET_EXAMPLE,
  tax_id: taxId,
  bet_slip_id: slipId,
});

async function rows<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.app.get(DataSource).query(sql, params)) as T[];
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the processing pipeline', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  const postAml = (body: object) =>
    t.http.post('/betting-events').set('X-API-Key', team.apiKey).send(body).expect(200);
  const amlStatus = async (id: string) =>
    (await t.http.get(`/betting-events/${id}/status`).set('X-API-Key', team.apiKey).expect(200))
      .body as { id: string; status: string; processed_at: string | null };
  const drain = () => t.app.get(ProcessingWorker).drain();

  it('processes an AML betting event once, with its bettor as the player, and shows its status', async () => {
    const { body } = await postAml(slip('slip-p1'));
    expect(body).toEqual({ id: expect.stringMatching(/^evt_/) });
    expect(await amlStatus(body.id)).toEqual({
      id: body.id,
      status: 'RECEIVED',
      processed_at: null,
    });
    // The slip's projection is synchronous: the sports bet shows at once.
    const list = await t.http.get('/api/sports-bet/list').set('X-API-Key', team.apiKey).expect(200);
    expect(list.body.items.map((b: { bet_id: string }) => b.bet_id)).toEqual(['slip-p1']);

    await drain();
    const processed = await amlStatus(body.id);
    expect(processed).toEqual({
      id: body.id,
      status: 'PROCESSED',
      processed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
    });
    // The repeat answers the same id and queues nothing more: the player counts one event.
    await postAml(slip('slip-p1'));
    await drain();
    const [player] = await rows<{ external_id: string; cpf: string; events_count: number }>(
      t,
      'SELECT external_id, cpf, events_count FROM players WHERE team_id = ?',
      [team.id],
    );
    expect({ ...player, events_count: Number(player.events_count) }).toEqual({
      external_id: CPF,
      cpf: CPF,
      events_count: 1,
    });
    expect(await amlStatus(body.id)).toEqual(processed);
  });

  it('answers 404 in the AML shape for an unknown event or another team', async () => {
    const { body } = await postAml(slip('slip-p2'));
    const other = await createTeam(t);
    for (const [key, id] of [
      [team.apiKey, 'evt_unknown'],
      [other.apiKey, body.id as string],
    ]) {
      const res = await t.http
        .get(`/betting-events/${id}/status`)
        .set('X-API-Key', key)
        .expect(404);
      expect(res.body).toEqual({
        error: { message: `Betting event ${id} not found`, status: 404 },
      });
    }
  });

  it("counts a CPF bettor's AML events and the monitor events sent under the CPF as one player", async () => {
    await t.http
      .post('/api/v1/events')
      .set('X-API-Key', team.apiKey)
      .send(deposit('d-1', CPF))
      .expect(202);
    await postAml(slip('slip-p3'));
    await drain();
    const players = await rows<{ external_id: string; events_count: number }>(
      t,
      'SELECT external_id, events_count FROM players WHERE team_id = ?',
      [team.id],
    );
    expect(players.map((p) => [p.external_id, Number(p.events_count)])).toEqual([[CPF, 2]]);
  });

  it('keeps per-team, per-minute counts of the events received and processed', async () => {
    await t.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events: [deposit('m-1', 'a'), deposit('m-2', 'b'), deposit('m-3', 'a')] })
      .expect(200);
    await postAml(slip('slip-p4'));
    await drain();
    const counts = await rows<{
      stream: string;
      received: number;
      processed: number;
      failed: number;
    }>(
      t,
      'SELECT stream, SUM(received) AS received, SUM(processed) AS processed, SUM(failed) AS failed ' +
        'FROM event_minute_counts WHERE team_id = ? GROUP BY stream ORDER BY stream',
      [team.id],
    );
    expect(counts.map((c) => [c.stream, +c.received, +c.processed, +c.failed])).toEqual([
      ['aml', 1, 1, 0],
      ['monitor', 3, 3, 0],
    ]);
  });

  it('shows events received, processed and waiting in /metrics', async () => {
    const metric = (text: string, name: string) =>
      Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    const before = (await t.http.get('/metrics').expect(200)).text;
    await t.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events: [deposit('x-1', 'a'), deposit('x-2', 'b')] })
      .expect(200);
    await postAml(slip('slip-p5'));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the backlog is read once a second
    const waiting = (await t.http.get('/metrics').expect(200)).text;
    expect(metric(waiting, 'events_received_total{stream="monitor"}')).toBe(
      metric(before, 'events_received_total{stream="monitor"}') + 2,
    );
    expect(metric(waiting, 'events_received_total{stream="aml"}')).toBe(
      metric(before, 'events_received_total{stream="aml"}') + 1,
    );
    expect(metric(waiting, 'processing_backlog_events{stream="monitor"}')).toBeGreaterThanOrEqual(
      2,
    );
    expect(metric(waiting, 'processing_backlog_events{stream="aml"}')).toBeGreaterThanOrEqual(1);
    expect(metric(waiting, 'processing_backlog_oldest_age_seconds')).toBeGreaterThan(0);

    await drain();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = (await t.http.get('/metrics').expect(200)).text;
    expect(metric(after, 'events_processed_total{stream="monitor"}')).toBeGreaterThanOrEqual(
      metric(before, 'events_processed_total{stream="monitor"}') + 2,
    );
    expect(metric(after, 'events_processed_total{stream="aml"}')).toBeGreaterThanOrEqual(
      metric(before, 'events_processed_total{stream="aml"}') + 1,
    );
    expect(metric(after, 'processing_backlog_events{stream="monitor"}')).toBe(0);
    expect(metric(after, 'processing_backlog_oldest_age_seconds')).toBe(0);
    expect(after).toMatch(/^processing_batch_duration_seconds_count\{outcome="committed"\} [1-9]/m);
  });

  it('drops a queued event that no longer waits (processed by an older version), never processing it twice', async () => {
    await t.http
      .post('/api/v1/events')
      .set('X-API-Key', team.apiKey)
      .send(deposit('stale-1', 'pl-stale'))
      .expect(202);
    // What an instance of the previous version does during an upgrade: its own worker marks it.
    await rows(
      t,
      "UPDATE events SET status = 'PROCESSED' WHERE team_id = ? AND external_event_id = 'stale-1'",
      [team.id],
    );
    await t.http
      .post('/api/v1/events')
      .set('X-API-Key', team.apiKey)
      .send(deposit('fresh-1', 'pl-fresh'))
      .expect(202);
    await drain();
    const queued = await rows<{ n: string }>(
      t,
      'SELECT COUNT(*) AS n FROM processing_queue WHERE team_id = ?',
      [team.id],
    );
    expect(Number(queued[0].n)).toBe(0);
    const players = await rows<{ external_id: string }>(
      t,
      'SELECT external_id FROM players WHERE team_id = ?',
      [team.id],
    );
    expect(players.map((p) => p.external_id)).toEqual(['pl-fresh']);
    expect(t.logs.find('no longer RECEIVED')[0]).toMatchObject({ level: 40 });
  });

  it('fails an AML event after 3 attempts, then requeues it with the CLI and processes it', async () => {
    const cure = poisonPipeline(
      t,
      (e) => e.stream === 'aml' && e.slipRef === 'slip-poison',
      'cannot digest the slip',
    );
    try {
      const poisoned = (await postAml(slip('slip-poison'))).body.id as string;
      const good = (await postAml(slip('slip-good'))).body.id as string;
      await drain();
      expect(await amlStatus(poisoned)).toEqual({
        id: poisoned,
        status: 'FAILED',
        processed_at: expect.any(String),
      });
      expect((await amlStatus(good)).status).toBe('PROCESSED');
      const [failure] = await rows<{ failed_attempts: number; last_error: string }>(
        t,
        'SELECT failed_attempts, last_error FROM betting_events WHERE public_id = ?',
        [poisoned],
      );
      expect([Number(failure.failed_attempts), failure.last_error]).toEqual([
        3,
        'Processing step "poison" failed: cannot digest the slip',
      ]);
      expect(t.logs.find('FAILED after 3 attempts')).toHaveLength(1);
      expect(t.logs.find('FAILED after 3 attempts')[0]).toMatchObject({ level: 50 });

      cure();
      const requeue = await runCliWith(t.config, ['events', 'requeue-failed', '--json']);
      expect(requeue.code).toBe(0);
      expect(requeue.json.requeued.aml).toBeGreaterThanOrEqual(1);
      expect((await amlStatus(poisoned)).status).toBe('RECEIVED');
      await drain();
      expect((await amlStatus(poisoned)).status).toBe('PROCESSED');
    } finally {
      cure();
    }
  });

  it('answers /health with status degraded (200) when the oldest waiting event is older than the limit', async () => {
    const lagging = await startTestApp({ env: { WORKER_LAG_DEGRADED_SECONDS: '1' } });
    try {
      const other = await createTeam(lagging);
      await lagging.http
        .post('/api/v1/events')
        .set('X-API-Key', other.apiKey)
        .send(deposit('old-1', 'p'))
        .expect(202);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const res = await lagging.http.get('/health').expect(200);
      const processing = {
        status: 'degraded',
        backlog: expect.any(Number),
        oldest_age_seconds: expect.any(Number),
        limit_seconds: 1,
      };
      expect(res.body).toEqual({
        status: 'degraded',
        info: { database: { status: 'up', responseTime: expect.any(Number) } },
        error: { processing },
        details: { database: { status: 'up', responseTime: expect.any(Number) }, processing },
      });
      expect(res.body.details.processing.oldest_age_seconds).toBeGreaterThan(1);
      expect(lagging.logs.find('Processing lags')[0]).toMatchObject({ level: 40 });
      await lagging.app.get(ProcessingWorker).drain();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await lagging.http.get('/health').expect(200)).body.status).toBe('ok');
    } finally {
      await lagging.close();
    }
  });
});

describe('per-player order with several loops', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it("processes each player's events of both streams in arrival order, each once", async () => {
    const env = {
      WORKER_ENABLED: 'true',
      WORKER_LOOPS: '3',
      WORKER_BATCH_SIZE: '7',
      WORKER_POLL_MS: '20',
    };
    // Two instances on MySQL/MariaDB (one database); one on SQLite (its file is its own).
    const instances = dialectUnderTest() === 'mysql' ? 2 : 1;
    for (let i = 0; i < instances; i++) apps.push(await startTestApp({ env }));
    const [t] = apps;
    const team = await createTeam(t);
    const cpfs = ['11144477735', '52998224725', '39053344705'];
    const players = [...cpfs, ...Array.from({ length: 17 }, (_, i) => `pl-${i}`)];
    let n = 0;
    for (let round = 0; round < 12; round++) {
      const app = apps[round % apps.length];
      const events = players.flatMap((player) =>
        Array.from({ length: 3 }, () => deposit(`o-${n++}`, player, 100 + n)),
      );
      await app.http
        .post('/api/v1/events/batch')
        .set('X-API-Key', team.apiKey)
        .send({ events })
        .expect(200);
      for (const cpf of cpfs) {
        await app.http
          .post('/betting-events')
          .set('X-API-Key', team.apiKey)
          .send(slip(`slip-${cpf}-${round}`, cpf))
          .expect(200);
      }
    }
    const total = n + 12 * cpfs.length;
    const processed = async () =>
      Number(
        (
          await rows<{ n: string }>(
            t,
            "SELECT (SELECT COUNT(*) FROM events WHERE team_id = ? AND status = 'PROCESSED') + " +
              "(SELECT COUNT(*) FROM betting_events WHERE team_id = ? AND status = 'PROCESSED') AS n",
            [team.id, team.id],
          )
        )[0].n,
      );
    await waitFor(async () => (await processed()) === total);

    // Arrival order (received_at, each request after the last one's answer) against the time each
    // event's batch committed: never earlier than the batch of an event of its player before it.
    const timestamp = (c: string) => t.app.get(SqlDatabase).dialect.timestampText(c);
    // The events of one batch request share their received_at: their row ids tell their order.
    const history = await rows<{
      id: number;
      player: string;
      received_at: string;
      processed_at: string;
    }>(
      t,
      `SELECT id, player_external_id AS player, ${timestamp('received_at')} AS received_at, ${timestamp('processed_at')} AS processed_at ` +
        'FROM events WHERE team_id = ? UNION ALL ' +
        `SELECT e.id, p.external_id AS player, ${timestamp('e.received_at')} AS received_at, ${timestamp('e.processed_at')} AS processed_at ` +
        'FROM betting_events e JOIN players p ON p.id = e.player_id WHERE e.team_id = ?',
      [team.id, team.id],
    );
    const byPlayer = new Map<string, (typeof history)[number][]>();
    for (const row of history) byPlayer.set(row.player, [...(byPlayer.get(row.player) ?? []), row]);
    expect(byPlayer.size).toBe(players.length);
    for (const [player, events] of byPlayer) {
      events.sort((a, b) =>
        a.received_at !== b.received_at
          ? a.received_at < b.received_at
            ? -1
            : 1
          : Number(a.id) - Number(b.id),
      );
      const outOfOrder = events.filter(
        (event, i) => i > 0 && event.processed_at < events[i - 1].processed_at,
      );
      expect([player, outOfOrder]).toEqual([player, []]);
    }
    const counts = await rows<{ external_id: string; events_count: number }>(
      t,
      'SELECT external_id, events_count FROM players WHERE team_id = ?',
      [team.id],
    );
    expect(Object.fromEntries(counts.map((p) => [p.external_id, Number(p.events_count)]))).toEqual(
      Object.fromEntries(players.map((p) => [p, cpfs.includes(p) ? 48 : 36])),
    );
  }, 90_000);
});
