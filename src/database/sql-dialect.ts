import type { DataSourceOptions } from 'typeorm';

/**
 * The few SQL spellings that differ between MySQL/MariaDB and SQLite, so that repositories can
 * write one statement for both. Identifiers are left unquoted: every name here is snake_case and
 * not a reserved word in either dialect.
 */
export class SqlDialect {
  private constructor(readonly isSqlite: boolean) {}

  static of(type: DataSourceOptions['type']): SqlDialect {
    return new SqlDialect(type === 'better-sqlite3');
  }

  /**
   * `INSERT` of `rows` that skips the rows whose unique key (the `conflictKey` columns) already
   * holds a row, and still fails on anything else; the number of changed rows is the number
   * inserted. On MySQL the values are written into the statement as escaped literals (as mysql2
   * would, minus its scan for placeholders, which costs more than the escaping on a 1000-row
   * insert); SQLite binds them.
   */
  bulkInsertSkippingDuplicates(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    conflictKey: readonly string[],
  ): { sql: string; params: unknown[] } {
    if (this.isSqlite) {
      const values = valuesClause(columns.length, rows.length);
      return {
        sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${conflictKey.join(', ')}) DO NOTHING`,
        params: rows.flat(),
      };
    }
    // IGNORE also turns other errors into warnings on MySQL: the rows are validated before.
    let values = '';
    for (const row of rows) {
      values += values === '' ? '(' : ', (';
      for (let i = 0; i < row.length; i++) values += (i === 0 ? '' : ', ') + mysqlLiteral(row[i]);
      values += ')';
    }
    return {
      sql: `INSERT IGNORE INTO ${table} (${columns.join(', ')}) VALUES ${values}`,
      params: [],
    };
  }

  /**
   * `INSERT ... ` that updates the row holding the same unique key instead. Each assignment is
   * written with `old(column)` and `new(column)` placeholders for the stored and the offered value.
   */
  upsert(
    table: string,
    columns: readonly string[],
    rowCount: number,
    conflictKey: readonly string[],
    assignments: Record<
      string,
      (old: (c: string) => string, offered: (c: string) => string) => string
    >,
  ): string {
    const offered = this.isSqlite ? (c: string) => `excluded.${c}` : (c: string) => `VALUES(${c})`;
    const old = (c: string) => `${table}.${c}`;
    const updates = Object.entries(assignments)
      .map(([column, expression]) => `${column} = ${expression(old, offered)}`)
      .join(', ');
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesClause(columns.length, rowCount)}`;
    return this.isSqlite
      ? `${insert} ON CONFLICT (${conflictKey.join(', ')}) DO UPDATE SET ${updates}`
      : `${insert} ON DUPLICATE KEY UPDATE ${updates}`;
  }

  /** `INSERT` that skips a row colliding with any unique key (the values are valid otherwise). */
  get insertIgnoring(): string {
    return this.isSqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  }

  greatest(a: string, b: string): string {
    return this.isSqlite ? `MAX(${a}, ${b})` : `GREATEST(${a}, ${b})`;
  }

  least(a: string, b: string): string {
    return this.isSqlite ? `MIN(${a}, ${b})` : `LEAST(${a}, ${b})`;
  }

  /** A `datetime(6)` column read as `YYYY-MM-DD HH:MM:SS.ffffff` text, microseconds kept. */
  timestampText(column: string): string {
    return this.isSqlite ? column : `DATE_FORMAT(${column}, '%Y-%m-%d %H:%i:%s.%f')`;
  }

  /** `FOR UPDATE` where rows can be locked; on SQLite a transaction has the database to itself. */
  get forUpdate(): string {
    return this.isSqlite ? '' : 'FOR UPDATE';
  }

  /** A shared row lock where rows can be locked (MariaDB and MySQL 8 both read this form). */
  get forShare(): string {
    return this.isSqlite ? '' : 'LOCK IN SHARE MODE';
  }

  /** `FOR UPDATE SKIP LOCKED` where rows can be locked; SQLite has one writer instead. */
  get skipLocked(): string {
    return this.isSqlite ? '' : 'FOR UPDATE SKIP LOCKED';
  }
}

// eslint-disable-next-line no-control-regex -- these control characters are what MySQL needs escaped
const SPECIAL_CHARACTERS = /[\0\b\t\n\r\x1a"'\\]/;
// eslint-disable-next-line no-control-regex -- as above
const SPECIAL_CHARACTERS_ALL = /[\0\b\t\n\r\x1a"'\\]/g;
const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '"': '\\"',
  "'": "\\'",
  '\\': '\\\\',
};

/**
 * A value as a MySQL literal, escaped exactly as mysql2's own client-side formatting (sqlstring)
 * escapes it: strings quoted with `\` escapes, finite numbers as written, null as NULL.
 */
export function mysqlLiteral(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return SPECIAL_CHARACTERS.test(value)
        ? `'${value.replace(SPECIAL_CHARACTERS_ALL, (c) => ESCAPES[c])}'`
        : `'${value}'`;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} to MySQL`);
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      if (value === null || value === undefined) return 'NULL';
      throw new Error(`No MySQL literal for a ${typeof value}`);
  }
}

/** `(?, ?, ?), (?, ?, ?)` for `rowCount` rows of `columnCount` values. */
export function valuesClause(columnCount: number, rowCount: number): string {
  const row = `(${new Array<string>(columnCount).fill('?').join(', ')})`;
  return new Array<string>(rowCount).fill(row).join(', ');
}

/** `?, ?, ?` for an `IN (...)` list. */
export function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(', ');
}
