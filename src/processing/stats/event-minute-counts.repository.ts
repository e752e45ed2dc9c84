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
    const deltas = new MinuteDeltas();
    const endedMinute = minuteOf(at.toDatabaseText());
    for (const event of events) {
      deltas.add(event.teamId, event.stream, minuteOf(event.receivedAt), 'received', 1);
      deltas.add(event.teamId, event.stream, endedMinute, outcome, 1);
    }
    await this.apply(session, deltas);
  }

  /** Requeued events: no longer counted as received until they are processed again. */
  async unreceive(
    session: SqlSession,
    stream: string,
    events: readonly { teamId: number; receivedAt: MicroTime }[],
  ): Promise<void> {
    const deltas = new MinuteDeltas();
    for (const event of events) {
      const minute = minuteOf(event.receivedAt.toDatabaseText());
      deltas.add(event.teamId, stream, minute, 'received', -1);
    }
    await this.apply(session, deltas);
  }

  private async apply(session: SqlSession, deltas: MinuteDeltas): Promise<void> {
    if (deltas.byKey.size === 0) return;
    // One order for every writer: no two batches lock the same rows crosswise.
    const rows = [...deltas.byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
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

/** Count changes by team, stream and minute. */
class MinuteDeltas {
  readonly byKey = new Map<string, MinuteDelta>();

  add(
    teamId: number,
    stream: string,
    minute: string,
    column: 'received' | 'processed' | 'failed',
    delta: number,
  ): void {
    const key = `${teamId}/${stream}/${minute}`;
    const row = this.byKey.get(key) ?? {
      teamId,
      stream,
      minute,
      received: 0,
      processed: 0,
      failed: 0,
    };
    row[column] += delta;
    this.byKey.set(key, row);
  }
}

/** `YYYY-MM-DD HH:MM:00` of a `YYYY-MM-DD HH:MM:SS.ffffff` time. */
const minuteOf = (time: string) => `${time.slice(0, 16)}:00`;
