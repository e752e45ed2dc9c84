import { performance } from 'node:perf_hooks';
import type { DetectionEvent } from './detection-event';
import { COOLDOWN_PARAMETER, type ParameterSpecs } from './parameters';
import { copyOf, emptyPlayerState, foldEvent, type PlayerState } from './player-state';
import type { CrossPlayerFacts, Figures, Rule, RuleHit } from './rule';
import { quieterOf, raised, type RuleMode, type Severity } from './rule-settings';

/** Every parameter of a rule, the cooldown every rule has included. */
export const parameterSpecsOf = (rule: Rule): ParameterSpecs => ({
  ...rule.parameters,
  cooldown_hours: COOLDOWN_PARAMETER,
});

/** A rule as a team runs it: its version, mode, severity and effective parameters. */
export interface EffectiveRule {
  rule: Rule;
  version: number;
  mode: RuleMode;
  severity: Severity;
  parameters: Record<string, unknown>;
}

/** A hit as the engine records it: an alert's (mode `on`) or a shadow hit's. */
export interface Finding {
  event: DetectionEvent;
  rule: Rule;
  version: number;
  mode: Exclude<RuleMode, 'off'>;
  severity: Severity;
  figures: Figures;
  cooldownHours: number;
}

/** A rule threw on an event: the event is retried, then FAILED with the rule named. */
export class RuleFailure extends Error {
  constructor(
    readonly ruleCode: string,
    readonly event: DetectionEvent,
    override readonly cause: unknown,
  ) {
    super(
      `rule ${ruleCode} failed on ${event.stream} event ${event.ref}: ` +
        (cause instanceof Error ? cause.message : String(cause)),
    );
  }
}

/**
 * Runs the team's rules (those not `off`) over the events, in order, each against its player's
 * state before it; then folds the event into that state. `states` holds the players' states and
 * receives the new ones, changed in place (a rule that throws fails the whole batch, whose
 * states are then dropped). Pure but for `states`: the step loads and stores around it.
 */
export function evaluateEvents(
  events: readonly DetectionEvent[],
  states: Map<number, PlayerState>,
  rulesOf: (teamId: number) => readonly EffectiveRule[],
  facts: CrossPlayerFacts,
  /** Receives each rule's evaluation time, in seconds, when given. */
  ruleSeconds?: Map<string, number>,
  /**
   * `false` for a second look (events already folded into the states): the rules run against
   * the state as it is, and only their `remember` changes it.
   */
  fold = true,
): Finding[] {
  const findings: Finding[] = [];
  const runnersOf = runnersByTeam(rulesOf, facts);
  for (const event of events) {
    const state = states.get(event.playerId) ?? emptyPlayerState();
    const runners = runnersOf(event.teamId);
    for (const runner of runners) {
      const { effective, context } = runner;
      const started = ruleSeconds ? performance.now() : 0;
      context.state = state;
      try {
        runner.hits = recordedAs(effective.mode, effective.rule.evaluate(event, context));
      } catch (error) {
        throw new RuleFailure(effective.rule.code, event, error);
      }
      for (const hit of runner.hits) {
        const { mode } = hit;
        if (mode === 'off') continue;
        findings.push({
          event,
          rule: effective.rule,
          version: effective.version,
          mode,
          severity: hit.raised ? raised(effective.severity) : effective.severity,
          figures: hit.figures,
          cooldownHours: effective.parameters.cooldown_hours as number,
        });
      }
      if (ruleSeconds) runner.seconds += (performance.now() - started) / 1000;
    }
    // Every rule saw the state before the event: the event is folded into it in place (a copy
    // per event was most of the engine's time), then the rules remember what they found.
    const next = fold ? foldEvent(state, event) : copyOf(state);
    for (const { effective, context, hits } of runners) {
      if (!effective.rule.remember) continue;
      context.state = next;
      context.hits = hits;
      try {
        effective.rule.remember(event, next, context);
      } catch (error) {
        throw new RuleFailure(effective.rule.code, event, error);
      }
    }
    states.set(event.playerId, next);
  }
  if (ruleSeconds) {
    for (const runner of runnersOf.all()) {
      const code = runner.effective.rule.code;
      ruleSeconds.set(code, (ruleSeconds.get(code) ?? 0) + runner.seconds);
    }
  }
  return findings;
}

type RecordedHit = RuleHit & { mode: RuleMode };

const NO_HITS: readonly RecordedHit[] = Object.freeze([]);

/** A rule's answer as hits, each with the mode it is recorded in (never louder than the rule's). */
function recordedAs(
  ruleMode: RuleMode,
  answer: RuleHit | RuleHit[] | null,
): readonly RecordedHit[] {
  if (answer === null) return NO_HITS;
  const hits = Array.isArray(answer) ? answer : [answer];
  if (hits.length === 0) return NO_HITS;
  return hits.map((hit) => ({ ...hit, mode: quieterOf(ruleMode, hit.mode ?? 'on') }));
}

/**
 * A team's rules that are not off, each with the context its calls share (the engine sets the
 * state before each call: one object per rule and batch, not per event), its last hits and its
 * time spent.
 */
interface RuleRunner {
  effective: EffectiveRule;
  context: {
    parameters: never;
    mode: RuleMode;
    state: PlayerState;
    facts: CrossPlayerFacts;
    /** For `remember`: this event's hits. */
    hits: readonly RecordedHit[];
  };
  hits: readonly RecordedHit[];
  seconds: number;
}

function runnersByTeam(
  rulesOf: (teamId: number) => readonly EffectiveRule[],
  facts: CrossPlayerFacts,
) {
  const byTeam = new Map<number, RuleRunner[]>();
  const runnersOf = (teamId: number): RuleRunner[] => {
    let runners = byTeam.get(teamId);
    if (!runners) {
      runners = rulesOf(teamId)
        .filter((effective) => effective.mode !== 'off')
        .map((effective) => ({
          effective,
          context: {
            parameters: effective.parameters as never,
            mode: effective.mode,
            state: emptyPlayerState(),
            facts,
            hits: NO_HITS,
          },
          hits: NO_HITS,
          seconds: 0,
        }));
      byTeam.set(teamId, runners);
    }
    return runners;
  };
  runnersOf.all = () => [...byTeam.values()].flat();
  return runnersOf;
}
