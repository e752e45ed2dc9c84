import type { TextLanguage } from '../../common/i18n/language';
import { isoOf } from '../alerts/alert.view';
import { parameterSpecsOf } from '../engine/evaluate';
import type { ParameterSpec } from '../engine/parameters';
import type { Figures } from '../engine/rule';
import type { Texts } from '../engine/texts';
import type { RuleSettingsService, RuleVersion, TeamRule } from './rule-settings.service';

const UNITS: Record<ParameterSpec['kind'], Texts | null> = {
  money: {
    en: 'cents per currency (amount × 100: the monitor’s amount_cents, the AML API’s cents)',
    fr: 'centimes par devise (montant × 100 : le amount_cents du monitor, les cents de l’API AML)',
    'pt-BR': 'centavos por moeda (valor × 100: o amount_cents do monitor, os cents da API AML)',
  },
  integer: null,
  number: null,
  modes: { en: 'mode per key', fr: 'mode par clé', 'pt-BR': 'modo por chave' },
};

/** A rule as `GET /rules` shows it: the team's effective settings beside the pack's defaults. */
export function ruleView(teamRule: TeamRule, language: TextLanguage) {
  const { rule } = teamRule;
  const specs = parameterSpecsOf(rule);
  return {
    code: rule.code,
    title: rule.title[language],
    reference: rule.reference[language],
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
          unit: spec.kind === 'integer' ? spec.unit : (UNITS[spec.kind]?.[language] ?? null),
          value: teamRule.parameters[name],
          default: spec.default,
          ...(spec.kind === 'integer' || spec.kind === 'number'
            ? { min: spec.min, max: spec.max }
            : {}),
          ...(spec.kind === 'modes' ? { keys: spec.keys } : {}),
          description: spec.description[language],
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

/** A rule with what it found lately: hits per day and mode, and its latest shadow hits. */
export function ruleActivityView(
  teamRule: TeamRule,
  activity: Awaited<ReturnType<RuleSettingsService['activityOf']>>,
  language: TextLanguage,
) {
  return {
    ...ruleView(teamRule, language),
    hits_by_day: activity.hitsByDay,
    shadow_hits: activity.shadowHits.map((hit) => {
      const figures = JSON.parse(hit.figures) as Figures;
      return {
        player: { external_id: hit.playerExternalId },
        stream: hit.stream,
        event_id: hit.eventRef,
        event_time: isoOf(hit.eventTime),
        severity: hit.severity,
        rule_version: hit.ruleVersion,
        reason: {
          code: activity.rule.code,
          parameters: figures,
          text: activity.rule.reason(figures, language),
        },
        detected_at: isoOf(hit.createdAt),
      };
    }),
  };
}
