import { QueryFailedError } from 'typeorm';

/** True when a write failed on a unique key, whichever database raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return (
    driverError.code === 'ER_DUP_ENTRY' ||
    driverError.errno === 1062 ||
    driverError.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    driverError.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** True when a write named a row that does not exist in the table a foreign key points to. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return driverError.errno === 1452 || driverError.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * True when a write failed on one particular unique key: MySQL names the index
 * (`uq_maxbridge_reservations_code`), SQLite the columns (`maxbridge_reservations.code`).
 */
export function isUniqueViolationOf(
  error: unknown,
  key: { index: string; columns: string },
): boolean {
  if (!isUniqueViolation(error)) return false;
  const message = String((error as QueryFailedError).driverError?.message ?? '');
  return message.includes(`'${key.index}'`) || message.includes(`: ${key.columns}`);
}

/**
 * A transaction met a concurrent write that it could only have seen by starting again (a row
 * another transaction committed between this one's read and its write). Retried like a deadlock.
 */
export class ConcurrentWriteConflict extends Error {}

/** True for a deadlock or a lock wait timeout: the transaction can simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  if (error instanceof ConcurrentWriteConflict) return true;
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return (
    driverError.errno === 1213 || driverError.errno === 1205 || driverError.code === 'SQLITE_BUSY'
  );
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
]);

/**
 * What a failure says of the database rather than of the request: out of reach (a connection
 * refused, lost or timed out, as the driver reports it), or busy (a lock conflict still there
 * after its retries); null for anything else, a socket error of another client included.
 */
export function databaseTroubleOf(error: unknown): 'unreachable' | 'busy' | null {
  if (isRetryableConflict(error)) return 'busy';
  const fromDriver =
    error instanceof QueryFailedError ||
    (typeof error === 'object' && error !== null && ('fatal' in error || 'sqlState' in error));
  return fromDriver && isTransientDatabaseError(error) ? 'unreachable' : null;
}

/**
 * True for a failure that says nothing about the statement: a lock conflict, or the database out
 * of reach. Running the same work later may well succeed.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isRetryableConflict(error)) return true;
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_ERROR_CODES.has(code);
}
