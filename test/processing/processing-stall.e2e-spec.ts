import { SqlDatabase } from '../../src/database/sql-database';
import { PARTITION_COUNT } from '../../src/processing/queue/partition';
import { createTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/**
 * A process that stalls in the middle of a batch (paused, frozen, cut off while its connection
 * stays open) leaves a transaction idle on the server, holding its partitions' locks. The server
 * closes a connection idle for DB_IDLE_TIMEOUT_SECONDS, rolling that transaction back, so the
 * other loops and instances go on within seconds, not after the server's default of hours.
 * MySQL/MariaDB only: SQLite has no connection to stall.
 */
(dialectUnderTest() === 'mysql' ? describe : describe.skip)(
  'processing past a stalled transaction',
  () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({
        env: { WORKER_ENABLED: 'true', WORKER_POLL_MS: '20', DB_IDLE_TIMEOUT_SECONDS: '2' },
      });
    });
    afterAll(() => t.close());

    it('rolls the idle transaction back after the idle timeout and processes what it held up', async () => {
      const team = await createTeam(t);
      const database = t.app.get(SqlDatabase);
      const nonce = `stalled-${team.id}-${Date.now()}`;
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      let wakeUp!: () => void;
      const stalled = new Promise<void>((resolve) => (wakeUp = resolve));

      // A batch's transaction that stalls: it wrote a row and locked every partition, then goes idle.
      const stalledBatch = database.transaction(
        async (s) => {
          await s.execute(
            'INSERT INTO maxbridge_nonces (nonce, expires_at, claim) VALUES (?, ?, ?)',
            [nonce, '2099-01-01 00:00:00', 'stalled'],
          );
          await s.select(
            `SELECT partition_no FROM processing_partitions WHERE partition_no < ? FOR UPDATE`,
            [PARTITION_COUNT],
          );
          locked();
          await stalled;
          await s.select('SELECT 1');
        },
        { retries: 0 },
      );
      await holding;
      const sentAt = Date.now();
      const events = Array.from({ length: 20 }, (_, i) => ({
        event_id: `stall-${i}`,
        player: { id: `stall-player-${i}` },
        event: {
          type: 'DEPOSIT',
          timestamp: '2026-01-31T12:00:00Z',
          amount: 1000,
          currency: 'XOF',
        },
      }));
      await t.http
        .post('/api/v1/events/batch')
        .set('X-API-Key', team.apiKey)
        .send({ events })
        .expect(200);

      const processed = async () =>
        Number(
          (
            await database.select<{ n: number | string }>(
              "SELECT COUNT(*) AS n FROM events WHERE team_id = ? AND status = 'PROCESSED'",
              [team.id],
            )
          )[0].n,
        );
      const deadline = Date.now() + 20_000;
      while ((await processed()) < events.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // The server's default would have held them for hours; the worker's own lock wait times out
      // at 50 s. Within the idle timeout and a few seconds, all are processed.
      expect(await processed()).toBe(events.length);
      expect(Date.now() - sentAt).toBeLessThan(15_000);

      // The stalled transaction was rolled back: its row is gone, and waking up it finds its
      // connection closed.
      const rows = await database.select('SELECT nonce FROM maxbridge_nonces WHERE nonce = ?', [
        nonce,
      ]);
      expect(rows).toEqual([]);
      wakeUp();
      await expect(stalledBatch).rejects.toThrow();
    });
  },
);
