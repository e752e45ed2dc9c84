import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';

type Num = number | string;

/** `processing_partitions` and `processing_workers`: who holds which partition, who is alive. */
@Injectable()
export class PartitionLeasesRepository {
  constructor(private readonly database: SqlDatabase) {}

  async heartbeat(owner: string, now: number): Promise<void> {
    const sql = this.database.dialect.upsert(
      'processing_workers',
      ['owner', 'heartbeat_at'],
      1,
      ['owner'],
      { heartbeat_at: (_old, offered) => offered('heartbeat_at') },
    );
    await this.database.autocommit((s) => s.execute(sql, [owner, now]));
  }

  /** Loops whose heartbeat is later than `since`. */
  async liveWorkers(since: number): Promise<number> {
    const [row] = await this.database.select<{ n: Num }>(
      'SELECT COUNT(*) AS n FROM processing_workers WHERE heartbeat_at > ?',
      [since],
    );
    return Number(row.n);
  }

  /**
   * Extends to `until` the leases of the partitions the owner believes it holds (by primary key:
   * no other row is touched or waited for); returns those it still holds.
   */
  async renew(owner: string, held: readonly number[], until: number): Promise<number[]> {
    return this.database.autocommit(async (s) => {
      if (held.length > 0) {
        await s.execute(
          'UPDATE processing_partitions SET lease_expires_at = ? ' +
            `WHERE partition_no IN (${placeholders(held.length)}) AND owner = ?`,
          [until, ...held, owner],
        );
      }
      const rows = await s.select<{ partition_no: Num }>(
        'SELECT partition_no FROM processing_partitions WHERE owner = ? ORDER BY partition_no',
        [owner],
      );
      return rows.map((row) => Number(row.partition_no));
    });
  }

  /**
   * Takes up to `count` partitions that nobody holds, or whose lease expired before `now`, until
   * `until`. Partitions locked by a batch of their holder are skipped. Returns those taken.
   */
  acquire(owner: string, count: number, now: number, until: number): Promise<number[]> {
    if (count <= 0) return Promise.resolve([]);
    return this.database.transaction(async (s) => {
      const free = await s.select<{ partition_no: Num }>(
        'SELECT partition_no FROM processing_partitions WHERE owner IS NULL OR lease_expires_at < ? ' +
          `ORDER BY partition_no LIMIT ? ${s.dialect.skipLocked}`,
        [now, count],
      );
      const taken = free.map((row) => Number(row.partition_no));
      if (taken.length === 0) return [];
      await s.execute(
        `UPDATE processing_partitions SET owner = ?, lease_expires_at = ? WHERE partition_no IN (${placeholders(taken.length)})`,
        [owner, until, ...taken],
      );
      return taken;
    });
  }

  /** Gives these partitions back (by primary key), those the owner still holds. */
  async release(owner: string, partitions: readonly number[]): Promise<void> {
    if (partitions.length === 0) return;
    await this.database.autocommit((s) =>
      s.execute(
        'UPDATE processing_partitions SET owner = NULL, lease_expires_at = NULL ' +
          `WHERE partition_no IN (${placeholders(partitions.length)}) AND owner = ?`,
        [...partitions, owner],
      ),
    );
  }

  async removeWorker(owner: string): Promise<void> {
    await this.database.autocommit((s) =>
      s.execute('DELETE FROM processing_workers WHERE owner = ?', [owner]),
    );
  }

  /** Forgets loops silent since `before` (instances that died long ago). */
  async forgetWorkers(before: number): Promise<void> {
    await this.database.autocommit((s) =>
      s.execute('DELETE FROM processing_workers WHERE heartbeat_at < ?', [before]),
    );
  }

  /**
   * Of these partitions, those the owner still holds, locked until the session ends: for the
   * length of a batch, nobody can take them over.
   */
  async lockHeld(
    session: SqlSession,
    owner: string,
    partitions: readonly number[],
  ): Promise<number[]> {
    if (partitions.length === 0) return [];
    const rows = await session.select<{ partition_no: Num }>(
      `SELECT partition_no FROM processing_partitions WHERE partition_no IN (${placeholders(partitions.length)}) ` +
        `AND owner = ? ORDER BY partition_no ${session.dialect.forUpdate}`,
      [...partitions, owner],
    );
    return rows.map((row) => Number(row.partition_no));
  }
}
