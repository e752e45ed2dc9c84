import { Injectable } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import { PlayersService } from '../players/players.service';
import type { ProcessingEvent } from '../processing/processing-event';
import type { ProcessingStep } from '../processing/processing-step';
import { AlertRecorder } from './alerts/alert-recorder';
import { DetectionMetrics } from './detection.metrics';
import { toDetectionEvent } from './engine/detection-event';
import { evaluateEvents, RuleFailure } from './engine/evaluate';
import { PlayerRiskService } from './risk/player-risk.service';
import { RuleSettingsService } from './settings/rule-settings.service';
import { CrossPlayerFactsLoader } from './state/cross-player-facts.loader';
import { DetectionStateRepository } from './state/detection-state.repository';
import { PlayerTotalsRepository } from './state/player-totals.repository';

/**
 * The detection step: the team's rules over every event of both streams, in the worker's
 * transaction. Loads the batch's players' states and the cross-player facts once, evaluates
 * the events in order, then writes the new states, the alerts (or shadow hits) and the risk
 * scores of the players whose alerts changed: all commit with the events' move to PROCESSED.
 */
@Injectable()
export class DetectionStep implements ProcessingStep {
  readonly name = 'detection';

  constructor(
    private readonly players: PlayersService,
    private readonly settings: RuleSettingsService,
    private readonly states: DetectionStateRepository,
    private readonly facts: CrossPlayerFactsLoader,
    private readonly recorder: AlertRecorder,
    private readonly risk: PlayerRiskService,
    private readonly totals: PlayerTotalsRepository,
    private readonly metrics: DetectionMetrics,
  ) {}

  async process(session: SqlSession, batch: readonly ProcessingEvent[]): Promise<void> {
    let events = batch;
    if (events.length === 0) return;
    const teamIds = [...new Set(events.map((e) => e.teamId))];
    const rules = await this.settings.effectiveRules(session, teamIds);
    const rulesOf = (teamId: number) => rules.get(teamId) ?? [];
    // A team with every rule off has no detection at all: no state, no sightings, no counters.
    const detecting = new Set(
      teamIds.filter((teamId) => rulesOf(teamId).some((rule) => rule.mode !== 'off')),
    );
    if (detecting.size < teamIds.length) {
      events = events.filter((e) => detecting.has(e.teamId));
      if (events.length === 0) return;
    }
    const idOf = await this.players.idsOf(
      session,
      events
        .filter((e) => e.stream === 'monitor')
        .map((e) => ({ teamId: e.teamId, externalId: e.playerExternalId })),
    );
    const detected = events.map((e) =>
      toDetectionEvent(e, e.stream === 'monitor' ? idOf(e.playerExternalId, e.teamId) : e.playerId),
    );
    const players = new Map(detected.map((e) => [e.playerId, e.teamId]));
    const states = await this.states.load(session, [...players.keys()]);
    const facts = await this.facts.load(session, detected, states, rulesOf);
    const ruleSeconds = new Map<string, number>();
    let findings;
    try {
      findings = evaluateEvents(detected, states, rulesOf, facts, ruleSeconds);
    } catch (error) {
      if (error instanceof RuleFailure) this.metrics.countFailure(error.ruleCode);
      throw error;
    }
    const now = MicroTime.now().toDatabaseText();
    await this.states.save(
      session,
      [...players]
        .sort(([a], [b]) => a - b)
        .map(([playerId, teamId]) => ({ playerId, teamId, state: states.get(playerId)! })),
      now,
    );
    await this.totals.add(session, detected);
    const recorded = await this.recorder.record(session, findings);
    const touched = new Map<number, Set<number>>();
    for (const { teamId, playerId } of recorded.players) {
      touched.set(teamId, (touched.get(teamId) ?? new Set()).add(playerId));
    }
    for (const [teamId, playerIds] of touched) {
      await this.risk.refresh(
        session,
        teamId,
        [...playerIds].sort((a, b) => a - b),
        rulesOf(teamId),
        states,
      );
    }
    this.metrics.observeRuleTimes(ruleSeconds);
    this.metrics.countFindings(findings);
    this.metrics.countAlerts(recorded.created.length, recorded.joined.length);
  }
}
