import { Injectable, Logger } from '@nestjs/common';
import type { MicroTime } from '../common/time/micro-time';
import { SqlDatabase } from '../database/sql-database';
import { EventStreams } from './event-streams';
import type { StreamName } from './queue/event-stream';
import { ProcessingQueue } from './queue/processing-queue';
import { EventMinuteCountsRepository } from './stats/event-minute-counts.repository';

/** Putting FAILED events back into processing, once the cause of their failure is fixed. */
@Injectable()
export class FailedEvents {
  private readonly logger = new Logger('FailedEvents');

  constructor(
    private readonly database: SqlDatabase,
    private readonly streams: EventStreams,
    private readonly queue: ProcessingQueue,
    private readonly minuteCounts: EventMinuteCountsRepository,
  ) {}

  /**
   * FAILED -> RECEIVED for the events of both streams received since `since` (all when null),
   * each at the back of its partition's queue: processed again after the events that arrived
   * since (its player's later events went on without it). Returns how many, by stream.
   */
  async requeue(since: MicroTime | null): Promise<Record<StreamName, number>> {
    const requeued = await this.database.transaction(async (session) => {
      const counts = { monitor: 0, aml: 0 };
      for (const stream of this.streams.all) {
        const events = await stream.requeueFailed(session, since);
        counts[stream.name] = events.length;
        // Counted as received when they failed; they will be again when processed.
        await this.minuteCounts.unreceive(session, stream.name, events);
      }
      return counts;
    });
    for (const [stream, count] of Object.entries(requeued) as [StreamName, number][]) {
      this.queue.committed(stream, count);
    }
    this.logger.log(
      `Requeued ${requeued.monitor} monitor and ${requeued.aml} AML events` +
        (since ? ` received since ${since.toIso()}` : ''),
    );
    return requeued;
  }
}
