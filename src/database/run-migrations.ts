import { type DataSource, MigrationExecutor } from 'typeorm';

const LOCK_NAME = 'betting_monitor_migrations';
const LOCK_WAIT_SECONDS = 120;

/**
 * Applies pending migrations, each in its own transaction. On MySQL/MariaDB a named lock makes
 * instances that start together take turns, so that a migration never runs twice; the lock and
 * the migrations share one connection, so a pool of one cannot deadlock. SQLite has one writer.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const mysql = dataSource.options.type !== 'better-sqlite3';
  try {
    if (mysql) {
      const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
        LOCK_NAME,
        LOCK_WAIT_SECONDS,
      ])) as {
        acquired: number | string | null;
      }[];
      if (Number(row?.acquired) !== 1) {
        throw new Error(`Could not take the migration lock within ${LOCK_WAIT_SECONDS} s`);
      }
    }
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return (await executor.executePendingMigrations()).map((migration) => migration.name);
    } finally {
      if (mysql) await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await runner.release();
  }
}
