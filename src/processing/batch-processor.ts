import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { compareDecimalIds } from '../common/identifiers/decimal-ids';
import { MicroTime } from '../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../database/sql-database';
import { EventStreams, idsByStream } from './event-streams';
import { PartitionLeasesRepository } from './leases/partition-leases.repository';
import type { PartitionLeases } from './leases/partition-leases';
import { ProcessingMetrics } from './processing-metrics';
import { ProcessingPipeline } from './processing-pipeline';
import { ProcessingStepError } from './processing-step';
import { PARTITION_COUNT } from './queue/partition';
import { ProcessingQueueRepository, type QueuedEvent } from './queue/processing-queue.repository';
import { EventMinuteCountsRepository } from './stats/event-minute-counts.repository';

/**
 * How often a loop settles at most while its batches are full: a second look may wait that long
 * behind a backlog (an alert on a ring of players, not on money).
 */
const SETTLE_EVERY_MS = 1000;

/** Attempts at an event whose processing fails before it is FAILED. */
export const MAX_PROCESSING_ATTEMPTS = 3;

/**
 * Processes the next batch of a loop's partitions, in one transaction: lock the partitions the
 * loop still holds, claim their first events in queue order, run the steps, take the events out
 * of the queue and mark them PROCESSED. When a step fails, the batch is retried event by event,
 * so that only the event at fault counts a failed attempt; at the last attempt it is FAILED and
 * leaves the queue, and the player's later events go on without it (an operator requeues it with
 * `cli events requeue-failed` once the cause is fixed).
 */
@Injectable()
export class BatchProcessor {
  private readonly logger = new Logger('EventProcessing');
  /** When each loop last settled (performance.now()). */
  private readonly settledAt = new WeakMap<PartitionLeases, number>();
  /** The loops whose last batch was full: a backlog waits on their partitions. */
  private readonly backlogged = new WeakSet<PartitionLeases>();

  constructor(
    private readonly database: SqlDatabase,
    private readonly queue: ProcessingQueueRepository,
    private readonly leases: PartitionLeasesRepository,
    private readonly streams: EventStreams,
    private readonly pipeline: ProcessingPipeline,
    private readonly minuteCounts: EventMinuteCountsRepository,
    private readonly metrics: ProcessingMetrics,
  ) {}

  /** Returns how many queued events it handled (processed, failed for good, or dropped as stale). */
  async processNext(holder: PartitionLeases, limit: number): Promise<number> {
    let handled: number;
    let claimed: QueuedEvent[] = [];
    try {
      handled = await this.processBatch(
        holder,
        (session, held) => this.claim(session, holder, held, limit),
        (events) => (claimed = events),
      );
    } catch (error) {
      if (!(error instanceof ProcessingStepError)) throw error;
      this.logger.warn(`${error.message}; retrying the batch event by event`);
      handled = await this.processOneByOne(holder, claimed);
    }
    // After its own batches when they left work; on partitions just taken over, whatever their
    // previous holder (a crashed one) left. While full batches follow each other (a backlog), at
    // most once a second: each settle is a transaction of its own.
    const due =
      this.pipeline.settleDue(holder.partitions) &&
      (handled < limit || performance.now() - (this.settledAt.get(holder) ?? 0) >= SETTLE_EVERY_MS);
    if (holder.takeOverNoticed() || due) {
      this.settledAt.set(holder, performance.now());
      await this.settle(holder);
    }
    return handled;
  }

  /**
   * The steps' work for after their batches committed, in a transaction of its own on the
   * partitions the loop still holds. When it fails, the work stays for the next time: processing
   * goes on.
   */
  private async settle(holder: PartitionLeases): Promise<void> {
    if (!this.pipeline.settles) return;
    try {
      await this.database.transaction(async (session) => {
        const held = await this.leases.lockHeld(session, holder.owner, holder.partitions);
        if (held.length > 0) await this.pipeline.settle(session, held, this.streams);
      });
    } catch (error) {
      this.metrics.countSettleFailure();
      this.logger.error(
        `Work left after a batch (settle) failed; it stays for the next batch: ${(error as Error).message}`,
        (error as Error).stack,
      );
    }
  }

  /**
   * One transaction over the events `take` claims. `announce` learns them first, so that a
   * failure can name them.
   */
  private async processBatch(
    holder: PartitionLeases,
    take: (session: SqlSession, held: readonly number[]) => Promise<QueuedEvent[]>,
    announce: (claimed: QueuedEvent[]) => void,
  ): Promise<number> {
    const started = performance.now();
    try {
      const batch = await this.database.transaction(async (session) => {
        const held = await this.leases.lockHeld(session, holder.owner, holder.partitions);
        if (held.length < holder.partitions.length) {
          holder.lost(holder.partitions.filter((partition) => !held.includes(partition)));
        }
        const claimed = await take(session, held);
        announce(claimed);
        if (claimed.length === 0) return null;
        const { events, waiting: queued, stale } = await this.streams.load(session, claimed);
        if (stale.length > 0) await this.dropStale(session, stale);
        await this.pipeline.run(session, events);
        const now = MicroTime.now();
        await this.queue.remove(
          session,
          queued.map((event) => event.seq),
        );
        const counts = idsByStream(queued);
        for (const [stream, ids] of counts) {
          const marked = await this.streams.of(stream).markProcessed(session, ids, now);
          // Read RECEIVED in this transaction, their partitions locked: only a writer outside the
          // pipeline (an older version during an upgrade) can have changed one. The batch is
          // rolled back; the next one finds that event no longer waiting.
          if (marked !== ids.length) {
            throw new Error(
              `Expected to mark ${ids.length} ${stream} events processed, marked ${marked}`,
            );
          }
        }
        if (queued.length > 0) await this.minuteCounts.record(session, queued, 'processed', now);
        return {
          handled: claimed.length,
          counts: new Map([...counts].map(([stream, ids]) => [stream, ids.length])),
        };
      });
      if (!batch) return 0;
      this.metrics.observeBatch((performance.now() - started) / 1000, 'committed');
      this.metrics.countProcessed(batch.counts);
      return batch.handled;
    } catch (error) {
      this.metrics.observeBatch((performance.now() - started) / 1000, 'failed');
      throw error;
    }
  }

  /**
   * The batch's events, each partition's in queue order. Under a backlog (the loop's last batch
   * was full), the partition of the oldest event goes first, with up to `limit` of its events,
   * topped up from the other partitions in queue order: a busy player's events then come in fewer,
   * fuller batches, and the rows a batch writes once per player (detection state, counters,
   * profile) are written once for many of its events. The oldest event is in the batch either way.
   */
  private async claim(
    session: SqlSession,
    holder: PartitionLeases,
    held: readonly number[],
    limit: number,
  ): Promise<QueuedEvent[]> {
    const claimed =
      this.backlogged.has(holder) && held.length > 1
        ? await this.claimByPartition(session, held, limit)
        : await this.queue.claim(session, held, limit);
    if (claimed.length === limit) this.backlogged.add(holder);
    else this.backlogged.delete(holder);
    return claimed;
  }

  /**
   * The oldest event's partition first, up to `limit` events, then the others in queue order. The
   * first partition's are looked for within `limit` x 64 queue places of the oldest event (where
   * `limit` of them are, when the 64 partitions are evenly busy): whatever the queue holds behind,
   * the primary key is never read further than that for them.
   */
  private async claimByPartition(
    session: SqlSession,
    held: readonly number[],
    limit: number,
  ): Promise<QueuedEvent[]> {
    const [oldest] = await this.queue.claim(session, held, 1);
    if (!oldest) return [];
    const window = String(BigInt(oldest.seq) + BigInt(limit * PARTITION_COUNT));
    const claimed = await this.queue.claim(session, [oldest.partition], limit, window);
    if (claimed.length === limit) return claimed;
    const others = held.filter((partition) => partition !== oldest.partition);
    const rest = await this.queue.claim(session, others, limit - claimed.length);
    return [...claimed, ...rest].sort((a, b) => compareDecimalIds(a.seq, b.seq));
  }

  /** Queue entries whose event no longer waits: dropped, never processed twice. */
  private async dropStale(session: SqlSession, stale: readonly QueuedEvent[]): Promise<void> {
    await this.queue.remove(
      session,
      stale.map((event) => event.seq),
    );
    this.logger.warn(
      `${stale.length} queued events were no longer RECEIVED (processed elsewhere, by an older ` +
        `version?); dropped from the queue: ${stale.map((e) => `${e.stream} ${e.eventId}`).join(', ')}`,
    );
  }

  /**
   * The failed batch's events again, each in a transaction of its own, in queue order: the first
   * still waiting each time, so that an event that fails is tried again (and again) before its
   * player's next ones, until it is processed or FAILED.
   */
  private async processOneByOne(
    holder: PartitionLeases,
    batch: readonly QueuedEvent[],
  ): Promise<number> {
    const seqs = batch.map((event) => event.seq);
    let handled = 0;
    // Each turn processes an event or counts one of its attempts: the bound is never reached.
    while (handled < seqs.length * MAX_PROCESSING_ATTEMPTS) {
      let event: QueuedEvent | undefined;
      try {
        const take = (session: SqlSession, held: readonly number[]) =>
          this.queue.firstOf(session, seqs, held);
        if ((await this.processBatch(holder, take, ([first]) => (event = first))) === 0) break;
      } catch (error) {
        if (!(error instanceof ProcessingStepError) || event === undefined) throw error;
        await this.recordFailure(holder, event, error.message);
      }
      handled++;
    }
    return handled;
  }

  /**
   * One more failed attempt at the event, unless its partition was taken over meanwhile (then its
   * new holder tries it); at the last attempt it is FAILED and leaves the queue. Attempts are a
   * moment apart, so that a passing fault does not fail an event for good.
   */
  private async recordFailure(
    holder: PartitionLeases,
    event: QueuedEvent,
    reason: string,
  ): Promise<void> {
    const attempts = await this.database.transaction(async (session) => {
      const held = await this.leases.lockHeld(session, holder.owner, [event.partition]);
      if (held.length === 0) return null;
      const attempts = await this.queue.countAttempt(session, event.seq);
      if (attempts < MAX_PROCESSING_ATTEMPTS) return attempts;
      const now = MicroTime.now();
      await this.queue.remove(session, [event.seq]);
      await this.streams
        .of(event.stream)
        .markFailed(session, event.eventId, { reason, attempts }, now);
      await this.minuteCounts.record(session, [event], 'failed', now);
      return attempts;
    });
    if (attempts === null) return;
    const failed = attempts >= MAX_PROCESSING_ATTEMPTS;
    if (failed) this.metrics.countFailed(event.stream);
    const line = `${event.stream} event ${event.eventId} of team ${event.teamId}: ${reason}`;
    if (failed) this.logger.error(`${line} (FAILED after ${MAX_PROCESSING_ATTEMPTS} attempts)`);
    else this.logger.warn(`${line} (attempt ${attempts} of ${MAX_PROCESSING_ATTEMPTS})`);
    if (!failed) await sleep(RETRY_PAUSE_MS * attempts);
  }
}

/** Pause before the next attempt at an event that failed, times the attempts so far. */
const RETRY_PAUSE_MS = 50;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
