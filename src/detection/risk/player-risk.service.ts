import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { IDENTIFIER_KINDS } from '../engine/detection-event';
import type { EffectiveRule } from '../engine/evaluate';
import type { PlayerState } from '../engine/player-state';
import { quieterOf, type RuleMode } from '../engine/rule-settings';
import { RuleSettingsService } from '../settings/rule-settings.service';
import { DetectionStateRepository } from '../state/detection-state.repository';
import { IdentifiersRepository, type Identifier } from '../state/identifiers.repository';
import { PlayerRiskRepository } from './player-risk.repository';
import { RISK_WINDOW, recentWithdrawalsOf, riskScore, type RiskScore } from './risk-score';

/** Players rescored a transaction when their links change: a big shared identifier is cut up. */
const RESCORED_PER_TRANSACTION = 500;

/** The identifier kinds SHARED_IDENTIFIER alerts on for the team: only those link players. */
export function linkingKinds(rule: EffectiveRule | undefined): string[] {
  if (!rule) return [];
  const modes = rule.parameters.modes as Record<string, RuleMode>;
  return IDENTIFIER_KINDS.filter((kind) => quieterOf(rule.mode, modes[kind] ?? 'on') === 'on');
}

/**
 * Players' risk scores: computed from their alerts, links and KYC (risk-score.ts), stored when
 * any of these change and as they decay, and computed afresh for `GET /players/:id`.
 */
@Injectable()
export class PlayerRiskService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly risks: PlayerRiskRepository,
    private readonly states: DetectionStateRepository,
    private readonly settings: RuleSettingsService,
    private readonly identifiers: IdentifiersRepository,
  ) {}

  /** Recomputes and stores the scores of a team's players, in the caller's transaction. */
  async refresh(
    session: SqlSession,
    teamId: number,
    playerIds: readonly number[],
    rules: readonly EffectiveRule[],
    knownStates?: ReadonlyMap<number, PlayerState>,
  ): Promise<void> {
    if (playerIds.length === 0) return;
    const now = MicroTime.now();
    const scores = await this.compute(session, teamId, playerIds, rules, now.micros, knownStates);
    await this.risks.save(
      session,
      playerIds.map((playerId) => ({
        playerId,
        teamId,
        ...scores.get(playerId)!,
        computedAt: now.toDatabaseText(),
      })),
    );
  }

  /** The player's score now, not stored. */
  async current(teamId: number, playerId: number): Promise<RiskScore> {
    const rules = await this.settings.rulesOf(teamId);
    const now = MicroTime.now().micros;
    return this.database.transaction(async (session) =>
      (await this.compute(session, teamId, [playerId], rules, now)).get(playerId)!,
    );
  }

  /**
   * Recomputes and stores the scores of the players of these identifiers (of the kinds that link
   * players), when more than one player used one: their links changed (a player joined it, or it
   * was allowlisted). A few hundred players a transaction, each first waiting for the batches
   * writing those players to commit (their states' shared lock), so that a score read before a
   * batch's new alert never overwrites the one the batch stores. Returns how many it stored.
   */
  async refreshPlayersOf(teamId: number, identifiers: readonly Identifier[]): Promise<number> {
    const rules = await this.settings.rulesOf(teamId);
    const kinds = linkingKinds(
      rules.find((r) => r.rule.code === 'SHARED_IDENTIFIER' && r.mode !== 'off'),
    );
    const linking = identifiers.filter((i) => kinds.includes(i.kind));
    if (linking.length === 0) return 0;
    const since = MicroTime.fromMicros(MicroTime.now().micros - RISK_WINDOW).toDatabaseText();
    const byIdentifier = await this.identifiers.playerIdsOf(this.database, teamId, linking, since);
    const players = new Set<number>();
    for (const ids of byIdentifier.values()) {
      if (ids.length > 1) for (const id of ids) players.add(id);
    }
    const sorted = [...players].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i += RESCORED_PER_TRANSACTION) {
      const chunk = sorted.slice(i, i + RESCORED_PER_TRANSACTION);
      await this.database.transaction(async (session) => {
        await this.states.lockShared(session, chunk);
        await this.refresh(session, teamId, chunk, rules);
      });
    }
    return sorted.length;
  }

  /** Scores computed more than `olderThanMs` ago that may have decayed since: recomputed. */
  async refreshStale(olderThanMs: number, limit: number): Promise<number> {
    const before = MicroTime.fromMicros(MicroTime.now().micros - olderThanMs * 1000);
    const stale = await this.risks.stale(before.toDatabaseText(), limit);
    const byTeam = new Map<number, number[]>();
    for (const { teamId, playerId } of stale)
      byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), playerId]);
    for (const [teamId, players] of byTeam) {
      const rules = await this.settings.rulesOf(teamId);
      await this.database.transaction((session) => this.refresh(session, teamId, players, rules));
    }
    return stale.length;
  }

  private async compute(
    session: SqlSession,
    teamId: number,
    playerIds: readonly number[],
    rules: readonly EffectiveRule[],
    now: number,
    knownStates?: ReadonlyMap<number, PlayerState>,
  ): Promise<Map<number, RiskScore>> {
    const missing = playerIds.filter((id) => !knownStates?.has(id));
    const loaded = await this.states.load(session, missing, 'read');
    const alerts = await this.risks.alertsOf(session, teamId, playerIds);
    const linked = await this.risks.linkedCounts(
      session,
      teamId,
      playerIds,
      linkingKinds(rules.find((r) => r.rule.code === 'SHARED_IDENTIFIER' && r.mode !== 'off')),
      MicroTime.fromMicros(now - RISK_WINDOW).toDatabaseText(),
    );
    const scores = new Map<number, RiskScore>();
    for (const playerId of playerIds) {
      const state = knownStates?.get(playerId) ?? loaded.get(playerId);
      scores.set(
        playerId,
        riskScore({
          alerts: alerts.get(playerId) ?? [],
          linkedPlayers: linked.get(playerId) ?? 0,
          kycLevel: state?.kycLevel ?? null,
          recentWithdrawals: recentWithdrawalsOf(state, now),
          now,
        }),
      );
    }
    return scores;
  }
}
