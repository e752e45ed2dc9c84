import type { Texts } from './texts';
import { ISO_CURRENCIES } from '../../common/iso/currencies';
import { MAX_AMOUNT_CENTS } from '../../common/money/limits';
import { RULE_MODES, type RuleMode } from './rule-settings';
import type {
  MonitorIssueKind,
  MonitorIssueParams,
} from '../../monitor-api/monitor-field-messages';

/**
 * A rule's parameters: each declared with its kind, bounds and default, in the rule's file.
 * `GET /api/v1/rules` shows them; `PUT /api/v1/rules/:code` patches them (JSON merge patch).
 */
export type ParameterSpec =
  | {
      /** Minor units per currency; a rule is skipped for a currency it has no amount for. */
      kind: 'money';
      default: Readonly<Record<string, number>>;
      description: Texts;
    }
  | {
      kind: 'integer';
      unit: 'count' | 'level' | 'minutes' | 'hours' | 'days';
      min: number;
      max: number;
      default: number;
      description: Texts;
    }
  | { kind: 'number'; min: number; max: number; default: number; description: Texts }
  | {
      /** A mode per key (SHARED_IDENTIFIER's per identifier kind), never louder than the rule's. */
      kind: 'modes';
      keys: readonly string[];
      default: Readonly<Record<string, RuleMode>>;
      description: Texts;
    };

export type ParameterSpecs = Readonly<Record<string, ParameterSpec>>;

/** Effective values: the defaults with the team's overrides merged in. */
export type ParameterValues<S extends ParameterSpecs> = {
  [K in keyof S]: S[K] extends { kind: 'money' }
    ? Readonly<Record<string, number>>
    : S[K] extends { kind: 'modes' }
      ? Readonly<Record<string, RuleMode>>
      : number;
};

/** What a team stores: only what it changed (a money or modes map: only the keys it changed). */
export type ParameterOverrides = Record<string, number | Record<string, number | string>>;

/** Every rule has a cooldown: later hits join an open alert whose last hit is this recent. */
export const COOLDOWN_PARAMETER: ParameterSpec = {
  kind: 'integer',
  unit: 'hours',
  min: 1,
  max: 720,
  default: 24,
  description: {
    en: 'Hits within this many hours of an open alert’s last hit join that alert',
    fr: 'Les déclenchements survenus dans ce nombre d’heures après le dernier d’une alerte ouverte rejoignent cette alerte',
    'pt-BR':
      'Disparos até este número de horas após o último de um alerta aberto juntam-se a esse alerta',
  },
};

const CURRENCIES = new Set(ISO_CURRENCIES.map((currency) => currency.code));

export function effectiveParameters(
  specs: ParameterSpecs,
  overrides: ParameterOverrides,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const override = overrides[name];
    if (spec.kind === 'money' || spec.kind === 'modes') {
      values[name] = { ...spec.default, ...((override as object | undefined) ?? {}) };
    } else {
      values[name] = override ?? spec.default;
    }
  }
  return values;
}

/**
 * The overrides that differ from the defaults: one equal to its default is not kept, so that the
 * rule follows the pack's default (restating a default, or returning to it with `null`, is then
 * the same setting).
 */
export function withoutDefaults(
  specs: ParameterSpecs,
  overrides: ParameterOverrides,
): ParameterOverrides {
  const kept: ParameterOverrides = {};
  for (const [name, override] of Object.entries(overrides)) {
    const spec = specs[name];
    if (!spec) continue;
    if (typeof override === 'object') {
      const defaults = spec.default as Readonly<Record<string, number | string>>;
      const differing = Object.entries(override).filter(([key, value]) => defaults[key] !== value);
      if (differing.length > 0) kept[name] = Object.fromEntries(differing);
    } else if (override !== spec.default) {
      kept[name] = override;
    }
  }
  return kept;
}

/**
 * One invalid parameter: `field` is its path in the request body; `kind` and `params` say what is
 * wrong, for the API to word in the request's language (monitor-field-messages.ts).
 */
export interface ParameterIssue {
  field: string;
  kind: ParameterIssueKind;
  params: MonitorIssueParams;
}

type ParameterIssueKind = Extract<
  MonitorIssueKind,
  | 'object'
  | 'unknownParameter'
  | 'unknownKey'
  | 'notCurrency'
  | 'minorUnits'
  | 'atMost'
  | 'anyOf'
  | 'aNumber'
  | 'anInteger'
  | 'within'
>;
type Problem = Omit<ParameterIssue, 'field'>;

/**
 * Applies a JSON merge patch (RFC 7396) to a team's overrides: `null` returns a parameter (or
 * one currency, one key) to its default. Returns the new overrides, or the issues found.
 */
export function patchParameters(
  specs: ParameterSpecs,
  current: ParameterOverrides,
  patch: unknown,
): { overrides: ParameterOverrides } | { issues: ParameterIssue[] } {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return {
      issues: [{ field: 'parameters', kind: 'object', params: { label: 'parameters' } }],
    };
  }
  const issues: ParameterIssue[] = [];
  const next: ParameterOverrides = structuredClone(current);
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    const field = `parameters.${name}`;
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) {
      issues.push({ field, kind: 'unknownParameter', params: { label: name } });
      continue;
    }
    if (value === null) {
      delete next[name];
      continue;
    }
    if (spec.kind === 'money' || spec.kind === 'modes') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        issues.push({ field, kind: 'object', params: { label: name } });
        continue;
      }
      const map = { ...((next[name] as Record<string, number | string> | undefined) ?? {}) };
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        const problem =
          spec.kind === 'money' ? moneyIssue(key, entry) : modeIssue(spec.keys, key, entry);
        if (problem) issues.push({ field: `${field}.${key}`, ...problem });
        else if (entry === null) delete map[key];
        else map[key] = entry as number | string;
      }
      if (Object.keys(map).length > 0) next[name] = map;
      else delete next[name];
      continue;
    }
    const problem = numberIssue(spec, value);
    if (problem) issues.push({ field, ...problem });
    else next[name] = value as number;
  }
  return issues.length > 0 ? { issues } : { overrides: next };
}

function moneyIssue(currency: string, amount: unknown): Problem | null {
  if (!CURRENCIES.has(currency)) return { kind: 'notCurrency', params: { value: currency } };
  if (amount === null) return null;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1) {
    return { kind: 'minorUnits', params: {} };
  }
  return amount > MAX_AMOUNT_CENTS ? { kind: 'atMost', params: { max: MAX_AMOUNT_CENTS } } : null;
}

function modeIssue(keys: readonly string[], key: string, mode: unknown): Problem | null {
  if (!keys.includes(key)) return { kind: 'unknownKey', params: { value: key, choices: keys } };
  if (mode === null) return null;
  return RULE_MODES.includes(mode as RuleMode)
    ? null
    : { kind: 'anyOf', params: { choices: RULE_MODES } };
}

function numberIssue(
  spec: Extract<ParameterSpec, { kind: 'integer' | 'number' }>,
  value: unknown,
): Problem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'aNumber', params: {} };
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    return { kind: 'anInteger', params: {} };
  }
  if (value < spec.min || value > spec.max) {
    return { kind: 'within', params: { min: spec.min, max: spec.max } };
  }
  return null;
}
