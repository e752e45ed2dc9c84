import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIP } from 'node:net';
import { isLongerThan, isWellFormed } from '../../../common/text/well-formed';
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
  message: string | ((value: unknown) => string),
  options?: ValidationOptions,
) =>
  ValidateBy(
    {
      name,
      validator: {
        validate: (v) => absent(v) || test(v),
        defaultMessage: (args) =>
          typeof message === 'string' ? message : message(args?.value as unknown),
      },
    },
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

/**
 * Text of 1 to `max` characters, counted as the database counts them (code points), without a
 * control character or a lone half of a surrogate pair: MariaDB would store that as U+FFFD, and
 * two different ids (`"a\ud800"`, `"a\udc00"`) would become one.
 */
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' &&
  v.length > 0 &&
  !isLongerThan(v, max) &&
  isWellFormed(v) &&
  !CONTROL_CHARACTER.test(v);

/** Why a text was refused: its form, or its characters. */
const textMessage = (label: string, form: string) => (value: unknown) =>
  typeof value === 'string' && !isWellFormed(value)
    ? `${label} must be well-formed Unicode text (no lone surrogate)`
    : `${label} must be a text of ${form}`;

/** A string of 1 to `max` characters, none of them a control character. */
export const IsShortText = (label: string, max: number) =>
  rule(
    'isShortText',
    (v) => isText(v, max) && v.trim().length > 0,
    textMessage(label, `1 to ${max} characters`),
  );

/**
 * An identifier kept in a unique column: a short text without leading or trailing spaces, which
 * MySQL and MariaDB ignore when they compare (PAD SPACE) and SQLite does not.
 */
export const IsKeyText = (label: string, max: number) =>
  rule(
    'isKeyText',
    (v) => isText(v, max) && v.trim() === v,
    textMessage(label, `1 to ${max} characters, without spaces at either end`),
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
