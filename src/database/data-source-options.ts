import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { format as mysqlFormat } from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { TypeOrmLogger } from './typeorm-logger';

const COMMON = {
  namingStrategy: new SnakeNamingStrategy(),
  synchronize: false,
  migrationsRun: false,
  migrationsTableName: 'schema_migrations',
  logger: new TypeOrmLogger(),
  maxQueryExecutionTime: 1000,
  // An `undefined` in a where clause must fail loudly, never widen a tenant-scoped query.
  invalidWhereValuesBehavior: { null: 'throw', undefined: 'throw' } as const,
};

/** DataSource options for the configured database. Schema changes come only from migrations. */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  if (database.dialect === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...COMMON,
      entities,
      type: 'better-sqlite3',
      database: database.path,
      migrations: SQLITE_MIGRATIONS,
      enableWAL: true,
      timeout: 5000,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        // FULL: a committed transaction survives a power cut, not only a process crash.
        db.pragma('synchronous = FULL');
      },
    };
  }
  return {
    ...COMMON,
    entities,
    type: database.dialect,
    url: database.url,
    migrations: MYSQL_MIGRATIONS,
    timezone: 'Z',
    charset: 'utf8mb4_bin',
    poolSize: database.poolSize,
    supportBigNumbers: true,
    bigNumberStrings: true,
    connectTimeout: 5000,
    // mysql2 captures a stack trace on every query, for errors to show their caller: about a
    // tenth of the CPU of a short request (MaxBridge withdrawals, bench/results/maxbridge.md).
    // Errors keep their SQL message and code; TypeORM adds the query.
    trace: false,
    extra: {
      queryFormat: formatUnlessNoValues,
      // The pool closes its own idle connections at half the server's timeout (MysqlSession
      // sets the server's), before the server would close them under it. Fewer idle connections
      // kept than the pool holds: mysql2 closes idle ones only then.
      maxIdle: database.poolSize - 1,
      idleTimeout: (database.idleTimeoutSeconds * 1000) / 2,
    },
  };
}

/** The server's idle timeout (`wait_timeout`) for the connections of these options. */
export function serverIdleTimeoutSeconds(options: DataSourceOptions): number {
  const extra = (options as { extra?: { idleTimeout?: number } }).extra;
  return Math.round(((extra?.idleTimeout ?? 30_000) * 2) / 1000);
}

/**
 * mysql2's formatting of `?` placeholders (objects as strings, never expanded into `key = value`
 * lists, as TypeORM configures it), skipped when there are no values: mysql2 scans the whole
 * statement even then, which on a 1000-row insert written as literals costs more than writing it.
 */
function formatUnlessNoValues(sql: string, values: unknown, timezone: string): string {
  if (values === undefined || (Array.isArray(values) && values.length === 0)) return sql;
  return mysqlFormat(sql, values as Parameters<typeof mysqlFormat>[1], true, timezone);
}
