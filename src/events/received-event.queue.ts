import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../database/sql-database';
import { EventRepository, type ClaimedEvent } from './event.repository';
import { ReceivedEventsSignal } from './received-events.signal';

export type { ClaimedEvent } from './event.repository';

/**
 * The events waiting for processing, as the worker sees them. Claims lock the rows until the
 * claiming transaction ends (`SKIP LOCKED`: several workers take different events); a crash rolls
 * the claim back and the events wait again.
 */
@Injectable()
export class ReceivedEventQueue {
  constructor(
    private readonly database: SqlDatabase,
    private readonly events: EventRepository,
    private readonly signal: ReceivedEventsSignal,
  ) {}

  /** The oldest RECEIVED events no other transaction holds, locked until `session` ends. */
  claim(session: SqlSession, limit: number): Promise<ClaimedEvent[]> {
    return this.events.claimReceived(session, limit);
  }

  /** Events already claimed or processed, by row id (a step that replays earlier events). */
  findForProcessing(session: SqlSession, ids: readonly string[]): Promise<ClaimedEvent[]> {
    return this.events.findForProcessing(session, ids);
  }

  async markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<void> {
    const changed = await this.events.markProcessed(session, ids, at);
    // The rows are locked by this transaction: anything else means a second worker got them.
    if (changed !== ids.length) {
      throw new Error(`Expected to mark ${ids.length} events processed, marked ${changed}`);
    }
  }

  /**
   * Counts a failed attempt at one event; at the last one the event is FAILED and leaves the
   * queue. Returns whether it failed for good.
   */
  recordFailure(id: string, reason: string, maxAttempts: number, at: MicroTime): Promise<boolean> {
    return this.database.transaction((session) =>
      this.events.recordFailure(session, id, reason, maxAttempts, at),
    );
  }

  /** Calls `listener` when this instance has committed new events. Returns the unsubscriber. */
  onReceived(listener: () => void): () => void {
    return this.signal.subscribe(listener);
  }
}
