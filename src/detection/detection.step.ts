import { Injectable, Logger } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import { PlayersService } from '../players/players.service';
import type { ProcessingEvent } from '../processing/processing-event';
import type { ProcessingStep } from '../processing/processing-step';
import { AlertRecorder } from './alerts/alert-recorder';
import { DetectionMetrics } from './detection.metrics';
import { toDetectionEvent, type DetectionEvent } from './engine/detection-event';
import { evaluateEvents, RuleFailure, type EffectiveRule, type Finding } from './engine/evaluate';
import type { PlayerState } from './engine/player-state';
import { PlayerRiskService } from './risk/player-risk.service';
import { RuleSettingsService } from './settings/rule-settings.service';
import { CrossPlayerFactsLoader } from './state/cross-player-facts.loader';
import { DetectionStateRepository } from './state/detection-state.repository';
import { PlayerTotalsRepository } from './state/player-totals.repository';
import { SecondLooksRepository } from './state/second-looks.repository';

type RulesOf = (teamId: number) => readonly EffectiveRule[];

/**
 * The detection step: the team's rules over every event of both streams, in the worker's
 * transaction. Loads the batch's players' states and the cross-player facts once, evaluates
 * the events in order, then writes the new states, the alerts (or shadow hits) and the risk
 * scores of the players whose alerts changed: all commit with the events' move to PROCESSED.
 *
 * Events that read other players' data (shared identifiers, opposing bets) get a second look
 * once their batch committed (`settle`): two players processed at once by two loops never see
 * each other's rows in their own transactions, but the later of the two second looks sees both.
 */
@Injectable()
export class DetectionStep implements ProcessingStep {
  readonly name = 'detection';
  private readonly logger = new Logger('Detection');

  constructor(
    private readonly players: PlayersService,
    private readonly settings: RuleSettingsService,
    private readonly states: DetectionStateRepository,
    private readonly facts: CrossPlayerFactsLoader,
    private readonly recorder: AlertRecorder,
    private readonly risk: PlayerRiskService,
    private readonly totals: PlayerTotalsRepository,
    private readonly secondLooks: SecondLooksRepository,
    private readonly metrics: DetectionMetrics,
  ) {}

  async process(session: SqlSession, batch: readonly ProcessingEvent[]): Promise<void> {
    const { events, rulesOf } = await this.detecting(session, batch);
    if (events.length === 0) return;
    const idOf = await this.players.idsOf(
      session,
      events
        .filter((e) => e.stream === 'monitor')
        .map((e) => ({ teamId: e.teamId, externalId: e.playerExternalId })),
    );
    const detected = events.map((e) =>
      toDetectionEvent(e, e.stream === 'monitor' ? idOf(e.playerExternalId, e.teamId) : e.playerId),
    );
    const states = await this.states.load(session, playerIdsOf(detected));
    const facts = await this.facts.load(session, detected, states, rulesOf);
    const findings = this.evaluate(detected, states, rulesOf, facts, true);
    const now = MicroTime.now().toDatabaseText();
    await this.states.save(session, statesOf(detected, states), now);
    await this.totals.add(session, detected);
    await this.secondLooks.add(
      session,
      detected.filter((e) =>
        crossPlayerRules(rulesOf(e.teamId)).some((r) => r.rule.crossPlayer!(e)),
      ),
      now,
    );
    await this.record(session, findings, rulesOf, states);
  }

  /** The second look at the events of these partitions whose batches committed. */
  async settle(session: SqlSession, partitions: readonly number[]): Promise<void> {
    const { ids, events } = await this.secondLooks.waiting(session, partitions);
    if (ids.length === 0) return;
    const rules = await this.settings.effectiveRules(session, [
      ...new Set(events.map((e) => e.teamId)),
    ]);
    const rulesOf: RulesOf = (teamId) => crossPlayerRules(rules.get(teamId) ?? []);
    const states = await this.states.load(session, playerIdsOf(events));
    const facts = await this.facts.load(session, events, states, rulesOf, false);
    const findings: Finding[] = [];
    for (const event of events) {
      // A rule that throws here loses its second look at this event only: the event is processed.
      try {
        findings.push(...this.evaluate([event], states, rulesOf, facts, false));
      } catch (error) {
        if (!(error instanceof RuleFailure)) throw error;
        this.logger.error(`Second look skipped: ${error.message}`);
      }
    }
    if (findings.length > 0) {
      await this.states.save(session, statesOf(events, states), MicroTime.now().toDatabaseText());
      await this.record(session, findings, (teamId) => rules.get(teamId) ?? [], states);
    }
    await this.secondLooks.remove(session, ids);
  }

  /** The batch's events of teams with a rule that is not off, and each team's rules. */
  private async detecting(session: SqlSession, batch: readonly ProcessingEvent[]) {
    const teamIds = [...new Set(batch.map((e) => e.teamId))];
    const rules = await this.settings.effectiveRules(session, teamIds);
    const rulesOf: RulesOf = (teamId) => rules.get(teamId) ?? [];
    // A team with every rule off has no detection at all: no state, no sightings, no counters.
    const on = new Set(teamIds.filter((id) => rulesOf(id).some((rule) => rule.mode !== 'off')));
    return { events: batch.filter((e) => on.has(e.teamId)), rulesOf };
  }

  private evaluate(
    events: readonly DetectionEvent[],
    states: Map<number, PlayerState>,
    rulesOf: RulesOf,
    facts: Awaited<ReturnType<CrossPlayerFactsLoader['load']>>,
    fold: boolean,
  ): Finding[] {
    const ruleSeconds = new Map<string, number>();
    try {
      return evaluateEvents(events, states, rulesOf, facts, ruleSeconds, fold);
    } catch (error) {
      if (error instanceof RuleFailure) this.metrics.countFailure(error.ruleCode);
      throw error;
    } finally {
      this.metrics.observeRuleTimes(ruleSeconds);
    }
  }

  /** Alerts or shadow hits, then the risk of the players whose alerts changed. */
  private async record(
    session: SqlSession,
    findings: readonly Finding[],
    rulesOf: RulesOf,
    states: ReadonlyMap<number, PlayerState>,
  ): Promise<void> {
    const recorded = await this.recorder.record(session, findings);
    const touched = new Map<number, Set<number>>();
    for (const { teamId, playerId } of recorded.players) {
      touched.set(teamId, (touched.get(teamId) ?? new Set()).add(playerId));
    }
    for (const [teamId, playerIds] of touched) {
      const sorted = [...playerIds].sort((a, b) => a - b);
      await this.risk.refresh(session, teamId, sorted, rulesOf(teamId), states);
    }
    this.metrics.countFindings(findings);
    this.metrics.countAlerts(recorded.created.length, recorded.joined.length);
  }
}

const crossPlayerRules = (rules: readonly EffectiveRule[]) =>
  rules.filter((r) => r.rule.crossPlayer && r.mode !== 'off');

const playerIdsOf = (events: readonly DetectionEvent[]) => [
  ...new Set(events.map((e) => e.playerId)),
];

/** The states of the events' players, in player order (one lock order for every writer). */
function statesOf(events: readonly DetectionEvent[], states: ReadonlyMap<number, PlayerState>) {
  const players = new Map(events.map((e) => [e.playerId, e.teamId]));
  return [...players]
    .sort(([a], [b]) => a - b)
    .filter(([playerId]) => states.has(playerId))
    .map(([playerId, teamId]) => ({ playerId, teamId, state: states.get(playerId)! }));
}
