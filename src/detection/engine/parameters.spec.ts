import { MAX_AMOUNT_CENTS } from '../../common/money/limits';
import { monitorIssue } from '../../monitor-api/monitor-field-messages';
import { RULE_PACK } from '../rules/rule-pack';
import { largeTransaction } from '../rules/large-transaction.rule';
import { rapidDeposits } from '../rules/rapid-deposits.rule';
import { sharedIdentifier } from '../rules/shared-identifier.rule';
import { structuring } from '../rules/structuring.rule';
import { parameterSpecsOf } from './evaluate';
import { LARGE_AMOUNT_CENTS } from './money-thresholds';
import {
  effectiveParameters,
  patchParameters,
  withoutDefaults,
  type ParameterOverrides,
  type ParameterSpecs,
} from './parameters';
import type { Rule } from './rule';

const specsOf = (rule: { code: string }) =>
  parameterSpecsOf(RULE_PACK.find((r) => r.code === rule.code) as Rule);

const LARGE = specsOf(largeTransaction);
const RAPID = specsOf(rapidDeposits);
const SHARED = specsOf(sharedIdentifier);
const STRUCTURING = specsOf(structuring);

/** The issues as the API words them in English. */
const issuesOf = (specs: ParameterSpecs, patch: unknown, current: ParameterOverrides = {}) => {
  const result = patchParameters(specs, current, patch);
  if (!('issues' in result)) return [];
  return result.issues.map(({ field, kind, params }) => ({
    field,
    message: monitorIssue(field, kind, { label: field, ...params }).message,
  }));
};
const overridesOf = (specs: ParameterSpecs, patch: unknown, current: ParameterOverrides = {}) => {
  const result = patchParameters(specs, current, patch);
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result.overrides;
};

describe('patchParameters', () => {
  it('rejects a body that is not an object', () => {
    for (const patch of [null, 5, 'x', [1]]) {
      expect(issuesOf(LARGE, patch)).toEqual([
        { field: 'parameters', message: 'parameters must be an object' },
      ]);
    }
  });

  it('rejects an unknown parameter, named by its path', () => {
    expect(issuesOf(RAPID, { foo: 1 })).toEqual([
      { field: 'parameters.foo', message: 'unknown parameter foo' },
    ]);
    expect(issuesOf(RAPID, { toString: 1 })).toEqual([
      { field: 'parameters.toString', message: 'unknown parameter toString' },
    ]);
  });

  describe('integers and numbers', () => {
    it('takes a value within the bounds, the bounds included', () => {
      expect(overridesOf(RAPID, { count: 2, window_minutes: 1440 })).toEqual({
        count: 2,
        window_minutes: 1440,
      });
      expect(overridesOf(STRUCTURING, { lower_share: 0.85 })).toEqual({ lower_share: 0.85 });
    });

    it('rejects a value below the minimum or above the maximum', () => {
      expect(issuesOf(RAPID, { count: 1, window_minutes: 1441 })).toEqual([
        { field: 'parameters.count', message: 'must be from 2 to 100' },
        { field: 'parameters.window_minutes', message: 'must be from 1 to 1440' },
      ]);
      expect(issuesOf(STRUCTURING, { lower_share: 0.49 })).toEqual([
        { field: 'parameters.lower_share', message: 'must be from 0.5 to 0.99' },
      ]);
    });

    it('rejects a fraction where an integer is expected', () => {
      expect(issuesOf(RAPID, { count: 2.5 })).toEqual([
        { field: 'parameters.count', message: 'must be an integer' },
      ]);
    });

    it('rejects what is not a finite number', () => {
      for (const value of ['5', true, {}, Number.NaN, Infinity]) {
        expect(issuesOf(RAPID, { count: value })).toEqual([
          { field: 'parameters.count', message: 'must be a number' },
        ]);
      }
    });

    it('knows every rule’s cooldown', () => {
      expect(overridesOf(RAPID, { cooldown_hours: 720 })).toEqual({ cooldown_hours: 720 });
      expect(issuesOf(RAPID, { cooldown_hours: 0 })).toEqual([
        { field: 'parameters.cooldown_hours', message: 'must be from 1 to 720' },
      ]);
    });
  });

  describe('money', () => {
    it('takes an amount per currency, merged into the current ones', () => {
      expect(
        overridesOf(LARGE, { threshold: { EUR: 5_000_00 } }, { threshold: { XOF: 1 } }),
      ).toEqual({
        threshold: { XOF: 1, EUR: 5_000_00 },
      });
    });

    it('rejects a code that is not an ISO 4217 currency', () => {
      expect(issuesOf(LARGE, { threshold: { ABC: 100, xof: 100, XTS: 100 } })).toEqual([
        { field: 'parameters.threshold.ABC', message: 'ABC is not an ISO 4217 currency code' },
        { field: 'parameters.threshold.xof', message: 'xof is not an ISO 4217 currency code' },
        { field: 'parameters.threshold.XTS', message: 'XTS is not an ISO 4217 currency code' },
      ]);
    });

    it('rejects an amount that is not a positive integer of minor units', () => {
      for (const amount of [1.5, 0, -100, '100', true]) {
        expect(issuesOf(LARGE, { threshold: { XOF: amount } })).toEqual([
          {
            field: 'parameters.threshold.XOF',
            message: 'must be a positive integer amount in minor units',
          },
        ]);
      }
    });

    it('takes the largest amount the APIs take, not more', () => {
      expect(overridesOf(LARGE, { threshold: { XOF: MAX_AMOUNT_CENTS } })).toEqual({
        threshold: { XOF: MAX_AMOUNT_CENTS },
      });
      expect(issuesOf(LARGE, { threshold: { XOF: MAX_AMOUNT_CENTS + 100 } })).toEqual([
        { field: 'parameters.threshold.XOF', message: `must be at most ${MAX_AMOUNT_CENTS}` },
      ]);
    });

    it('rejects a value that is not an object of amounts', () => {
      for (const value of [5, [1], 'XOF']) {
        expect(issuesOf(LARGE, { threshold: value })).toEqual([
          { field: 'parameters.threshold', message: 'threshold must be an object' },
        ]);
      }
    });
  });

  describe('modes', () => {
    it('takes a mode per known key', () => {
      expect(overridesOf(SHARED, { modes: { ip: 'on', session: 'off' } })).toEqual({
        modes: { ip: 'on', session: 'off' },
      });
    });

    it('rejects an unknown key and an unknown mode', () => {
      expect(issuesOf(SHARED, { modes: { email: 'on', ip: 'loud' } })).toEqual([
        {
          field: 'parameters.modes.email',
          message: 'unknown key email; expected one of ip, phone, session',
        },
        { field: 'parameters.modes.ip', message: 'must be one of off, shadow, on' },
      ]);
    });
  });

  describe('null returns to the default', () => {
    it('drops a whole parameter', () => {
      const current = { count: 3, window_minutes: 30 };
      expect(overridesOf(RAPID, { count: null }, current)).toEqual({ window_minutes: 30 });
    });

    it('drops one currency or key, and the parameter when none is left', () => {
      const current = { threshold: { XOF: 1, EUR: 2 } };
      expect(overridesOf(LARGE, { threshold: { XOF: null } }, current)).toEqual({
        threshold: { EUR: 2 },
      });
      expect(overridesOf(LARGE, { threshold: { XOF: null, EUR: null } }, current)).toEqual({});
      expect(overridesOf(SHARED, { modes: { ip: null } }, { modes: { ip: 'on' } })).toEqual({});
    });

    it('drops a whole money map', () => {
      expect(
        overridesOf(LARGE, { threshold: null }, { threshold: { XOF: 1 }, cooldown_hours: 2 }),
      ).toEqual({
        cooldown_hours: 2,
      });
    });
  });

  it('reports every issue and changes nothing when there is one', () => {
    const current = { count: 3 };
    expect(issuesOf(RAPID, { count: 4, window_minutes: 0, foo: 1 }, current)).toEqual([
      { field: 'parameters.window_minutes', message: 'must be from 1 to 1440' },
      { field: 'parameters.foo', message: 'unknown parameter foo' },
    ]);
    expect(current).toEqual({ count: 3 });
  });

  it('does not change the current overrides it is given', () => {
    const current = { threshold: { XOF: 1 } };
    overridesOf(LARGE, { threshold: { EUR: 2, XOF: null } }, current);
    expect(current).toEqual({ threshold: { XOF: 1 } });
  });

  it('accepts the defaults of every rule of the pack as a patch', () => {
    for (const rule of RULE_PACK) {
      const specs = parameterSpecsOf(rule);
      const defaults = Object.fromEntries(
        Object.entries(specs).map(([name, spec]) => [name, spec.default]),
      );
      expect({ rule: rule.code, issues: issuesOf(specs, defaults) }).toEqual({
        rule: rule.code,
        issues: [],
      });
    }
  });
});

describe('effectiveParameters', () => {
  it('gives the defaults when the team changed nothing', () => {
    expect(effectiveParameters(RAPID, {})).toEqual({
      count: 5,
      window_minutes: 60,
      cooldown_hours: 24,
    });
  });

  it('takes the team’s values over the defaults', () => {
    expect(effectiveParameters(RAPID, { count: 3, cooldown_hours: 1 })).toEqual({
      count: 3,
      window_minutes: 60,
      cooldown_hours: 1,
    });
  });

  it('merges a money map currency by currency', () => {
    const { threshold } = effectiveParameters(LARGE, { threshold: { XOF: 5, KES: 7 } }) as {
      threshold: Record<string, number>;
    };
    expect(threshold).toEqual({ ...LARGE_AMOUNT_CENTS, XOF: 5, KES: 7 });
  });

  it('merges modes key by key', () => {
    expect(effectiveParameters(SHARED, { modes: { phone: 'shadow' } }).modes).toEqual({
      ip: 'shadow',
      phone: 'shadow',
      session: 'on',
    });
  });

  it('ignores overrides of parameters the rule does not have', () => {
    expect(effectiveParameters(RAPID, { threshold: { XOF: 1 } })).toEqual({
      count: 5,
      window_minutes: 60,
      cooldown_hours: 24,
    });
  });

  it('does not share the defaults’ maps with the values', () => {
    const values = effectiveParameters(LARGE, {}) as { threshold: Record<string, number> };
    values.threshold.XOF = 1;
    expect(LARGE_AMOUNT_CENTS.XOF).toBe(1_000_000_00);
  });
});

describe('withoutDefaults', () => {
  it('drops the overrides equal to their defaults, key by key in a map', () => {
    const rapid = specsOf(rapidDeposits);
    expect(withoutDefaults(rapid, { count: 5, window_minutes: 30 })).toEqual({
      window_minutes: 30,
    });
    const large = specsOf(largeTransaction);
    const xof = (large.threshold.default as Record<string, number>).XOF;
    expect(withoutDefaults(large, { threshold: { XOF: xof, EUR: 1 } })).toEqual({
      threshold: { EUR: 1 },
    });
    expect(withoutDefaults(large, { threshold: { XOF: xof } })).toEqual({});
    const shared = specsOf(sharedIdentifier);
    expect(withoutDefaults(shared, { modes: { ip: 'shadow', phone: 'shadow' } })).toEqual({
      modes: { phone: 'shadow' },
    });
  });
});
