import { DataSource } from 'typeorm';
import { BatchProcessor } from '../../src/processing/batch-processor';
import { PartitionLeases } from '../../src/processing/leases/partition-leases';
import { PartitionLeasesRepository } from '../../src/processing/leases/partition-leases.repository';
import { partitionOf } from '../../src/processing/queue/partition';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
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

  const processed = async () =>
    (
      (await t.app
        .get(DataSource)
        .query(
          "SELECT external_event_id AS id FROM events WHERE team_id = ? AND status = 'PROCESSED'",
          [team.id],
        )) as { id: string }[]
    )
      .map((row) => row.id)
      .sort();

  it("takes the oldest event's partition first, then tops the batch up in queue order", async () => {
    // Two players of different partitions, their events interleaved: a-1 b-1 a-2 b-2 … a-6 b-6.
    const a = 'pl-a';
    const b = ['pl-b', 'pl-c', 'pl-d', 'pl-e'].find(
      (id) => partitionOf(team.id, id) !== partitionOf(team.id, a),
    )!;
    // Whatever other test files left in a shared database goes first.
    await t.app.get(ProcessingWorker).drain();
    const events = [1, 2, 3, 4, 5, 6].flatMap((n) => [deposit(`a-${n}`, a), deposit(`b-${n}`, b)]);
    await t.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events })
      .expect(200);

    const repository = t.app.get(PartitionLeasesRepository);
    const holder = new PartitionLeases('backlog-batches', repository, 60_000, 0, true);
    await holder.refresh();
    const batches = t.app.get(BatchProcessor);
    try {
      // Queue order: the batch is full, so the loop has a backlog.
      expect(await batches.processNext(holder, 2)).toBe(2);
      expect(await processed()).toEqual(['a-1', 'b-1']);
      // The oldest event is a-2: its partition's events first.
      expect(await batches.processNext(holder, 4)).toBe(4);
      expect(await processed()).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'b-1']);
      expect(await batches.processNext(holder, 4)).toBe(4);
      expect(await processed()).toEqual([
        ...['a-1', 'a-2', 'a-3', 'a-4', 'a-5'],
        ...['b-1', 'b-2', 'b-3', 'b-4', 'b-5'],
      ]);
      // a-6 is all its partition has left: the batch is topped up with b-6.
      expect(await batches.processNext(holder, 4)).toBe(2);
      expect(await processed()).toEqual(events.map((e) => e.event_id).sort());
      expect(await batches.processNext(holder, 4)).toBe(0);
    } finally {
      await repository.release('backlog-batches', holder.partitions);
    }
  });
});
