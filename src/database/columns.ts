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
