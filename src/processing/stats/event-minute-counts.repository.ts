import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import type { QueuedEvent } from '../queue/processing-queue.repository';

interface MinuteDelta {
  teamId: number;
  stream: string;
  minute: string;
  received: number;
  processed: number;
  failed: number;
}

export interface MinuteCount {
  minute: string;
  stream: string;
  received: number;
  processed: number;
  failed: number;
}

/**
 * `event_minute_counts`, kept by the worker in its batch transactions: an event counts as
 * received (minute of arrival) and as processed or failed (minute it left the queue) once its
 * processing ends, so the counts are exact and never counted twice; the latest minutes fill in
 * as the backlog drains.
 */
@Injectable()
export class EventMinuteCountsRepository {
  constructor(private readonly database: SqlDatabase) {}

  async record(
    session: SqlSession,
    events: readonly QueuedEvent[],
    outcome: 'processed' | 'failed',
    at: MicroTime,
  ): Promise<void> {
    const deltas = new Map<string, MinuteDelta>();
    const add = (
      teamId: number,
      stream: string,
      minute: string,
      column: 'received' | typeof outcome,
    ) => {
      const key = `${teamId}/${stream}/${minute}`;
      const delta = deltas.get(key) ?? {
        teamId,
        stream,
        minute,
        received: 0,
        processed: 0,
        failed: 0,
      };
      delta[column]++;
      deltas.set(key, delta);
    };
    const endedMinute = minuteOf(at.toDatabaseText());
    for (const event of events) {
      add(event.teamId, event.stream, minuteOf(event.receivedAt), 'received');
      add(event.teamId, event.stream, endedMinute, outcome);
    }
    // One order for every writer: no two batches lock the same rows crosswise.
    const rows = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
    const sql = session.dialect.upsert(
      'event_minute_counts',
      ['team_id', 'stream', 'minute', 'received', 'processed', 'failed'],
      rows.length,
      ['team_id', 'stream', 'minute'],
      {
        received: (old, offered) => `${old('received')} + ${offered('received')}`,
        processed: (old, offered) => `${old('processed')} + ${offered('processed')}`,
        failed: (old, offered) => `${old('failed')} + ${offered('failed')}`,
      },
    );
    await session.execute(
      sql,
      rows.flatMap((d) => [d.teamId, d.stream, d.minute, d.received, d.processed, d.failed]),
    );
  }

  /** A team's counts for the minutes from `since` (included), oldest first. */
  async since(teamId: number, since: string): Promise<MinuteCount[]> {
    const rows = await this.database.select<{
      minute: string;
      stream: string;
      received: number | string;
      processed: number | string;
      failed: number | string;
    }>(
      `SELECT ${this.database.dialect.isSqlite ? 'minute' : "DATE_FORMAT(minute, '%Y-%m-%d %H:%i:%s')"} AS minute, ` +
        'stream, received, processed, failed FROM event_minute_counts WHERE team_id = ? AND minute >= ? ORDER BY minute, stream',
      [teamId, since],
    );
    return rows.map((row) => ({
      minute: row.minute,
      stream: row.stream,
      received: Number(row.received),
      processed: Number(row.processed),
      failed: Number(row.failed),
    }));
  }
}

/** `YYYY-MM-DD HH:MM:00` of a `YYYY-MM-DD HH:MM:SS.ffffff` time. */
const minuteOf = (time: string) => `${time.slice(0, 16)}:00`;
