import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIP } from 'node:net';
import { INT_COLUMN_MAX } from '../../../database/columns';

/**
 * MaxBridge field rules. A missing field is `IsDefined`'s (answered 112 MISSING_PARAMETERS);
 * these rules pass an absent value and refuse a present one of the wrong type or form (99).
 * Amounts are checked for being whole cents here, and for their sign by the wallet, which has
 * codes of its own for that (143, 144).
 */
const absent = (value: unknown) => value === undefined || value === null;

const rule = (
  name: string,
  test: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
) =>
  ValidateBy(
    { name, validator: { validate: (v) => absent(v) || test(v), defaultMessage: () => message } },
    options,
  );

/** A positive integer id (JSON number, not a string) that fits its `int` column. */
export const IsPositiveId = (label: string) =>
  rule(
    'isPositiveId',
    (v) => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= INT_COLUMN_MAX,
    `${label} must be a positive integer of at most ${INT_COLUMN_MAX}`,
  );

/** Whole cents: an integer within ±(2^53 - 1), so that no digit is lost. */
export const IsWholeCents = (label: string) =>
  rule(
    'isWholeCents',
    (v) => Number.isSafeInteger(v),
    `${label} must be an integer number of cents, at most 9007199254740991`,
  );

// eslint-disable-next-line no-control-regex -- control characters are what is refused
const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** A string of 1 to `max` characters, none of them a control character. */
export const IsShortText = (label: string, max: number) =>
  rule(
    'isShortText',
    (v) =>
      typeof v === 'string' && v.trim().length > 0 && v.length <= max && !CONTROL_CHARACTER.test(v),
    `${label} must be a text of 1 to ${max} characters`,
  );

/**
 * An identifier kept in a unique column: a short text without leading or trailing spaces, which
 * MySQL and MariaDB ignore when they compare (PAD SPACE) and SQLite does not.
 */
export const IsKeyText = (label: string, max: number) =>
  rule(
    'isKeyText',
    (v) =>
      typeof v === 'string' &&
      v.length > 0 &&
      v.trim() === v &&
      v.length <= max &&
      !CONTROL_CHARACTER.test(v),
    `${label} must be a text of 1 to ${max} characters, without spaces at either end`,
  );

export const IsIpAddress = (label: string) =>
  rule(
    'isIpAddress',
    (v) => typeof v === 'string' && isIP(v) !== 0,
    `${label} must be an IPv4 or IPv6 address`,
  );

/** A language tag: `en`, `sr-Latn`, `pt_BR`. */
export const IsLanguageTag = (label: string) =>
  rule(
    'isLanguageTag',
    (v) =>
      typeof v === 'string' && v.length <= 16 && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(v),
    `${label} must be a language tag such as "en" or "pt-BR"`,
  );
