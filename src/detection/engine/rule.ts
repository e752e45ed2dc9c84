import type { TextLanguage } from '../../common/i18n/language';
import type { DetectionEvent, IdentifierKind } from './detection-event';
import type { ParameterSpecs, ParameterValues } from './parameters';
import type { PlayerState } from './player-state';
import type { RuleMode, Severity } from './rule-settings';
import type { Texts } from './texts';

/** Figures a reason is rendered from: stored with the hit, shown on the alert. */
export type Figures = Readonly<
  Record<string, string | number | boolean | null | undefined | readonly unknown[]>
>;

/** A rule's finding on one event. */
export interface RuleHit {
  /** The figures that triggered it, rendered by the rule's `reason`. */
  figures: Figures;
  /** The stronger variant: one severity above the rule's. */
  raised?: boolean;
  /** Quieter than the rule's mode (SHARED_IDENTIFIER on IPs starts in shadow). */
  mode?: RuleMode;
}

/** What the batch knows across players, loaded before the rules run (see batch-facts.ts). */
export interface CrossPlayerFacts {
  /** Players of the team that used this identifier within the window, this one included. */
  sharing(teamId: number, kind: IdentifierKind, value: string): SharedIdentifier | undefined;
  /** Bets of other players on other selections of this single's event and market. */
  opposing(event: DetectionEvent): OpposingBet[];
  /** ISO alpha-3 country of a payment operator, null when it has none or is unknown. */
  operatorCountry(code: string): string | null;
}

export interface SharedIdentifier {
  allowlisted: boolean;
  /** Distinct players within the window, this one included. */
  players: number;
  /** External ids of its players, latest first (at most 51, this player among them), when loaded for a likely hit. */
  others: string[] | null;
  /**
   * Short of the rule's threshold, on a kind that raises alerts, counted when this batch recorded
   * the player on it: players processed at the same moment by other loops could be the ones
   * missing, so the event gets a second look after its batch commits (shadow kinds do not: their
   * counts may come one event late).
   */
  short: boolean;
}

export interface OpposingBet {
  playerExternalId: string;
  selectionRef: string;
  stakeCents: number;
  at: number;
  /** The two bettors share an identifier (IP, phone, session). */
  linked: boolean;
}

export interface RuleContext<P> {
  parameters: P;
  /** The rule's mode for the team (`on` or `shadow`): a hit's own `mode` can only be quieter. */
  mode: RuleMode;
  /** The player's state before this event. */
  state: Readonly<PlayerState>;
  facts: CrossPlayerFacts;
}

/**
 * One rule of the pack: a file in `src/detection/rules/` and an entry in `rule-pack.ts`. The
 * engine gives it each event of the team (when it is not `off`) with the player's state and the
 * team's parameters; it answers what it found, or nothing. Rules are pure: whatever they need
 * to remember goes through `remember`, which the engine calls after every event.
 */
export interface Rule<S extends ParameterSpecs = ParameterSpecs> {
  /** Upper snake case, stable: alerts and settings refer to it. */
  readonly code: string;
  readonly title: Texts;
  readonly severity: Severity;
  readonly defaultMode?: RuleMode;
  /** The regulatory situation it serves, short, in each language. */
  readonly reference: Texts;
  readonly parameters: S;
  /**
   * For a rule that reads other players' data (`facts`): whether this event does. Such events
   * get a second look right after their batch commits, on what concurrent batches committed
   * meanwhile (two players' events processed at once never see each other in their own batches).
   */
  readonly crossPlayer?: (event: DetectionEvent) => boolean;
  evaluate(
    event: DetectionEvent,
    context: RuleContext<ParameterValues<S>>,
  ): RuleHit | RuleHit[] | null;
  /**
   * Writes into the player's state after the event what later evaluations need. Its `hits` carry
   * the mode they were recorded in: `on` for an alert, `shadow` for a shadow hit.
   */
  remember?(
    event: DetectionEvent,
    next: PlayerState,
    context: RuleContext<ParameterValues<S>> & { hits: readonly (RuleHit & { mode: RuleMode })[] },
  ): void;
  /** The alert's reason, from a hit's figures, in the reader's language. */
  reason(figures: Figures, language: TextLanguage): string;
}

/** Declares a rule with its parameters' types inferred from their specs. */
export const defineRule = <S extends ParameterSpecs>(rule: Rule<S>): Rule<S> => rule;
