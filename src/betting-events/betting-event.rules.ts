import { ValidateBy, type ValidationOptions } from 'class-validator';
import { normalizeCpf } from '../common/br/cpf';
import { parseIsoTimestamp } from '../common/time/iso-timestamp';

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

/** An amount in cents: an integer from `min` (0 by default). */
export const IsCents = (message: string, min = 0, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCents',
      validator: {
        validate: (value) => Number.isSafeInteger(value) && (value as number) >= min,
        defaultMessage: () => message,
      },
    },
    options,
  );

/** Odds: a finite number above zero. */
export const IsPositiveOdds = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPositiveOdds',
      validator: {
        validate: (value) => typeof value === 'number' && Number.isFinite(value) && value > 0,
        defaultMessage: () => SEED_MESSAGES.odds,
      },
    },
    options,
  );

/** An ISO 8601 date-time that names its time zone. */
export const IsIsoDateTime = (label: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDateTime',
      validator: {
        validate: (value) => typeof value === 'string' && parseIsoTimestamp(value) !== null,
        defaultMessage: () =>
          `${label} must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z`,
      },
    },
    options,
  );

/** A JSON object (not an array, not null). */
export const IsJsonObject = (message: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isJsonObject',
      validator: {
        validate: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
        defaultMessage: () => message,
      },
    },
    options,
  );

/** A required identifier or text: a string, not blank, of at most `max` characters. */
export const IsRequiredText = (label: string, max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isRequiredText',
      validator: {
        validate: (value) =>
          typeof value === 'string' && value.trim() !== '' && value.length <= max,
        defaultMessage: (args) =>
          args?.value === undefined || args.value === null
            ? `${label} is required`
            : `${label} must be a non-empty string of at most ${max} characters`,
      },
    },
    options,
  );
