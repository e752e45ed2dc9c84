import type { SqlDatabase } from '../../src/database/sql-database';

/**
 * What a refused request must leave as it was: every table but the migrations', the used
 * nonces' (a refused signed request may still have claimed its nonce) and the failed logins' (a
 * refused login is counted, by design). One query reads, per
 * table, its highest id (or its row count when it has no id) and its latest `updated_at`.
 */
export class BusinessTables {
  private constructor(
    private readonly database: SqlDatabase,
    private readonly sql: string,
  ) {}

  static async of(database: SqlDatabase): Promise<BusinessTables> {
    const columns = database.dialect.isSqlite
      ? await database.select<{ table_name: string; column_name: string }>(
          "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        )
      : await database.select<{ table_name: string; column_name: string }>(
          'SELECT table_name AS table_name, column_name AS column_name FROM information_schema.columns WHERE table_schema = DATABASE()',
        );
    const tables = new Map<string, Set<string>>();
    for (const { table_name: table, column_name: column } of columns) {
      if (NOT_BUSINESS.includes(table)) continue;
      tables.set(table, (tables.get(table) ?? new Set()).add(column));
    }
    const parts = [...tables.entries()]
      .sort()
      .flatMap(([table, names]) => [
        names.has('id') ? `(SELECT MAX(id) FROM ${table})` : `(SELECT COUNT(*) FROM ${table})`,
        ...(names.has('updated_at') ? [`(SELECT MAX(updated_at) FROM ${table})`] : []),
      ]);
    return new BusinessTables(
      database,
      `SELECT ${parts.map((p, i) => `${p} AS c${i}`).join(', ')}`,
    );
  }

  async fingerprint(): Promise<string> {
    const [row] = await this.database.select<Record<string, unknown>>(this.sql);
    return JSON.stringify(
      Object.values(row).map((value) => (value === null ? null : String(value))),
    );
  }
}

const NOT_BUSINESS = [
  'schema_migrations',
  'maxbridge_nonces',
  'maxbridge_login_failures',
  'dashboard_login_failures',
];
