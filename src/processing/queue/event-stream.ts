import type { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import type { QueueEntry } from './processing-queue';

/** The streams of events that go through processing. */
export type StreamName = 'monitor' | 'aml';
export const STREAM_NAMES: readonly StreamName[] = ['monitor', 'aml'];

/**
 * What processing needs from the module that stores a stream's events: read them, and record
 * how their processing ended (the status that stream's API shows). Every call runs in the
 * worker's transaction, so that it commits together with the steps' writes, or not at all.
 */
export interface EventStream<Event> {
  readonly name: StreamName;
  /**
   * The RECEIVED events among these row ids, as the processing steps see them (any order). An id
   * missing from the answer is no longer waiting (processed by other means, e.g. an instance of
   * an older version during an upgrade): its queue row is dropped, it is not processed again.
   */
  loadReceived(session: SqlSession, ids: readonly string[]): Promise<Event[]>;
  /** RECEIVED -> PROCESSED, at `at`. Returns how many it marked. */
  markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<number>;
  /** RECEIVED -> FAILED for good, with the reason and the number of attempts. */
  markFailed(
    session: SqlSession,
    id: string,
    failure: { reason: string; attempts: number },
    at: MicroTime,
  ): Promise<void>;
  /**
   * FAILED -> RECEIVED for the events received since `since` (all when null), put back into the
   * queue (at the end of their partitions). Returns them.
   */
  requeueFailed(session: SqlSession, since: MicroTime | null): Promise<QueueEntry[]>;
}
