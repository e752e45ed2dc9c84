/**
 * Builders for the detection specs (not used at run time): events of either stream, a team's
 * effective rules, fake cross-player facts, and a run of `evaluateEvents` whose findings are
 * summarised for `toEqual`.
 */
import { RULE_PACK } from '../rules/rule-pack';
import type { AmlFacts, DetectionEvent, IdentifierKind } from './detection-event';
import { evaluateEvents, parameterSpecsOf, type EffectiveRule, type Finding } from './evaluate';
import { effectiveParameters, type ParameterOverrides } from './parameters';
import { MICROS, type PlayerState } from './player-state';
import type { CrossPlayerFacts, Figures, OpposingBet, Rule, SharedIdentifier } from './rule';
import type { RuleMode, Severity } from './rule-settings';

/** 2026-03-02 12:00:00 UTC, in microseconds: the time the specs' events start from. */
export const T0 = Date.UTC(2026, 2, 2, 12) * 1000;

export const minutes = (n: number) => n * MICROS.MINUTE;
export const hours = (n: number) => n * MICROS.HOUR;
export const days = (n: number) => n * MICROS.DAY;

/** The narrow no-break space Intl puts between digit groups in French. */
export const NNBSP = '\u202f';

let sequence = 0;

/** A monitor event: a 1,000 XOF deposit at T0 by player 1 of team 1, unless told otherwise. */
export function monitorEvent(partial: Partial<DetectionEvent> = {}): DetectionEvent {
  sequence += 1;
  const playerId = partial.playerId ?? 1;
  return {
    stream: 'monitor',
    id: String(sequence),
    ref: `evt-${sequence}`,
    teamId: 1,
    playerId,
    playerExternalId: `player-${playerId}`,
    type: 'DEPOSIT',
    at: T0,
    amountCents: 1_000_00,
    currency: 'XOF',
    balanceBeforeCents: null,
    balanceAfterCents: null,
    odds: null,
    betRef: null,
    phone: null,
    country: null,
    kycLevel: null,
    operator: null,
    identifiers: [],
    aml: null,
    ...partial,
  };
}

export type AmlEventPartial = Partial<Omit<DetectionEvent, 'aml'>> & { aml?: Partial<AmlFacts> };

/**
 * An AML event: a `new_bet` of 100 BRL on slip `slip-1`, one leg (home of match-1's 1x2 market at
 * odds 2), no failed check, unless told otherwise.
 */
export function amlEvent(partial: AmlEventPartial = {}): DetectionEvent {
  const { aml, ...rest } = partial;
  const facts: AmlFacts = {
    eventType: 'new_bet',
    slipRef: 'slip-1',
    betSlipState: 'open',
    legs: [{ sportEventRef: 'match-1', marketRef: '1x2', selectionRef: 'home', odds: 2 }],
    checks: [],
    stakeAddedCents: 100_00,
    earlier: [],
    ...aml,
  };
  return monitorEvent({
    stream: 'aml',
    type: 'BET_PLACED',
    amountCents: 100_00,
    currency: 'BRL',
    odds: 2,
    betRef: facts.slipRef,
    ...rest,
    aml: facts,
  });
}

/** A rule by its code, or the rule itself (only its code is read). */
export type RuleRef = string | { readonly code: string };

const ruleOf = (ref: RuleRef): Rule => {
  const code = typeof ref === 'string' ? ref : ref.code;
  const rule = RULE_PACK.find((candidate) => candidate.code === code);
  if (!rule) throw new Error(`no rule ${code} in the pack`);
  return rule;
};

export interface RuleSettings {
  mode?: RuleMode;
  severity?: Severity;
  version?: number;
}

/** One rule as a team runs it: version 1, the rule's mode and severity, the overrides merged. */
export function effectiveRule(
  rule: Rule,
  overrides: ParameterOverrides = {},
  settings: RuleSettings = {},
): EffectiveRule {
  return {
    rule,
    version: settings.version ?? 1,
    mode: settings.mode ?? rule.defaultMode ?? 'on',
    severity: settings.severity ?? rule.severity,
    parameters: effectiveParameters(parameterSpecsOf(rule), overrides),
  };
}

/** Rules of the pack as a team runs them; the same overrides and settings for each. */
export function rulesFor(
  rules: RuleRef | readonly RuleRef[],
  overrides: ParameterOverrides = {},
  settings: RuleSettings = {},
): EffectiveRule[] {
  const refs: readonly RuleRef[] = Array.isArray(rules) ? rules : [rules as RuleRef];
  return refs.map((ref) => effectiveRule(ruleOf(ref), overrides, settings));
}

export interface FakeFacts extends CrossPlayerFacts {
  /** What the rules asked, in order. */
  readonly asked: { sharing: string[]; opposing: DetectionEvent[]; operatorCountry: string[] };
}

/**
 * Cross-player facts from plain maps: `shares` by `kind:value`, the opposing bets of every
 * single (or a function of the event), and operators' countries.
 */
export function fakeFacts(
  input: {
    shares?: Record<string, SharedIdentifier>;
    opposing?: OpposingBet[] | ((event: DetectionEvent) => OpposingBet[]);
    operatorCountries?: Record<string, string | null>;
  } = {},
): FakeFacts {
  const asked: FakeFacts['asked'] = { sharing: [], opposing: [], operatorCountry: [] };
  return {
    asked,
    sharing(teamId: number, kind: IdentifierKind, value: string) {
      asked.sharing.push(`${teamId}/${kind}:${value}`);
      return input.shares?.[`${kind}:${value}`];
    },
    opposing(event: DetectionEvent) {
      asked.opposing.push(event);
      const { opposing = [] } = input;
      return typeof opposing === 'function' ? opposing(event) : opposing;
    },
    operatorCountry(code: string) {
      asked.operatorCountry.push(code);
      return input.operatorCountries?.[code] ?? null;
    },
  };
}

/** A finding as the specs compare it: the rule by code, the event by ref. */
export interface FindingSummary {
  rule: string;
  event: string;
  mode: Finding['mode'];
  severity: Severity;
  version: number;
  cooldownHours: number;
  figures: Figures;
}

export const summarize = (finding: Finding): FindingSummary => ({
  rule: finding.rule.code,
  event: finding.event.ref,
  mode: finding.mode,
  severity: finding.severity,
  version: finding.version,
  cooldownHours: finding.cooldownHours,
  figures: finding.figures,
});

/** Runs the events through `evaluateEvents` with these rules for every team. */
export function detect(
  events: readonly DetectionEvent[],
  rules: readonly EffectiveRule[],
  options: { facts?: CrossPlayerFacts; states?: Map<number, PlayerState> } = {},
): { findings: FindingSummary[]; raw: Finding[]; states: Map<number, PlayerState> } {
  const states = options.states ?? new Map<number, PlayerState>();
  const raw = evaluateEvents(events, states, () => rules, options.facts ?? fakeFacts());
  return { findings: raw.map(summarize), raw, states };
}

/** The expected summary of a finding at the rule's defaults: mode on, version 1, cooldown 24 h. */
export function expected(
  rule: { readonly code: string; readonly severity: Severity },
  event: DetectionEvent,
  figures: Figures,
  overrides: Partial<Omit<FindingSummary, 'rule' | 'event' | 'figures'>> = {},
): FindingSummary {
  return {
    rule: rule.code,
    event: event.ref,
    mode: 'on',
    severity: rule.severity,
    version: 1,
    cooldownHours: 24,
    figures,
    ...overrides,
  };
}

/** A rule's reason for a figures in the three text languages. */
export const reasons = (rule: Pick<Rule, 'reason'>, figures: Figures) => ({
  en: rule.reason(figures, 'en'),
  fr: rule.reason(figures, 'fr'),
  'pt-BR': rule.reason(figures, 'pt-BR'),
});

/** French text with each `~` a narrow no-break space (Intl's digit group separator). */
export const fr = (text: string) => text.replaceAll('~', NNBSP);
