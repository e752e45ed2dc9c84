import type { MicroTime } from '../../common/time/micro-time';
import { placeholders } from '../../database/sql-dialect';

/**
 * The statements that record how processing ended, the same for every stream's table: each has
 * `status` (RECEIVED, PROCESSED, FAILED), `processed_at`, `failed_attempts` and `last_error`.
 * Only RECEIVED rows change, so a row is never moved twice.
 */
export const eventStatusStatements = (table: string) => ({
  /** RECEIVED -> PROCESSED at `at`; the number of rows changed tells how many were RECEIVED. */
  processed: (ids: readonly string[], at: MicroTime) => ({
    sql:
      `UPDATE ${table} SET status = 'PROCESSED', processed_at = ? ` +
      `WHERE status = 'RECEIVED' AND id IN (${placeholders(ids.length)})`,
    params: [at.toDatabaseText(), ...ids],
  }),
  /** RECEIVED -> FAILED at `at`, with the reason (its first 500 characters) and the attempts. */
  failed: (id: string, failure: { reason: string; attempts: number }, at: MicroTime) => ({
    sql:
      `UPDATE ${table} SET status = 'FAILED', processed_at = ?, failed_attempts = ?, last_error = ? ` +
      "WHERE id = ? AND status = 'RECEIVED'",
    params: [at.toDatabaseText(), failure.attempts, failure.reason.slice(0, 500), id],
  }),
});
