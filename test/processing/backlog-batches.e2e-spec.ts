import { DataSource } from 'typeorm';
import { BatchProcessor } from '../../src/processing/batch-processor';
import { PartitionLeases } from '../../src/processing/leases/partition-leases';
import { PartitionLeasesRepository } from '../../src/processing/leases/partition-leases.repository';
import { partitionOf } from '../../src/processing/queue/partition';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { poisonPipeline } from '../support/poisoned-pipeline';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * How a loop forms its batches: in queue order while it keeps up; under a backlog (its last batch
 * was full), the oldest event's partition first, topped up from the others, so that a busy
 * player's events come in fewer batches. Each player's events stay in arrival order.
 */
describe('batches under a backlog', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  const deposit = (eventId: string, playerId: string) => ({
    event_id: eventId,
    player: { id: playerId },
    event: { type: 'DEPOSIT', timestamp: '2026-01-31T12:00:00Z', amount: 1000, currency: 'XOF' },
  });

  /** Two players of different partitions. */
  const twoPartitions = (prefix: string) => {
    const a = `${prefix}-a`;
    const b = ['b', 'c', 'd', 'e']
      .map((suffix) => `${prefix}-${suffix}`)
      .find((id) => partitionOf(team.id, id) !== partitionOf(team.id, a))!;
    return [a, b];
  };

  /** Players a and b of different partitions, their events interleaved: a-1 b-1 … a-6 b-6. */
  async function queueInterleaved(prefix: string): Promise<string[]> {
    const [a, b] = twoPartitions(prefix);
    // Whatever other test files left in a shared database goes first.
    await t.app.get(ProcessingWorker).drain();
    const events = [1, 2, 3, 4, 5, 6].flatMap((n) => [
      deposit(`${prefix}-a-${n}`, a),
      deposit(`${prefix}-b-${n}`, b),
    ]);
    await t.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events })
      .expect(200);
    return events.map((e) => e.event_id);
  }

  /** Runs `work` with a holder of every partition, given back afterwards. */
  async function holding(work: (holder: PartitionLeases) => Promise<void>): Promise<void> {
    const repository = t.app.get(PartitionLeasesRepository);
    const holder = new PartitionLeases('backlog-batches', repository, 60_000, 0, true);
    await holder.refresh();
    try {
      await work(holder);
    } finally {
      await repository.release('backlog-batches', holder.partitions);
    }
  }

  const statuses = async (prefix: string) =>
    Object.fromEntries(
      (
        (await t.app
          .get(DataSource)
          .query(
            'SELECT external_event_id AS id, status FROM events WHERE team_id = ? AND external_event_id LIKE ? ORDER BY external_event_id',
            [team.id, `${prefix}-%`],
          )) as { id: string; status: string }[]
      ).map((row) => [row.id, row.status]),
    );

  const processed = async (prefix: string) =>
    Object.entries(await statuses(prefix))
      .filter(([, status]) => status === 'PROCESSED')
      .map(([id]) => id);

  it("takes the oldest event's partition first, then tops the batch up in queue order", async () => {
    const all = await queueInterleaved('q');
    const batches = t.app.get(BatchProcessor);
    await holding(async (holder) => {
      // Queue order: the batch is full, so the loop has a backlog.
      expect(await batches.processNext(holder, 2)).toBe(2);
      expect(await processed('q')).toEqual(['q-a-1', 'q-b-1']);
      // The oldest event is a-2: its partition's events first.
      expect(await batches.processNext(holder, 4)).toBe(4);
      expect(await processed('q')).toEqual(['q-a-1', 'q-a-2', 'q-a-3', 'q-a-4', 'q-a-5', 'q-b-1']);
      expect(await batches.processNext(holder, 4)).toBe(4);
      expect(await processed('q')).toEqual([
        ...['q-a-1', 'q-a-2', 'q-a-3', 'q-a-4', 'q-a-5'],
        ...['q-b-1', 'q-b-2', 'q-b-3', 'q-b-4', 'q-b-5'],
      ]);
      // a-6 is all its partition has left: the batch is topped up with b-6.
      expect(await batches.processNext(holder, 4)).toBe(2);
      expect(await processed('q')).toEqual([...all].sort());
      expect(await batches.processNext(holder, 4)).toBe(0);
    });
  });

  it("looks for the first partition's events only so far behind the oldest: limit x 64 places", async () => {
    await t.app.get(ProcessingWorker).drain();
    const [a, b] = twoPartitions('w');
    // a-1 b-1 a-2, then 130 events of b, then a-3: 131 places behind a-2, past 2 x 64.
    const events = [
      deposit('w-a-1', a),
      deposit('w-b-1', b),
      deposit('w-a-2', a),
      ...Array.from({ length: 130 }, (_, i) => deposit(`w-b-${i + 2}`, b)),
      deposit('w-a-3', a),
    ];
    await t.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events })
      .expect(200);
    const batches = t.app.get(BatchProcessor);
    await holding(async (holder) => {
      expect(await batches.processNext(holder, 2)).toBe(2);
      // a-2 first; a-3 is out of reach: the batch is topped up with b-2.
      expect(await batches.processNext(holder, 2)).toBe(2);
      expect(await processed('w')).toEqual(['w-a-1', 'w-a-2', 'w-b-1', 'w-b-2']);
    });
  });

  it('retries a failed batch event by event, its own events only, the failing one until FAILED', async () => {
    await queueInterleaved('f');
    const batches = t.app.get(BatchProcessor);
    const cure = poisonPipeline(
      t,
      (e) => e.stream === 'monitor' && e.externalEventId === 'f-a-4',
      'cannot digest f-a-4',
    );
    try {
      await holding(async (holder) => {
        expect(await batches.processNext(holder, 2)).toBe(2);
        // The batch a-2 … a-5 fails on a-4: its events one by one, a-4 three times, then a-5.
        await batches.processNext(holder, 4);
      });
    } finally {
      cure();
    }
    expect(await statuses('f')).toEqual({
      ...{ 'f-a-1': 'PROCESSED', 'f-a-2': 'PROCESSED', 'f-a-3': 'PROCESSED' },
      ...{ 'f-a-4': 'FAILED', 'f-a-5': 'PROCESSED', 'f-a-6': 'RECEIVED' },
      ...{ 'f-b-1': 'PROCESSED', 'f-b-2': 'RECEIVED', 'f-b-3': 'RECEIVED' },
      ...{ 'f-b-4': 'RECEIVED', 'f-b-5': 'RECEIVED', 'f-b-6': 'RECEIVED' },
    });
  });
});
