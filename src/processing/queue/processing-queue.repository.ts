import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import type { StreamName } from './event-stream';

/** A queued event, as a worker loop claims it. */
export interface QueuedEvent {
  seq: string;
  partition: number;
  stream: StreamName;
  /** The row id in the stream's table. */
  eventId: string;
  teamId: number;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  receivedAt: string;
  attempts: number;
}

export interface BacklogSample {
  byStream: Record<StreamName, number>;
  /** When the event first in the queue was received; null when the queue is empty. */
  oldestReceivedAt: string | null;
}

type Num = number | string;

interface QueueRow {
  seq: Num;
  partition_no: Num;
  stream: StreamName;
  event_id: Num;
  team_id: Num;
  received_at: string;
  attempts: Num;
}

const claimedColumns = (session: SqlSession) =>
  `seq, partition_no, stream, event_id, team_id, ${session.dialect.timestampText('received_at')} AS received_at, attempts`;

const queuedEvent = (row: QueueRow): QueuedEvent => ({
  seq: String(row.seq),
  partition: Number(row.partition_no),
  stream: row.stream,
  eventId: String(row.event_id),
  teamId: Number(row.team_id),
  receivedAt: row.received_at,
  attempts: Number(row.attempts),
});

/** The worker's side of `processing_queue`. */
@Injectable()
export class ProcessingQueueRepository {
  constructor(private readonly database: SqlDatabase) {}

  /**
   * The first `limit` queued events of these partitions, in queue order, those before `beforeSeq`
   * only when it is given. The caller holds the partitions (their rows locked): nobody else takes
   * these events meanwhile. No secondary index: the primary key is read in order and stops after
   * `limit` matches, or at `beforeSeq`.
   */
  async claim(
    session: SqlSession,
    partitions: readonly number[],
    limit: number,
    beforeSeq?: string,
  ): Promise<QueuedEvent[]> {
    if (partitions.length === 0) return [];
    const rows = await session.select<QueueRow>(
      `SELECT ${claimedColumns(session)} FROM processing_queue ` +
        `WHERE partition_no IN (${placeholders(partitions.length)}) ` +
        `${beforeSeq === undefined ? '' : 'AND seq < ? '}ORDER BY seq LIMIT ?`,
      [...partitions, ...(beforeSeq === undefined ? [] : [beforeSeq]), limit],
    );
    return rows.map(queuedEvent);
  }

  /** The first of these queued events (`seq`s) still waiting in these partitions, if any. */
  async firstOf(
    session: SqlSession,
    seqs: readonly string[],
    partitions: readonly number[],
  ): Promise<QueuedEvent[]> {
    if (seqs.length === 0 || partitions.length === 0) return [];
    const rows = await session.select<QueueRow>(
      `SELECT ${claimedColumns(session)} FROM processing_queue WHERE seq IN (${placeholders(seqs.length)}) ` +
        `AND partition_no IN (${placeholders(partitions.length)}) ORDER BY seq LIMIT 1`,
      [...seqs, ...partitions],
    );
    return rows.map(queuedEvent);
  }

  /** Takes processed (or failed) events out of the queue. Returns how many it removed. */
  remove(session: SqlSession, seqs: readonly string[]): Promise<number> {
    if (seqs.length === 0) return Promise.resolve(0);
    return session.execute(
      `DELETE FROM processing_queue WHERE seq IN (${placeholders(seqs.length)})`,
      seqs,
    );
  }

  /** Counts one failed attempt at a queued event; returns its attempts so far. */
  async countAttempt(session: SqlSession, seq: string): Promise<number> {
    await session.execute('UPDATE processing_queue SET attempts = attempts + 1 WHERE seq = ?', [
      seq,
    ]);
    const [row] = await session.select<{ attempts: Num }>(
      'SELECT attempts FROM processing_queue WHERE seq = ?',
      [seq],
    );
    return Number(row?.attempts ?? 0);
  }

  /** How many events wait, by stream, and since when the first one does. */
  async backlog(): Promise<BacklogSample> {
    const counts = await this.database.select<{ stream: StreamName; n: Num }>(
      'SELECT stream, COUNT(*) AS n FROM processing_queue GROUP BY stream',
    );
    const [oldest] = await this.database.select<{ received_at: string }>(
      `SELECT ${this.database.dialect.timestampText('received_at')} AS received_at FROM processing_queue ORDER BY seq LIMIT 1`,
    );
    const byStream: Record<StreamName, number> = { monitor: 0, aml: 0 };
    for (const row of counts) byStream[row.stream] = Number(row.n);
    return { byStream, oldestReceivedAt: oldest?.received_at ?? null };
  }

  /** When the team's oldest waiting event arrived (null when none waits). */
  async oldestOfTeam(teamId: number): Promise<string | null> {
    const [oldest] = await this.database.select<{ received_at: string }>(
      `SELECT ${this.database.dialect.timestampText('received_at')} AS received_at FROM processing_queue ` +
        'WHERE team_id = ? ORDER BY seq LIMIT 1',
      [teamId],
    );
    return oldest?.received_at ?? null;
  }

  /** Whether events queued up to `seq` (included) still wait, in any partition. */
  async waitsUpTo(seq: string): Promise<boolean> {
    const rows = await this.database.select<{ seq: Num }>(
      'SELECT seq FROM processing_queue WHERE seq <= ? LIMIT 1',
      [seq],
    );
    return rows.length > 0;
  }

  /** The last seq given so far ('0' for an empty queue). */
  async lastSeq(): Promise<string> {
    const [row] = await this.database.select<{ seq: Num | null }>(
      'SELECT MAX(seq) AS seq FROM processing_queue',
    );
    return String(row?.seq ?? 0);
  }
}
