import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import type { EventStream } from '../processing/queue/event-stream';
import { ProcessingQueue, type QueueEntry } from '../processing/queue/processing-queue';
import { EventRepository } from './event.repository';
import type { MonitorStreamEvent } from './monitor-event';

/** Monitor events as a stream of the processing pipeline: their rows and their status. */
@Injectable()
export class MonitorEventStream implements EventStream<MonitorStreamEvent> {
  readonly name = 'monitor' as const;

  constructor(
    private readonly events: EventRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  loadReceived(session: SqlSession, ids: readonly string[]): Promise<MonitorStreamEvent[]> {
    return this.events.findReceived(session, ids);
  }

  /** Stored events by row id, whatever their status (a step that replays earlier events). */
  load(session: SqlSession, ids: readonly string[]): Promise<MonitorStreamEvent[]> {
    return this.events.findForProcessing(session, ids);
  }

  markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<number> {
    return this.events.markProcessed(session, ids, at);
  }

  markFailed(
    session: SqlSession,
    id: string,
    failure: { reason: string; attempts: number },
    at: MicroTime,
  ): Promise<void> {
    return this.events.markFailed(session, id, failure, at);
  }

  async requeueFailed(session: SqlSession, since: MicroTime | null): Promise<QueueEntry[]> {
    const failed = await this.events.takeBackFailed(session, since);
    await this.queue.enqueue(session, 'monitor', failed);
    return failed;
  }
}
