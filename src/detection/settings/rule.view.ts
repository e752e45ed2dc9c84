import type { TextLanguage } from '../../common/i18n/language';
import { isoOf } from '../alerts/alert.view';
import { parameterSpecsOf } from '../engine/evaluate';
import type { ParameterSpec } from '../engine/parameters';
import type { RuleVersion, TeamRule } from './rule-settings.service';

const UNITS: Record<ParameterSpec['kind'], string | null> = {
  money: 'cents per currency (amount × 100: the monitor’s amount_cents, the AML API’s cents)',
  integer: null,
  number: null,
  modes: 'mode per key',
};

/** A rule as `GET /rules` shows it: the team's effective settings beside the pack's defaults. */
export function ruleView(teamRule: TeamRule, language: TextLanguage) {
  const { rule } = teamRule;
  const specs = parameterSpecsOf(rule);
  return {
    code: rule.code,
    title: rule.title[language],
    reference: rule.reference,
    mode: teamRule.mode,
    severity: teamRule.severity,
    version: teamRule.version,
    updated_at: isoOf(teamRule.updatedAt),
    defaults: { mode: rule.defaultMode ?? 'on', severity: rule.severity },
    parameters: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [
        name,
        {
          kind: spec.kind,
          unit: spec.kind === 'integer' ? spec.unit : UNITS[spec.kind],
          value: teamRule.parameters[name],
          default: spec.default,
          ...(spec.kind === 'integer' || spec.kind === 'number'
            ? { min: spec.min, max: spec.max }
            : {}),
          ...(spec.kind === 'modes' ? { keys: spec.keys } : {}),
          description: spec.description,
        },
      ]),
    ),
  };
}

export const versionView = (v: RuleVersion) => ({
  version: v.version,
  mode: v.mode,
  severity: v.severity,
  parameters: v.overrides,
  author: v.author,
  created_at: isoOf(v.createdAt),
});
