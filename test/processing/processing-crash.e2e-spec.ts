import { DataSource } from 'typeorm';
import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { evaluateEvents } from '../../src/detection/engine/evaluate';
import { fakeFacts, monitorEvent, rulesFor } from '../../src/detection/engine/testing';
import { RULE_PACK } from '../../src/detection/rules/rule-pack';
import { createTeam } from '../support/fixtures';
import { spawnService, waitForOutput, type ServiceProcess } from '../support/service-process';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest, workerDatabaseUrl } from '../support/test-database';

/**
 * Exactly once across a crash (issue 14): two instances drain one queue, each with two loops;
 * the second one, a process of its own, is killed with SIGKILL in the middle of the drain. Its
 * uncommitted batches roll back with its connections, its partitions are taken over when their
 * leases expire, and every event ends PROCESSED once: no projection, no player activity, no
 * minute count counted twice or missed, and every rule hit once: the alerts hold what the rule
 * engine finds in the same events processed without a crash. Needs a database server that two
 * processes share.
 */
const PLAYERS = 100;
const STEPS = 30; // events per player: 5 cycles of placement, win, deposit, placement, loss, withdrawal
const LEASE_MS = '1500';

function eventOf(step: number, player: number) {
  const cycle = Math.floor(step / 6);
  const at = new Date(Date.UTC(2026, 1, 1, 0, 0, 0) + step * 60_000).toISOString();
  const base = { event_id: `crash-${player}-${step}`, player: { id: `p${player}` } };
  const casino = {
    type: 'LIVE_CASINO',
    id: 'roulette',
    bet_id: `c-${player}-${cycle}`,
    provider: 'evo',
  };
  const sports = { type: 'SPORTS', id: 'match-1', bet_id: `s-${player}-${cycle}`, odds: 2.5 };
  const event = (type: string, amount: number) => ({
    type,
    timestamp: at,
    amount,
    currency: 'XOF',
  });
  switch (step % 6) {
    case 0:
      return { ...base, event: event('BET_PLACED', 1000), game: casino };
    case 1:
      return { ...base, event: event('BET_WON', 2500), game: casino };
    case 2:
      return { ...base, event: event('DEPOSIT', 5000) };
    case 3:
      return { ...base, event: event('BET_PLACED', 500), game: sports };
    case 4:
      return { ...base, event: event('BET_LOST', 0), game: sports };
    default:
      return { ...base, event: event('WITHDRAWAL', 2000) };
  }
}

(dialectUnderTest() === 'mysql' ? describe : describe.skip)(
  'processing across a crash (SIGKILL)',
  () => {
    let t: TestApp;
    let second: ServiceProcess | null = null;

    afterAll(async () => {
      if (second && second.child.exitCode === null && second.child.signalCode === null) {
        second.child.kill('SIGKILL');
        await second.exited;
      }
      await t?.close();
    });

    it('processes every event exactly once when an instance dies in the middle of a drain', async () => {
      const worker = { WORKER_LEASE_MS: LEASE_MS, WORKER_BATCH_SIZE: '10', WORKER_POLL_MS: '20' };
      t = await startTestApp({ env: { ...worker, WORKER_ENABLED: 'true' } });
      const team = await createTeam(t);
      const db = t.app.get(DataSource);
      const count = async (sql: string) =>
        Number(((await db.query(sql, [team.id])) as { n: string }[])[0].n);

      // The second instance first, so that it holds partitions when the backlog arrives.
      second = spawnService('main', {
        DB_URL: (await workerDatabaseUrl())!,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO_TEAM: 'false',
        WORKER_ENABLED: 'true',
        WORKER_LOOPS: '2',
        ...worker,
      });
      await waitForOutput(second, /Serving on /);
      const ownersOf = async () =>
        (
          (await db.query(
            'SELECT DISTINCT owner FROM processing_partitions WHERE owner IS NOT NULL',
          )) as {
            owner: string;
          }[]
        ).map((row) => row.owner);
      const secondPid = `:${second.child.pid}:`;
      const deadline = Date.now() + 20_000;
      while (!(await ownersOf()).some((owner) => owner.includes(secondPid))) {
        if (Date.now() > deadline) throw new Error('The second instance never took a partition');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const events = [];
      for (let step = 0; step < STEPS; step++) {
        for (let player = 0; player < PLAYERS; player++) events.push(eventOf(step, player));
      }
      for (let start = 0; start < events.length; start += 1000) {
        const { body } = await t.http
          .post('/api/v1/events/batch')
          .set('X-API-Key', team.apiKey)
          .send({ events: events.slice(start, start + 1000) })
          .expect(200);
        expect(body.data.failed_count).toBe(0);
      }
      for (let i = 0; i < 10; i++) {
        await t.http
          .post('/betting-events')
          .set('X-API-Key', team.apiKey)
          .send({ ...SINGLE_NEW_BET_EXAMPLE, bet_slip_id: `crash-slip-${i}` })
          .expect(200);
      }
      const total = events.length + 10;
      const processed = () =>
        count(
          "SELECT (SELECT COUNT(*) FROM events WHERE team_id = ? AND status = 'PROCESSED') + " +
            `(SELECT COUNT(*) FROM betting_events WHERE team_id = ${team.id} AND status = 'PROCESSED') AS n`,
        );

      // Kill it in the middle: some processed, most still waiting.
      while ((await processed()) < total * 0.15) await new Promise((r) => setTimeout(r, 10));
      second.child.kill('SIGKILL');
      await second.exited;
      const atKill = await processed();
      expect(atKill).toBeLessThan(total);

      const until = Date.now() + 60_000;
      while ((await processed()) < total && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await processed()).toBe(total);
      expect(await count('SELECT COUNT(*) AS n FROM processing_queue WHERE team_id = ?')).toBe(0);
      expect(
        await count("SELECT COUNT(*) AS n FROM events WHERE team_id = ? AND status <> 'PROCESSED'"),
      ).toBe(0);

      // Exactly once: each player counts its events, each bet exists once and shows its outcome.
      const players = (await db.query(
        'SELECT external_id, events_count FROM players WHERE team_id = ? ORDER BY external_id',
        [team.id],
      )) as { external_id: string; events_count: number }[];
      const expected = Object.fromEntries(
        Array.from({ length: PLAYERS }, (_, i) => [`p${i}`, STEPS]),
      );
      expected['01234567890'] = 10; // the AML bettor
      expect(
        Object.fromEntries(players.map((p) => [p.external_id, Number(p.events_count)])),
      ).toEqual(expected);
      const cycles = (STEPS / 6) * PLAYERS;
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM bets WHERE team_id = ? AND status = 1 AND payout_amount = 250000',
        ),
      ).toBe(cycles);
      expect(await count('SELECT COUNT(*) AS n FROM bets WHERE team_id = ?')).toBe(cycles);
      expect(
        await count(
          "SELECT COUNT(*) AS n FROM sports_bets WHERE team_id = ? AND source = 'monitor' AND status = 1 AND payout = 0",
        ),
      ).toBe(cycles);
      expect(
        await count(
          "SELECT SUM(total) AS n FROM bet_record_counts WHERE team_id = ? AND kind = 'bet' AND status = 1",
        ),
      ).toBe(cycles);
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM (SELECT status FROM bet_record_counts WHERE team_id = ? ' +
            "AND kind = 'bet' AND status <> 1 GROUP BY status HAVING SUM(total) <> 0) unsettled",
        ),
      ).toBe(0);
      expect(
        await count(
          "SELECT SUM(total) AS n FROM bet_record_counts WHERE team_id = ? AND kind = 'sports' AND status = 1",
        ),
      ).toBe(cycles);
      expect(await count('SELECT COUNT(*) AS n FROM pending_settlements WHERE team_id = ?')).toBe(
        0,
      );
      expect(
        await count('SELECT SUM(processed) AS n FROM event_minute_counts WHERE team_id = ?'),
      ).toBe(total);
      expect(
        await count('SELECT SUM(received) AS n FROM event_minute_counts WHERE team_id = ?'),
      ).toBe(total);

      // Detection: every hit once. The engine, run over the same monitor events without a crash,
      // finds what the alerts hold, rule by rule and player by player.
      const expectedHits = new Map<string, number>();
      type Body = (typeof events)[number] & { game?: { bet_id: string; odds?: number } };
      const findings = evaluateEvents(
        (events as Body[]).map((body, i) =>
          monitorEvent({
            id: String(i),
            playerId: Number(body.player.id.slice(1)),
            playerExternalId: body.player.id,
            type: body.event.type,
            at: Date.parse(body.event.timestamp) * 1000,
            amountCents: body.event.amount * 100,
            betRef: body.game?.bet_id ?? null,
            odds: body.game?.odds ?? null,
          }),
        ),
        new Map(),
        () => rulesFor(RULE_PACK),
        fakeFacts(),
      );
      for (const f of findings.filter((finding) => finding.mode === 'on')) {
        const key = `${f.event.playerExternalId} ${f.rule.code}`;
        expectedHits.set(key, (expectedHits.get(key) ?? 0) + 1);
      }
      expect(expectedHits.size).toBeGreaterThan(0);
      const stored = (await db.query(
        'SELECT p.external_id, a.rule_code, SUM(a.hit_count) AS hits, ' +
          '(SELECT COUNT(*) FROM alert_hits h JOIN alerts b ON b.id = h.alert_id ' +
          '  WHERE b.player_id = a.player_id AND b.rule_code = a.rule_code) AS rows_stored ' +
          'FROM alerts a JOIN players p ON p.id = a.player_id ' +
          'WHERE a.team_id = ? AND p.cpf IS NULL GROUP BY p.external_id, a.rule_code, a.player_id',
        [team.id],
      )) as { external_id: string; rule_code: string; hits: string; rows_stored: string }[];
      expect(
        new Map(stored.map((r) => [`${r.external_id} ${r.rule_code}`, Number(r.hits)])),
      ).toEqual(expectedHits);
      expect(stored.filter((r) => Number(r.rows_stored) !== Number(r.hits))).toEqual([]);
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM (SELECT h.alert_id FROM alert_hits h WHERE h.team_id = ? ' +
            'GROUP BY h.alert_id, h.stream, h.event_id, h.figures HAVING COUNT(*) > 1) twice',
        ),
      ).toBe(0);
      // No second look is left behind by the killed instance.
      expect(
        await count(
          `SELECT COUNT(*) AS n FROM detection_second_looks WHERE events LIKE CONCAT('%"teamId":', ?, ',%')`,
        ),
      ).toBe(0);
    }, 120_000);
  },
);
