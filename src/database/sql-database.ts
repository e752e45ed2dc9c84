import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { isRetryableConflict } from './database-errors';
import { SqlDialect } from './sql-dialect';

/** One connection inside a transaction: raw SQL with `?` placeholders, or TypeORM's manager. */
export interface SqlSession {
  readonly dialect: SqlDialect;
  readonly manager: EntityManager;
  select<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a write and returns how many rows it changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface TransactionOptions {
  /** READ COMMITTED by default: no gap locks, so the worker never blocks ingestion. */
  isolation?: 'READ COMMITTED' | 'REPEATABLE READ';
  /** How many times a deadlock or a lock timeout is retried before it is thrown. */
  retries?: number;
}

/**
 * Transactions for both dialects. On MySQL/MariaDB each runs on its own pooled connection and a
 * deadlock is retried. SQLite (through TypeORM) has a single connection shared by everyone, where
 * a second transaction would silently nest in the first as a savepoint: here they take turns.
 */
@Injectable()
export class SqlDatabase {
  readonly dialect: SqlDialect;
  private readonly logger = new Logger('SqlDatabase');
  private sqliteTurn: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.dialect = SqlDialect.of(dataSource.options.type);
  }

  /** A query outside any transaction (reads, or single self-contained writes). */
  select<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.dataSource.query<T[]>(sql, params as unknown[]);
  }

  async transaction<T>(
    work: (session: SqlSession) => Promise<T>,
    { isolation = 'READ COMMITTED', retries = 5 }: TransactionOptions = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work, isolation);
      } catch (error) {
        if (attempt > retries || !isRetryableConflict(error)) throw error;
        this.logger.debug(`Transaction retried after a lock conflict (attempt ${attempt})`);
        await sleep(Math.random() * 5 * attempt);
      }
    }
  }

  /**
   * Runs `work` on one connection without a transaction: each statement commits by itself (one
   * statement is atomic on its own, and skips three round trips). Deadlocks are retried, so each
   * statement of `work` must be safe to run again. On SQLite, a transaction as usual.
   */
  async autocommit<T>(work: (session: SqlSession) => Promise<T>, retries = 5): Promise<T> {
    if (this.dialect.isSqlite) return this.transaction(work, { retries });
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      try {
        return await work(sessionOn(runner, this.dialect));
      } catch (error) {
        if (attempt > retries || !isRetryableConflict(error)) throw error;
        await sleep(Math.random() * 5 * attempt);
      } finally {
        await runner.release();
      }
    }
  }

  private async once<T>(
    work: (session: SqlSession) => Promise<T>,
    isolation: NonNullable<TransactionOptions['isolation']>,
  ): Promise<T> {
    const leave = this.dialect.isSqlite ? await this.takeSqliteTurn() : () => undefined;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction(this.dialect.isSqlite ? undefined : isolation);
      const result = await work(sessionOn(runner, this.dialect));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      if (!this.dialect.isSqlite) await runner.release();
      leave();
    }
  }

  private async takeSqliteTurn(): Promise<() => void> {
    let leave!: () => void;
    const previous = this.sqliteTurn;
    this.sqliteTurn = new Promise((resolve) => (leave = resolve));
    await previous;
    return leave;
  }
}

function sessionOn(runner: QueryRunner, dialect: SqlDialect): SqlSession {
  return {
    dialect,
    manager: runner.manager,
    select: <T>(sql: string, params: readonly unknown[] = []) =>
      runner.query(sql, bound(params)) as Promise<T[]>,
    execute: async (sql, params = []) =>
      (await runner.query(sql, bound(params), true)).affected ?? 0,
  };
}

/** No parameters at all rather than none: mysql2 then skips its scan of the SQL for `?`. */
function bound(params: readonly unknown[]): unknown[] | undefined {
  return params.length > 0 ? (params as unknown[]) : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
