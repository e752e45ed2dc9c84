import { DataSource, QueryFailedError } from 'typeorm';
import { SqlDatabase } from '../../src/database/sql-database';
import { MonitorEventStream } from '../../src/events/monitor-event.stream';
import { ProcessingPipeline } from '../../src/processing/processing-pipeline';
import { ProcessingStepError } from '../../src/processing/processing-step';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/**
 * Processing of received events: RECEIVED -> PROCESSED, players, failures, several workers.
 * Every worker of the e2e suite runs in this file (test apps start without one), so that no
 * other test file sees its events processed behind its back.
 */
const deposit = (
  eventId: string,
  playerId: string,
  extra: { player?: object; timestamp?: string } = {},
) => ({
  event_id: eventId,
  player: { id: playerId, ...extra.player },
  event: {
    type: 'DEPOSIT',
    timestamp: extra.timestamp ?? '2026-01-31T12:00:00Z',
    amount: 1000,
    currency: 'XOF',
  },
});

/**
 * Fails every event whose id starts with `poison-` (a processing step with a bug), and the first
 * attempt at each event whose id starts with `deadlock-` with a deadlock (a transient conflict).
 */
const deadlocked = new Set<string>();

function poisonSteps(t: TestApp): void {
  const pipeline = t.app.get(ProcessingPipeline);
  const run = pipeline.run.bind(pipeline);
  jest.spyOn(pipeline, 'run').mockImplementation((session, events) => {
    const monitor = events.flatMap((e) => (e.stream === 'monitor' ? [e] : []));
    const locked = monitor.find(
      (e) => e.externalEventId.startsWith('deadlock-') && !deadlocked.has(e.id),
    );
    if (locked) {
      deadlocked.add(locked.id);
      const cause = Object.assign(new Error('Deadlock found when trying to get lock'), {
        errno: 1213,
      });
      return Promise.reject(new QueryFailedError('INSERT INTO players ...', [], cause));
    }
    const poisoned = monitor.find((e) => e.externalEventId.startsWith('poison-'));
    return poisoned
      ? Promise.reject(
          new ProcessingStepError('poison', new Error(`cannot digest ${poisoned.externalEventId}`)),
        )
      : run(session, events);
  });
}

async function statusOf(t: TestApp, team: TestTeam, uuid: string) {
  const { body } = await t.http
    .get(`/api/v1/events/${uuid}/status`)
    .set('X-API-Key', team.apiKey)
    .expect(200);
  return body as { uuid: string; status: string; processed_at: string | null; alerts: object[] };
}

async function playersOf(t: TestApp, teamId: number) {
  const timestamp = (column: string) => t.app.get(SqlDatabase).dialect.timestampText(column);
  const rows = (await t.app
    .get(DataSource)
    .query(
      `SELECT external_id, phone, country, kyc_level, ${timestamp('first_seen_at')} AS first_seen_at, ` +
        `${timestamp('last_seen_at')} AS last_seen_at, events_count FROM players WHERE team_id = ? ORDER BY external_id`,
      [teamId],
    )) as Record<string, unknown>[];
  return rows.map((row) => ({
    ...row,
    kyc_level: row.kyc_level === null ? null : Number(row.kyc_level),
    events_count: Number(row.events_count),
  }));
}

describe('event processing', () => {
  describe('by the worker of one instance', () => {
    let t: TestApp;
    let team: TestTeam;

    beforeAll(async () => {
      t = await startTestApp();
      poisonSteps(t);
    });
    afterAll(() => t.close());
    beforeEach(async () => {
      team = await createTeam(t);
    });

    const post = (body: object) =>
      t.http.post('/api/v1/events').set('X-API-Key', team.apiKey).send(body).expect(202);
    const drain = () => t.app.get(ProcessingWorker).drain();

    it('shows the progression RECEIVED -> PROCESSED on the status route', async () => {
      const { body } = await post(deposit('p-1', 'pl-1'));
      expect(await statusOf(t, team, body.data.uuid)).toEqual({
        uuid: body.data.uuid,
        status: 'RECEIVED',
        processed_at: null,
        alerts: [],
      });
      const before = Date.now();
      expect(await drain()).toBeGreaterThanOrEqual(1);
      const status = await statusOf(t, team, body.data.uuid);
      expect(status).toEqual({
        uuid: body.data.uuid,
        status: 'PROCESSED',
        processed_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
        alerts: [],
      });
      expect(Date.parse(status.processed_at!)).toBeGreaterThanOrEqual(before - 5);
    });

    it("creates each event's player, then folds later events into it", async () => {
      await post(
        deposit('a-1', 'pl-a', {
          player: { phone: '+221771234567', country: 'SEN', kyc_level: 1 },
        }),
      );
      await post(deposit('b-1', 'pl-b'));
      await drain();
      await post(
        deposit('a-2', 'pl-a', { player: { kyc_level: 3 }, timestamp: '2026-02-01T08:00:00Z' }),
      );
      await post(deposit('a-0', 'pl-a', { timestamp: '2026-01-01T00:00:00Z' }));
      await drain();
      expect(await playersOf(t, team.id)).toEqual([
        {
          external_id: 'pl-a',
          phone: '+221771234567',
          country: 'SEN',
          kyc_level: 3,
          first_seen_at: '2026-01-01 00:00:00.000000',
          last_seen_at: '2026-02-01 08:00:00.000000',
          events_count: 3,
        },
        {
          external_id: 'pl-b',
          phone: null,
          country: null,
          kyc_level: null,
          first_seen_at: '2026-01-31 12:00:00.000000',
          last_seen_at: '2026-01-31 12:00:00.000000',
          events_count: 1,
        },
      ]);
    });

    it('keeps the profile of the latest event by event time: a backfill only fills what is missing', async () => {
      await post(
        deposit('n-1', 'pl-n', {
          player: { country: 'SEN', kyc_level: 3 },
          timestamp: '2026-02-01T08:00:00Z',
        }),
      );
      await drain();
      // Older events, in a batch of their own and then one by one: KYC 1 and CIV are the past.
      await post(
        deposit('o-1', 'pl-n', {
          player: { country: 'CIV', kyc_level: 1, phone: '+225070000001' },
          timestamp: '2026-01-01T00:00:00Z',
        }),
      );
      await drain();
      // In one batch: an old event arriving after a newer one does not win either.
      await post(
        deposit('n-2', 'pl-n', { player: { kyc_level: 2 }, timestamp: '2026-02-02T00:00:00Z' }),
      );
      await post(
        deposit('o-2', 'pl-n', { player: { kyc_level: 0 }, timestamp: '2026-01-02T00:00:00Z' }),
      );
      await drain();
      // In one batch: an old phone beside a newer event that sends none is not taken either.
      await post(
        deposit('o-3', 'pl-n', {
          player: { phone: '+225079999999' },
          timestamp: '2026-01-15T00:00:00Z',
        }),
      );
      await post(deposit('n-3', 'pl-n', { timestamp: '2026-02-03T00:00:00Z' }));
      await drain();
      const [player] = await playersOf(t, team.id);
      expect(player).toMatchObject({
        external_id: 'pl-n',
        phone: '+225070000001',
        country: 'SEN',
        kyc_level: 2,
        first_seen_at: '2026-01-01 00:00:00.000000',
        last_seen_at: '2026-02-03 00:00:00.000000',
        events_count: 6,
      });
    });

    it('retries a batch that met a deadlock, without counting it against its events', async () => {
      const { body } = await post(deposit('deadlock-1', 'pl-d'));
      await drain();
      expect((await statusOf(t, team, body.data.uuid)).status).toBe('PROCESSED');
      const [row] = (await t.app
        .get(DataSource)
        .query('SELECT failed_attempts, last_error FROM events WHERE uuid = ?', [
          body.data.uuid,
        ])) as {
        failed_attempts: number;
        last_error: string | null;
      }[];
      expect([Number(row.failed_attempts), row.last_error]).toEqual([0, null]);
      expect((await playersOf(t, team.id)).map((p) => p.events_count)).toEqual([1]);
    });

    it('fails only the event at fault, after 3 attempts, and processes the others', async () => {
      const good1 = await post(deposit('g-1', 'pl-g'));
      const poison = await post(deposit('poison-1', 'pl-g'));
      const good2 = await post(deposit('g-2', 'pl-g'));
      await drain();
      expect((await statusOf(t, team, good1.body.data.uuid)).status).toBe('PROCESSED');
      expect((await statusOf(t, team, good2.body.data.uuid)).status).toBe('PROCESSED');
      const failed = await statusOf(t, team, poison.body.data.uuid);
      expect(failed).toEqual({
        uuid: poison.body.data.uuid,
        status: 'FAILED',
        processed_at: expect.any(String),
        alerts: [],
      });
      const [row] = (await t.app
        .get(DataSource)
        .query(
          "SELECT failed_attempts, last_error FROM events WHERE team_id = ? AND external_event_id = 'poison-1'",
          [team.id],
        )) as {
        failed_attempts: number;
        last_error: string;
      }[];
      expect(Number(row.failed_attempts)).toBe(3);
      expect(row.last_error).toBe('Processing step "poison" failed: cannot digest poison-1');
      // Its player counts the two good events only: the failed attempts left nothing behind.
      expect((await playersOf(t, team.id)).map((p) => p.events_count)).toEqual([2]);
    });
  });

  it('runs by itself when enabled: a posted event becomes PROCESSED without any help', async () => {
    const t = await startTestApp({ env: { WORKER_ENABLED: 'true', WORKER_POLL_MS: '5000' } });
    try {
      const team = await createTeam(t);
      // On MySQL the database is shared with earlier test files, whose events wait unprocessed:
      // clear that backlog first, so that the 2 s below measure the wake-up, not the backlog.
      await t.app.get(ProcessingWorker).drain();
      const { body } = await t.http
        .post('/api/v1/events')
        .set('X-API-Key', team.apiKey)
        .send(deposit('live-1', 'pl'))
        .expect(202);
      // The poll interval is 5 s: within 2 s, only the wake-up after the commit can have done it.
      const deadline = Date.now() + 2000;
      let status = await statusOf(t, team, body.data.uuid);
      while (status.status !== 'PROCESSED' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = await statusOf(t, team, body.data.uuid);
      }
      expect(status.status).toBe('PROCESSED');
    } finally {
      await t.close();
    }
  });

  (dialectUnderTest() === 'mysql' ? it : it.skip)(
    'shares the queue between several workers (SKIP LOCKED): each event processed exactly once',
    async () => {
      const env = { WORKER_ENABLED: 'true', WORKER_BATCH_SIZE: '20', WORKER_POLL_MS: '20' };
      const apps = await Promise.all([1, 2, 3].map(() => startTestApp({ env })));
      try {
        const processedBy = apps.map((app) => {
          const stream = app.app.get(MonitorEventStream);
          const markProcessed = stream.markProcessed.bind(stream);
          const counter = { events: 0 };
          jest.spyOn(stream, 'markProcessed').mockImplementation(async (session, ids, at) => {
            const marked = await markProcessed(session, ids, at);
            counter.events += ids.length; // counted only when the marking went through
            return marked;
          });
          return counter;
        });
        const team = await createTeam(apps[0]);
        const total = 1500;
        for (let start = 0; start < total; start += 500) {
          const events = Array.from({ length: 500 }, (_, i) =>
            deposit(`m-${start + i}`, `pl-${(start + i) % 150}`),
          );
          const { body } = await apps[(start / 500) % 3].http
            .post('/api/v1/events/batch')
            .set('X-API-Key', team.apiKey)
            .send({ events })
            .expect(200);
          expect(body.data.success_count).toBe(500);
        }
        const db = apps[0].app.get(DataSource);
        const deadline = Date.now() + 30_000;
        const waiting = async () =>
          Number(
            (
              (await db.query(
                "SELECT COUNT(*) AS n FROM events WHERE team_id = ? AND status <> 'PROCESSED'",
                [team.id],
              )) as {
                n: string;
              }[]
            )[0].n,
          );
        while ((await waiting()) > 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        expect(await waiting()).toBe(0);
        const players = await playersOf(apps[0], team.id);
        expect(players).toHaveLength(150);
        expect(players.every((p) => p.events_count === 10)).toBe(true);
        expect(processedBy.filter((counter) => counter.events > 0).length).toBeGreaterThanOrEqual(
          2,
        );
        expect(
          processedBy.reduce((sum, counter) => sum + counter.events, 0),
        ).toBeGreaterThanOrEqual(total);
      } finally {
        await Promise.all(apps.map((app) => app.close()));
      }
    },
    60_000,
  );
});
