import { ValidateBy } from 'class-validator';
import { currencyByCode } from '../../../common/iso/currencies';
import { INT_COLUMN_MAX } from '../../../database/columns';

const absent = (value: unknown) => value === undefined || value === null;

/**
 * A user id as the seed's callers send it: a JSON number (`12345`) or digits in a string
 * (`"2147483647"`, the front end's examples), from 1 to the `int` column's maximum.
 */
export const IsUserIdValue = (label: string) =>
  ValidateBy({
    name: 'isUserIdValue',
    validator: {
      validate: (v) => absent(v) || userIdOf(v) !== null,
      defaultMessage: () => `${label} must be a positive integer of at most ${INT_COLUMN_MAX}`,
    },
  });

/** The user id of a valid `IsUserIdValue`, or null. */
export function userIdOf(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= INT_COLUMN_MAX
    ? (n as number)
    : null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: unknown): value is string =>
  typeof value === 'string' && GUID.test(value);

/** A GUID such as `3fa85f64-5717-4562-b3fc-2c963f66afa6` (any case). */
export const IsGuid = (label: string) =>
  ValidateBy({
    name: 'isGuid',
    validator: {
      validate: (v) => absent(v) || isGuid(v),
      defaultMessage: () => `${label} must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6`,
    },
  });

/** Positive whole cents. */
export const IsPositiveCents = (label: string) =>
  ValidateBy({
    name: 'isPositiveCents',
    validator: {
      validate: (v) => absent(v) || (Number.isSafeInteger(v) && (v as number) > 0),
      defaultMessage: () => `${label} must be a positive integer number of cents`,
    },
  });

/** An ISO 4217 alphabetic code we know (`EUR`, `XOF`), in upper case as the seed sends it. */
export const IsKnownCurrency = (label: string) =>
  ValidateBy({
    name: 'isKnownCurrency',
    validator: {
      validate: (v) => absent(v) || (typeof v === 'string' && currencyByCode(v) !== undefined),
      defaultMessage: () => `${label} must be an ISO 4217 currency code such as EUR`,
    },
  });
