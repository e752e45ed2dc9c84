import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { isRetryableConflict } from './database-errors';
import { MysqlSession, type Isolation } from './mysql-session';
import { SqlDialect } from './sql-dialect';
import type { SqliteTurns } from './sqlite-turns';

/** One connection inside a transaction: raw SQL with `?` placeholders, or TypeORM's manager. */
export interface SqlSession {
  readonly dialect: SqlDialect;
  readonly manager: EntityManager;
  select<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a write and returns how many rows it changed. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs a one-row `INSERT` and returns the id the database gave the row. */
  insert(sql: string, params?: readonly unknown[]): Promise<string>;
  /**
   * Calls `callback` once the transaction has committed (at once outside a transaction); never
   * when it rolls back. For what must not run before others can see the writes (a wake-up).
   */
  afterCommit(callback: () => void): void;
}

/** A conflict's outcome: the transaction ran again, or no retry was left (the caller got it). */
export type ConflictOutcome = 'retried' | 'gave_up';

export interface TransactionOptions {
  /** READ COMMITTED by default: no gap locks, so the worker never blocks ingestion. */
  isolation?: Isolation;
  /** How many times a deadlock or a lock timeout is retried before it is thrown. */
  retries?: number;
}

/**
 * Transactions for both dialects. On MySQL/MariaDB each runs on its own pooled connection
 * (MysqlSession, statements straight to mysql2) and a deadlock is retried. On SQLite a transaction holds the one connection's turn (SqliteTurns) from
 * BEGIN to COMMIT: no other flow's statement runs inside it.
 */
@Injectable()
export class SqlDatabase {
  readonly dialect: SqlDialect;
  private readonly logger = new Logger('SqlDatabase');
  private readonly sqliteTurns: SqliteTurns | null;

  private readonly conflictListeners: ((outcome: ConflictOutcome) => void)[] = [];

  constructor(private readonly dataSource: DataSource) {
    this.dialect = SqlDialect.of(dataSource.options.type);
    this.sqliteTurns = (dataSource as { sqliteTurns?: SqliteTurns | null }).sqliteTurns ?? null;
    if (this.dialect.isSqlite && !this.sqliteTurns) {
      throw new Error('SQLite needs the AppDataSource, whose statements take turns');
    }
  }

  /** A query outside any transaction (reads, or single self-contained writes). */
  async select<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    if (this.dialect.isSqlite) return this.dataSource.query<T[]>(sql, params as unknown[]);
    const session = await MysqlSession.open(this.dataSource, this.dialect);
    try {
      return await session.select<T>(sql, params);
    } finally {
      session.release();
    }
  }

  transaction<T>(
    work: (session: SqlSession) => Promise<T>,
    { isolation = 'READ COMMITTED', retries = 5 }: TransactionOptions = {},
  ): Promise<T> {
    return this.retryingConflicts(() => this.once(work, isolation), retries);
  }

  /**
   * Runs `work` on one connection without a transaction: each statement commits by itself (one
   * statement is atomic on its own, and skips three round trips). Deadlocks are retried, so each
   * statement of `work` must be safe to run again. On SQLite, a transaction as usual.
   */
  autocommit<T>(work: (session: SqlSession) => Promise<T>, retries = 5): Promise<T> {
    if (this.dialect.isSqlite) return this.transaction(work, { retries });
    return this.retryingConflicts(async () => {
      const session = await MysqlSession.open(this.dataSource, this.dialect);
      try {
        return await work(session);
      } finally {
        session.release();
      }
    }, retries);
  }

  /** Calls `listener` on each conflict a transaction meets (observability counts them). */
  onConflict(listener: (outcome: ConflictOutcome) => void): void {
    this.conflictListeners.push(listener);
  }

  /**
   * Runs `attempt` again after a conflict (`isRetryableConflict`), up to `retries` times; each
   * conflict goes to the `onConflict` listeners, and one with no retry left is logged as a warning.
   */
  private async retryingConflicts<T>(attempt: () => Promise<T>, retries: number): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isRetryableConflict(error)) throw error;
        if (tries > retries) {
          this.conflictListeners.forEach((listener) => listener('gave_up'));
          this.logger.warn(
            `Transaction given up after ${tries === 1 ? 'a conflict' : `${tries} conflicts`} (deadlock, lock wait or concurrent write): ${(error as Error).message.slice(0, 200)}`,
          );
          throw error;
        }
        this.conflictListeners.forEach((listener) => listener('retried'));
        this.logger.debug(`Retried after a lock conflict (attempt ${tries})`);
        await sleep(Math.random() * 5 * tries);
      }
    }
  }

  private once<T>(work: (session: SqlSession) => Promise<T>, isolation: Isolation): Promise<T> {
    if (this.sqliteTurns) return this.sqliteTurns.exclusive(() => this.inSqliteTransaction(work));
    return this.inMysqlTransaction(work, isolation);
  }

  private async inMysqlTransaction<T>(
    work: (session: SqlSession) => Promise<T>,
    isolation: Isolation,
  ): Promise<T> {
    const session = await MysqlSession.open(this.dataSource, this.dialect);
    try {
      await session.begin(isolation);
      const result = await work(session);
      await session.commit();
      session.committed();
      return result;
    } catch (error) {
      await session.rollback();
      throw error;
    } finally {
      session.release();
    }
  }

  /** SQLite's one connection, through TypeORM's query runner (which better-sqlite3 needs). */
  private async inSqliteTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const callbacks: (() => void)[] = [];
    try {
      await runner.startTransaction();
      const result = await work(sessionOn(runner, this.dialect, callbacks));
      await runner.commitTransaction();
      for (const callback of callbacks) callback();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  }
}

/** A session on SQLite's query runner; `afterCommit` callbacks go to `callbacks`. */
function sessionOn(
  runner: QueryRunner,
  dialect: SqlDialect,
  callbacks: (() => void)[],
): SqlSession {
  return {
    afterCommit: (callback) => callbacks.push(callback),
    dialect,
    manager: runner.manager,
    select: <T>(sql: string, params: readonly unknown[] = []) =>
      runner.query(sql, params as unknown[]) as Promise<T[]>,
    execute: async (sql, params = []) =>
      (await runner.query(sql, params as unknown[], true)).affected ?? 0,
    // better-sqlite3 gives the new row's id as the raw result.
    insert: async (sql, params = []) =>
      String((await runner.query(sql, params as unknown[], true)).raw),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
