import type { ColumnOptions } from 'typeorm';

/**
 * Column options shared by every entity, so that both dialects get the same types.
 * Timestamps are UTC, set by the application (never by the database's clock), microsecond
 * precision on MySQL/MariaDB.
 */
export const timestampColumn = (options: ColumnOptions = {}): ColumnOptions => ({
  type: 'datetime',
  precision: 6,
  ...options,
});

export const nullableTimestampColumn = (): ColumnOptions => timestampColumn({ nullable: true });

/**
 * The largest value of an `int` column (signed 32 bits): every id but the `bigint` row ids of the
 * high-volume tables. A request's integer bound for such a column is checked against it, so that
 * MySQL's "out of range" never answers for the validation (SQLite would store it).
 */
export const INT_COLUMN_MAX = 2_147_483_647;
