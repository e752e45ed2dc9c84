import type { PoolConnection, ResultSetHeader } from 'mysql2';
import { performance } from 'node:perf_hooks';
import { QueryFailedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { serverIdleTimeoutSeconds } from './data-source-options';
import type { SqlSession } from './sql-database';
import type { SqlDialect } from './sql-dialect';

/** A transaction's isolation, when it is not the connection's own. */
export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ';

/**
 * A session on one pooled mysql2 connection, which statements reach directly. TypeORM's query
 * runner wraps every statement in a new promise connection, broadcasts events around it and awaits
 * them: on a short request (a MaxBridge withdrawal, four statements) that was a tenth of the
 * service's CPU (bench/results/maxbridge.md). What the runner gave is kept: a failed statement
 * throws TypeORM's QueryFailedError (database-errors.ts reads it), a slow one is logged, and
 * TypeORM's manager is there, on this very connection, for the code that wants entities.
 */
export class MysqlSession implements SqlSession {
  private runner?: BorrowingRunner;
  private inTransaction = false;
  private readonly commitCallbacks: (() => void)[] = [];

  private constructor(
    private readonly dataSource: DataSource,
    readonly dialect: SqlDialect,
    private readonly connection: PoolConnection,
  ) {}

  /** Takes a connection from the pool; `release()` gives it back. */
  static async open(dataSource: DataSource, dialect: SqlDialect): Promise<MysqlSession> {
    const driver = dataSource.driver as { obtainMasterConnection(): Promise<PoolConnection> };
    return new MysqlSession(dataSource, dialect, await driver.obtainMasterConnection());
  }

  /** TypeORM's manager on this connection, inside this session's transaction when there is one. */
  get manager(): EntityManager {
    if (!this.runner) {
      // The runner uses this connection as if it had taken it from the pool, and never releases
      // it: release() does.
      const runner = this.dataSource.createQueryRunner() as unknown as BorrowingRunner;
      runner.databaseConnection = this.connection;
      runner.isTransactionActive = this.inTransaction;
      this.runner = runner;
    }
    return this.runner.manager;
  }

  select<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.run(sql, params) as Promise<T[]>;
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<number> {
    return ((await this.run(sql, params)) as ResultSetHeader).affectedRows;
  }

  async insert(sql: string, params: readonly unknown[] = []): Promise<string> {
    return String(((await this.run(sql, params)) as ResultSetHeader).insertId);
  }

  /**
   * Starts a transaction. Set once per connection: READ COMMITTED, which most transactions ask
   * for, as its session isolation (each transaction is spared a `SET TRANSACTION`), and the
   * server's idle timeout, so that a stalled process's transaction is rolled back and its locks
   * released within `DB_IDLE_TIMEOUT_SECONDS`, not the server's default of hours.
   */
  async begin(isolation: Isolation): Promise<void> {
    if (!preparedConnections.has(this.connection)) {
      await this.run('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await this.run(
        `SET SESSION wait_timeout = ${serverIdleTimeoutSeconds(this.dataSource.options)}`,
      );
      preparedConnections.add(this.connection);
    }
    if (isolation !== 'READ COMMITTED') {
      await this.run(`SET TRANSACTION ISOLATION LEVEL ${isolation}`);
    }
    await this.run('START TRANSACTION');
    this.setInTransaction(true);
  }

  async commit(): Promise<void> {
    await this.run('COMMIT');
    this.setInTransaction(false);
  }

  /** Rolls back when a transaction is open; never throws (the connection may be gone). */
  async rollback(): Promise<void> {
    if (!this.inTransaction) return;
    this.setInTransaction(false);
    await this.run('ROLLBACK').catch(() => undefined);
  }

  afterCommit(callback: () => void): void {
    if (this.inTransaction) this.commitCallbacks.push(callback);
    else callback();
  }

  /** Runs the `afterCommit` callbacks of the transaction that just committed. */
  committed(): void {
    for (const callback of this.commitCallbacks.splice(0)) callback();
  }

  release(): void {
    this.connection.release();
  }

  private setInTransaction(active: boolean): void {
    this.inTransaction = active;
    if (this.runner) this.runner.isTransactionActive = active;
  }

  private run(sql: string, params: readonly unknown[] = []): Promise<unknown> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      this.connection.query(sql, params as unknown[], (error, result) => {
        this.logIfSlow(started, sql, params);
        if (error) reject(new QueryFailedError(sql, params as unknown[], error));
        else resolve(result);
      });
    });
  }

  private logIfSlow(started: number, sql: string, params: readonly unknown[]): void {
    const limit = this.dataSource.options.maxQueryExecutionTime;
    const took = Math.round(performance.now() - started);
    if (limit && took > limit) this.dataSource.logger.logQuerySlow(took, sql, params as unknown[]);
  }
}

/** TypeORM's query runner, with what it keeps of its connection open to this session. */
type BorrowingRunner = Omit<QueryRunner, 'isTransactionActive'> & {
  isTransactionActive: boolean;
  databaseConnection: PoolConnection;
};

/** Connections whose session isolation and idle timeout are set already. */
const preparedConnections = new WeakSet<PoolConnection>();
