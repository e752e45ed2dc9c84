import { Injectable, Logger } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import { PlayersService } from '../players/players.service';
import type { ProcessingEvent } from '../processing/processing-event';
import type { ProcessingStep, StoredEvents } from '../processing/processing-step';
import { partitionOf } from '../processing/queue/partition';
import { AlertRecorder } from './alerts/alert-recorder';
import { DetectionMetrics } from './detection.metrics';
import {
  toDetectionEvent,
  type DetectionEvent,
  type IdentifierKind,
} from './engine/detection-event';
import { evaluateEvents, RuleFailure, type EffectiveRule, type Finding } from './engine/evaluate';
import type { PlayerState } from './engine/player-state';
import { PlayerRiskService } from './risk/player-risk.service';
import { RiskRefresher } from './risk/risk-refresher';
import { riskChangesOf, withdrawsAtLowKyc } from './risk/risk-triggers';
import { RuleSettingsService } from './settings/rule-settings.service';
import { CrossPlayerFactsLoader } from './state/cross-player-facts.loader';
import { DetectionStateRepository } from './state/detection-state.repository';
import { PlayerTotalsRepository } from './state/player-totals.repository';
import {
  SecondLooksRepository,
  secondLookAt,
  type SecondLook,
} from './state/second-looks.repository';
import type { CrossPlayerFacts } from './engine/rule';

type RulesOf = (teamId: number) => readonly EffectiveRule[];

/**
 * The detection step: the team's rules over every event of both streams, in the worker's
 * transaction. Loads the batch's players' states and the cross-player facts once, evaluates
 * the events in order, then writes the new states, the alerts (or shadow hits) and the risk
 * scores of the players whose alerts, links or low-KYC withdrawals changed: all commit with the
 * events' move to PROCESSED. Other players linked by the batch are rescored after the commit.
 * Every event's money also goes to its player's hourly counters, whatever the team's rules.
 *
 * Events that read other players' data (shared identifiers, opposing bets) get a second look
 * once their batch committed (`settle`): two players processed at once by two loops never see
 * each other's rows in their own transactions, but the later of the two second looks sees both.
 */
@Injectable()
export class DetectionStep implements ProcessingStep {
  readonly name = 'detection';
  /**
   * Partitions whose batches, on this instance, wrote second looks (a batch rolled back leaves
   * one here for nothing: its second look finds no row). A crashed instance's are found by the
   * loop that takes its partitions over.
   */
  private readonly looksDue = new Set<number>();
  private readonly logger = new Logger('Detection');

  constructor(
    private readonly settings: RuleSettingsService,
    private readonly states: DetectionStateRepository,
    private readonly facts: CrossPlayerFactsLoader,
    private readonly recorder: AlertRecorder,
    private readonly risk: PlayerRiskService,
    private readonly totals: PlayerTotalsRepository,
    private readonly secondLooks: SecondLooksRepository,
    private readonly metrics: DetectionMetrics,
    private readonly players: PlayersService,
    private readonly refresher: RiskRefresher,
  ) {}

  async process(session: SqlSession, batch: readonly ProcessingEvent[]): Promise<void> {
    const { events, unwatched, rulesOf } = await this.detecting(session, batch);
    // The players' counters are not a rule's: they count with every rule off too.
    const countedOnly = await this.withPlayerIds(session, unwatched);
    if (events.length === 0) {
      await this.totals.add(session, countedOnly);
      return;
    }
    const { detected, states } = await this.playersOf(session, events);
    const now = MicroTime.now();
    const lowKycBefore = new Map(
      [...states].map(([id, state]) => [id, withdrawsAtLowKyc(state, now.micros)]),
    );
    const facts = await this.facts.load(session, detected, states, rulesOf);
    const findings = this.evaluate(detected, states, rulesOf, facts, true);
    for (const { playerId, key, at } of facts.recorded) {
      const state = states.get(playerId)!;
      state.recordedSightings[key] = Math.max(state.recordedSightings[key] ?? 0, at);
    }
    await this.states.save(session, statesOf(detected, states), now.toDatabaseText());
    await this.totals.add(session, [...detected, ...countedOnly]);
    const looks = secondLooksOf(detected, rulesOf, facts);
    await this.secondLooks.add(session, looks, now.toDatabaseText());
    for (const look of looks) this.looksDue.add(partitionOf(look.teamId, look.playerExternalId));
    const changes = riskChangesOf(detected, states, lowKycBefore, facts, rulesOf, now.micros);
    await this.record(session, findings, rulesOf, states, changes.players);
    session.afterCommit(() => {
      for (const [teamId, identifiers] of changes.links)
        this.refresher.linksChanged(teamId, identifiers);
    });
  }

  /** Whether this instance's batches wrote second looks on any of these partitions. */
  settleDue(partitions: readonly number[]): boolean {
    return partitions.some((partition) => this.looksDue.has(partition));
  }

  /** The second look at the events of these partitions, whose batches committed. */
  async settle(
    session: SqlSession,
    partitions: readonly number[],
    stored: StoredEvents,
  ): Promise<void> {
    for (const partition of partitions) this.looksDue.delete(partition);
    const { ids, looks } = await this.secondLooks.waiting(session, partitions);
    if (ids.length === 0) return;
    const rules = await this.settings.effectiveRules(session, [
      ...new Set(looks.map((look) => look.teamId)),
    ]);
    const rulesOf: RulesOf = (teamId) => crossPlayerRules(rules.get(teamId) ?? []);
    // Only what a concurrent batch may have changed is looked at again: an identifier with more
    // players now than its batch counted, or an opposing bet (single bets are few).
    const counts = await this.facts.countShares(session, looks.map(countedIn), rulesOf);
    const due = looks.filter(
      (look) =>
        look.stream === 'aml' ||
        Object.entries(look.shares).some(
          ([key, seen]) => (counts.get(`${look.teamId}|${key}`) ?? 0) > seen,
        ),
    );
    // Players who joined an identifier at once, in batches of two loops, saw it alone: linked.
    const linked = new Map<number, { kind: string; value: string }[]>();
    for (const look of looks) {
      for (const identifier of countedIn(look).identifiers) {
        const key = `${identifier.kind}|${identifier.value}`;
        const players = counts.get(`${look.teamId}|${key}`) ?? 0;
        if (players < 2 || players <= look.shares[key]) continue;
        linked.set(look.teamId, [...(linked.get(look.teamId) ?? []), identifier]);
      }
    }
    session.afterCommit(() => {
      for (const [teamId, identifiers] of linked) this.refresher.linksChanged(teamId, identifiers);
    });
    const events = await eventsOf(session, due, stored);
    if (events.length === 0) {
      await this.secondLooks.remove(session, ids);
      return;
    }
    // Read only: a second look's rules change copies of the states (evaluate, `fold` false).
    const states = await this.states.load(session, playerIdsOf(events), 'read');
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

  /**
   * The events as the rules see them, and their players' states: monitor players by external id
   * (with their ids, in the same read), AML bettors by the id their event carries.
   */
  private async playersOf(session: SqlSession, events: readonly ProcessingEvent[]) {
    const ids = new Map<string, number>();
    const states = new Map<number, PlayerState>();
    const byTeam = new Map<number, Set<string>>();
    for (const e of events) {
      if (e.stream === 'monitor') {
        byTeam.set(e.teamId, (byTeam.get(e.teamId) ?? new Set()).add(e.playerExternalId));
      }
    }
    for (const [teamId, externalIds] of byTeam) {
      const found = await this.states.loadByExternalIds(
        session,
        teamId,
        [...externalIds],
        'update',
      );
      for (const [externalId, id] of found.ids) ids.set(`${teamId}|${externalId}`, id);
      for (const [id, state] of found.states) states.set(id, state);
    }
    const bettors = [...new Set(events.flatMap((e) => (e.stream === 'aml' ? [e.playerId] : [])))];
    for (const [id, state] of await this.states.load(session, bettors, 'update')) {
      states.set(id, state);
    }
    const detected = events.map((e) => {
      if (e.stream === 'aml') return toDetectionEvent(e, e.playerId);
      const id = ids.get(`${e.teamId}|${e.playerExternalId}`);
      if (id === undefined)
        throw new Error(`Player ${e.playerExternalId} of team ${e.teamId} is not recorded`);
      return toDetectionEvent(e, id);
    });
    return { detected, states };
  }

  /**
   * The batch's events of teams with a rule that is not off (`events`), the others
   * (`unwatched`), and each team's rules.
   */
  private async detecting(session: SqlSession, batch: readonly ProcessingEvent[]) {
    const teamIds = [...new Set(batch.map((e) => e.teamId))];
    const rules = await this.settings.effectiveRules(session, teamIds);
    const rulesOf: RulesOf = (teamId) => rules.get(teamId) ?? [];
    // A team with every rule off has no detection at all: no state, no sightings, no hits.
    const on = new Set(teamIds.filter((id) => rulesOf(id).some((rule) => rule.mode !== 'off')));
    return {
      events: batch.filter((e) => on.has(e.teamId)),
      unwatched: batch.filter((e) => !on.has(e.teamId)),
      rulesOf,
    };
  }

  /** Events of teams with every rule off, with their players' ids: for the counters only. */
  private async withPlayerIds(
    session: SqlSession,
    events: readonly ProcessingEvent[],
  ): Promise<DetectionEvent[]> {
    if (events.length === 0) return [];
    const monitor = events.flatMap((e) =>
      e.stream === 'monitor' ? [{ teamId: e.teamId, externalId: e.playerExternalId }] : [],
    );
    const idOf = await this.players.idsOf(session, monitor);
    return events.map((e) =>
      toDetectionEvent(e, e.stream === 'aml' ? e.playerId : idOf(e.playerExternalId, e.teamId)),
    );
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

  /** Alerts or shadow hits, then the risk of the players whose alerts (or `rescored`) changed. */
  private async record(
    session: SqlSession,
    findings: readonly Finding[],
    rulesOf: RulesOf,
    states: ReadonlyMap<number, PlayerState>,
    rescored: ReadonlyMap<number, ReadonlySet<number>> = new Map(),
  ): Promise<void> {
    const recorded = await this.recorder.record(session, findings);
    const touched = new Map<number, Set<number>>(
      [...rescored].map(([teamId, players]) => [teamId, new Set(players)]),
    );
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

/** What a look counted: its team, time and identifiers (the keys of its shares). */
const countedIn = (look: SecondLook) => ({
  teamId: look.teamId,
  at: look.at,
  identifiers: Object.keys(look.shares).map((key) => {
    const bar = key.indexOf('|');
    return { kind: key.slice(0, bar) as IdentifierKind, value: key.slice(bar + 1) };
  }),
});

/** The looks' events as the rules see them: AML ones kept whole, monitor ones read again. */
async function eventsOf(
  session: SqlSession,
  looks: readonly SecondLook[],
  stored: StoredEvents,
): Promise<DetectionEvent[]> {
  const read = looks.filter((look) => !look.event).map((look) => look.id);
  const found = new Map(
    (await stored.monitorEvents(session, read)).map((event) => [String(event.id), event]),
  );
  return looks.flatMap((look) => {
    if (look.event) return [look.event];
    const event = found.get(look.id);
    return event ? [toDetectionEvent(event, look.playerId)] : [];
  });
}

/**
 * The events that get a second look, each with what its batch counted of other players: one
 * per player and set of identifiers (the latest), every AML single bet on its own.
 */
function secondLooksOf(
  events: readonly DetectionEvent[],
  rulesOf: RulesOf,
  facts: CrossPlayerFacts,
): SecondLook[] {
  const looks = new Map<string, SecondLook>();
  const alertingByTeam = new Map<number, EffectiveRule[]>();
  const alertingOf = (teamId: number) => {
    let rules = alertingByTeam.get(teamId);
    if (!rules) {
      rules = crossPlayerRules(rulesOf(teamId)).filter((r) => r.mode === 'on');
      alertingByTeam.set(teamId, rules);
    }
    return rules;
  };
  for (const event of events) {
    if (!alertingOf(event.teamId).some((r) => r.rule.crossPlayer!(event))) continue;
    // The identifiers one player short of being shared by enough players: the one missing may be
    // in a batch of another loop, committed after this one read the counts.
    const shares: Record<string, number> = {};
    for (const i of event.identifiers) {
      const shared = facts.sharing(event.teamId, i.kind, i.value);
      if (shared?.short) shares[`${i.kind}|${i.value}`] = shared.players;
    }
    if (!event.aml && Object.keys(shares).length === 0) continue;
    const key = event.aml
      ? `aml|${event.id}`
      : `${event.playerId}|${Object.keys(shares).join('|')}`;
    const known = looks.get(key);
    if (known && known.at > event.at) continue;
    looks.set(key, secondLookAt(event, shares, event.aml !== null));
  }
  return [...looks.values()];
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
