import { Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { MicroTime } from '../common/time/micro-time';
import { SqlDatabase } from '../database/sql-database';
import { EventStreams, idsByStream } from './event-streams';
import { PartitionLeasesRepository } from './leases/partition-leases.repository';
import type { PartitionLeases } from './leases/partition-leases';
import { ProcessingMetrics } from './processing-metrics';
import { ProcessingPipeline } from './processing-pipeline';
import { ProcessingStepError } from './processing-step';
import { ProcessingQueueRepository, type QueuedEvent } from './queue/processing-queue.repository';
import { EventMinuteCountsRepository } from './stats/event-minute-counts.repository';

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

  constructor(
    private readonly database: SqlDatabase,
    private readonly queue: ProcessingQueueRepository,
    private readonly leases: PartitionLeasesRepository,
    private readonly streams: EventStreams,
    private readonly pipeline: ProcessingPipeline,
    private readonly minuteCounts: EventMinuteCountsRepository,
    private readonly metrics: ProcessingMetrics,
  ) {}

  /** Returns how many events it processed or failed for good. */
  async processNext(holder: PartitionLeases, limit: number): Promise<number> {
    try {
      return await this.processBatch(holder, limit);
    } catch (error) {
      if (!(error instanceof ProcessingStepError)) throw error;
      this.logger.warn(`${error.message}; retrying the batch event by event`);
      return this.processOneByOne(holder, limit);
    }
  }

  /**
   * One transaction over up to `limit` events. `claimed` learns the events first, so that a
   * failure can name them.
   */
  private async processBatch(
    holder: PartitionLeases,
    limit: number,
    claimed: (events: QueuedEvent[]) => void = () => undefined,
  ): Promise<number> {
    const started = performance.now();
    try {
      const counts = await this.database.transaction(async (session) => {
        const held = await this.leases.lockHeld(session, holder.owner, holder.partitions);
        if (held.length < holder.partitions.length) {
          holder.lost(holder.partitions.filter((partition) => !held.includes(partition)));
        }
        const queued = await this.queue.claim(session, held, limit);
        claimed(queued);
        if (queued.length === 0) return null;
        const events = await this.streams.load(session, queued);
        await this.pipeline.run(session, events);
        const now = MicroTime.now();
        await this.queue.remove(
          session,
          queued.map((event) => event.seq),
        );
        const counts = idsByStream(queued);
        for (const [stream, ids] of counts) {
          const marked = await this.streams.of(stream).markProcessed(session, ids, now);
          // The partitions are locked by this transaction: anything else is a bug to stop at.
          if (marked !== ids.length) {
            throw new Error(
              `Expected to mark ${ids.length} ${stream} events processed, marked ${marked}`,
            );
          }
        }
        await this.minuteCounts.record(session, queued, 'processed', now);
        return new Map([...counts].map(([stream, ids]) => [stream, ids.length]));
      });
      if (!counts) return 0;
      this.metrics.observeBatch((performance.now() - started) / 1000, 'committed');
      this.metrics.countProcessed(counts);
      return [...counts.values()].reduce((sum, count) => sum + count, 0);
    } catch (error) {
      this.metrics.observeBatch((performance.now() - started) / 1000, 'failed');
      throw error;
    }
  }

  private async processOneByOne(holder: PartitionLeases, limit: number): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      let event: QueuedEvent | undefined;
      try {
        if ((await this.processBatch(holder, 1, ([first]) => (event = first))) === 0) break;
      } catch (error) {
        if (!(error instanceof ProcessingStepError) || event === undefined) throw error;
        await this.recordFailure(event, error.message);
      }
      handled++;
    }
    return handled;
  }

  /** One more failed attempt at the event; at the last one it is FAILED and leaves the queue. */
  private async recordFailure(event: QueuedEvent, reason: string): Promise<void> {
    const failed = await this.database.transaction(async (session) => {
      const attempts = await this.queue.countAttempt(session, event.seq);
      if (attempts < MAX_PROCESSING_ATTEMPTS) return false;
      const now = MicroTime.now();
      await this.queue.remove(session, [event.seq]);
      await this.streams
        .of(event.stream)
        .markFailed(session, event.eventId, { reason, attempts }, now);
      await this.minuteCounts.record(session, [event], 'failed', now);
      return true;
    });
    if (failed) this.metrics.countFailed(event.stream);
    this.logger.error(
      `${event.stream} event ${event.eventId} of team ${event.teamId}: ${reason}` +
        (failed ? ` (FAILED after ${MAX_PROCESSING_ATTEMPTS} attempts)` : ''),
    );
  }
}
