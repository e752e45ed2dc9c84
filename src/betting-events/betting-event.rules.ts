import { ValidateBy, type ValidationOptions } from 'class-validator';
import { normalizeCpf } from '../common/br/cpf';
import { parseIsoTimestamp } from '../common/time/iso-timestamp';
import { MicroTime } from '../common/time/micro-time';
import { MAX_AMOUNT_CENTS, MAX_ODDS } from '../common/money/limits';
import { hasControlCharacters, isLongerThan, isWellFormed } from '../common/text/well-formed';

/**
 * The AML API's field rules used more than once, as class-validator decorators. Messages are the
 * seed's own where it gives them (seed 001, "400 - Invalid Data").
 */
export const SEED_MESSAGES = {
  taxId: 'Tax ID must be in valid format',
  stake: 'Bet amount must be greater than zero',
  odds: 'Odds must be a positive number',
  legs: 'Must contain at least one selection',
} as const;

/**
 * The value rules below pass an absent value (`undefined` or `null`): `IsDefined` says that a
 * required field is missing, once, and `IsOptional` lets an optional one be.
 */
const absent = (value: unknown) => value === undefined || value === null;

/** One of `values`. */
export const IsOneOf = (label: string, values: readonly string[], options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isOneOf',
      validator: {
        validate: (value) => absent(value) || values.includes(value as string),
        defaultMessage: () => `${label} must be one of: ${values.join(', ')}`,
      },
    },
    options,
  );

/** A Brazilian CPF, bare or formatted, with valid check digits. */
export const IsCpf = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCpf',
      validator: {
        validate: (value) => typeof value === 'string' && normalizeCpf(value) !== null,
        defaultMessage: () => SEED_MESSAGES.taxId,
      },
    },
    options,
  );

/** An amount in cents (or a count): an integer from `min` (0 by default) to `max`. */
export const IsCents = (
  message: string,
  min = 0,
  max = MAX_AMOUNT_CENTS,
  options?: ValidationOptions,
) =>
  ValidateBy(
    {
      name: 'isCents',
      validator: {
        validate: (value) =>
          absent(value) ||
          (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max),
        // An integer past the largest amount is told so; anything else gets the field's message.
        defaultMessage: (args) =>
          max === MAX_AMOUNT_CENTS && Number.isSafeInteger(args?.value) && args!.value > max
            ? `${args!.property} must be at most ${max}`
            : message,
      },
    },
    options,
  );

/** Odds: a number above zero, at most MAX_ODDS (1,000,000). */
export const IsPositiveOdds = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPositiveOdds',
      validator: {
        validate: (value) =>
          absent(value) ||
          (typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_ODDS),
        defaultMessage: (args) =>
          typeof args?.value === 'number' && args.value > MAX_ODDS
            ? `Odds must be at most ${MAX_ODDS}`
            : SEED_MESSAGES.odds,
      },
    },
    options,
  );

/** How late a date-time may be: event dates up to a day ahead (clock skew), match times to 2100. */
export type LatestDateTime = 'a day ahead' | 'year 2100';

const EARLIEST_MICROS = Date.UTC(2000, 0, 1) * 1000;
const YEAR_2100_MICROS = Date.UTC(2100, 0, 1) * 1000;
const DAY_MICROS = 86_400_000_000;

/**
 * An ISO 8601 date-time that names its time zone, from 2000 on and no later than `latest`: the
 * bounds keep every accepted value inside what a `datetime(6)` column can store.
 */
export const IsIsoDateTime = (label: string, latest: LatestDateTime, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: (value) => {
          const time = typeof value === 'string' ? parseIsoTimestamp(value) : null;
          if (!time) return false;
          const upTo =
            latest === 'year 2100' ? YEAR_2100_MICROS : MicroTime.now().micros + DAY_MICROS;
          return time.micros >= EARLIEST_MICROS && time.micros < upTo;
        },
        defaultMessage: (args) =>
          typeof args?.value === 'string' && parseIsoTimestamp(args.value)
            ? `${label} must be from 2000-01-01 and ${latest === 'year 2100' ? 'before 2100-01-01' : 'at most a day ahead'}`
            : `${label} must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z`,
      },
    },
    options,
  );

/** A JSON object (not an array, not null) of at most `maxBytes` as JSON text. */
export const IsSmallJsonObject = (label: string, maxBytes: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isSmallJsonObject',
      validator: {
        validate: (value) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Buffer.byteLength(JSON.stringify(value)) <= maxBytes,
        defaultMessage: (args) =>
          typeof args?.value === 'object' && args.value !== null && !Array.isArray(args.value)
            ? `${label} must take at most ${maxBytes} bytes as JSON`
            : `${label} must be a JSON object`,
      },
    },
    options,
  );

/**
 * Text of at most `max` characters, well-formed Unicode (a lone surrogate cannot be stored).
 * `required`: present and not blank. `identifier`: without leading or trailing spaces, which
 * MySQL's collations ignore in comparisons (`"slip_1 "` would be `"slip_1"`), and without
 * control characters.
 */
export const IsText = (
  label: string,
  max: number,
  { required = false, identifier = false } = {},
  options?: ValidationOptions,
) =>
  ValidateBy(
    {
      name: 'isText',
      validator: {
        validate: (value) => textProblem(value, max, required, identifier) === null,
        defaultMessage: (args) =>
          `${label} ${textProblem(args?.value, max, required, identifier) ?? 'is invalid'}`,
      },
    },
    options,
  );

function textProblem(value: unknown, max: number, required: boolean, identifier: boolean) {
  if (value === undefined || value === null) return required ? 'is required' : null;
  if (typeof value !== 'string') return 'must be a string';
  if (required && value.trim() === '') return 'must not be blank';
  if (isLongerThan(value, max)) return `must be at most ${max} characters long`;
  if (!isWellFormed(value)) return 'must be well-formed Unicode text';
  if (identifier && value.trim() !== value) return 'must not begin or end with spaces';
  if (identifier && hasControlCharacters(value)) return 'must not contain control characters';
  return null;
}
