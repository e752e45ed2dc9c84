import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import type { EventStream } from '../processing/queue/event-stream';
import { ProcessingQueue, type QueueEntry } from '../processing/queue/processing-queue';
import type { AmlBettingEvent } from './aml-betting-event';
import { AmlProcessingRepository } from './storage/aml-processing.repository';

/** AML betting events as a stream of the processing pipeline: their rows and their status. */
@Injectable()
export class AmlEventStream implements EventStream<AmlBettingEvent> {
  readonly name = 'aml' as const;

  constructor(
    private readonly events: AmlProcessingRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  loadReceived(session: SqlSession, ids: readonly string[]): Promise<AmlBettingEvent[]> {
    return this.events.loadReceived(session, ids);
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
    await this.queue.enqueue(session, 'aml', failed);
    return failed;
  }
}
