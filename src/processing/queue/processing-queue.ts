import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { valuesClause } from '../../database/sql-dialect';
import { partitionOf } from './partition';
import type { StreamName } from './event-stream';
import { ReceivedEventsSignal } from './received-events.signal';

/** Rows per INSERT: 5 bound values a row stays far under SQLite's 32,766. */
const ROWS_PER_INSERT = 1000;

/** An event to queue: its row id in its stream's table, its team and player, its arrival. */
export interface QueueEntry {
  eventId: string;
  teamId: number;
  /** What identifies the player within the team (see partition.ts). */
  playerKey: string;
  receivedAt: MicroTime;
}

/** A SELECT over a stream's own table giving `partition_no, event_id, team_id, received_at`. */
export interface QueueSource {
  sql: string;
  params: readonly unknown[];
}

/**
 * How a stream puts its events into processing: in the transaction (or statement) that stores
 * them, so that an event is stored and queued together or not at all. The queue's sequence is
 * shared by both streams: one player's events are processed in the order they were queued.
 */
@Injectable()
export class ProcessingQueue {
  constructor(private readonly signal: ReceivedEventsSignal) {}

  /** Queues the events `source` selects, in their row order. Returns how many. */
  enqueueSelected(session: SqlSession, stream: StreamName, source: QueueSource): Promise<number> {
    return session.execute(
      'INSERT INTO processing_queue (partition_no, stream, event_id, team_id, received_at) ' +
        `SELECT q.partition_no, ?, q.event_id, q.team_id, q.received_at FROM (${source.sql}) q ORDER BY q.event_id`,
      [stream, ...source.params],
    );
  }

  /** Queues these events, in this order. */
  async enqueue(
    session: SqlSession,
    stream: StreamName,
    events: readonly QueueEntry[],
  ): Promise<void> {
    for (let start = 0; start < events.length; start += ROWS_PER_INSERT) {
      const chunk = events.slice(start, start + ROWS_PER_INSERT);
      await session.execute(
        'INSERT INTO processing_queue (partition_no, stream, event_id, team_id, received_at) VALUES ' +
          valuesClause(5, chunk.length),
        chunk.flatMap((event) => [
          partitionOf(event.teamId, event.playerKey),
          stream,
          event.eventId,
          event.teamId,
          event.receivedAt.toDatabaseText(),
        ]),
      );
    }
  }

  /** After the commit: `count` new events of `stream` wait (wakes this instance's worker). */
  committed(stream: StreamName, count: number): void {
    if (count > 0) this.signal.notify(stream, count);
  }
}
