import type { DetectionEvent } from '../engine/detection-event';
import type { EffectiveRule } from '../engine/evaluate';
import type { PlayerState } from '../engine/player-state';
import type { LoadedFacts } from '../state/cross-player-facts.loader';
import type { Identifier } from '../state/identifiers.repository';
import { linkingKinds } from './player-risk.service';
import { isLowKyc, RISK_WINDOW } from './risk-score';

/** What of a batch changes risk scores without an alert (risk-score.ts's other factors). */
export interface RiskChanges {
  /** The batch's players to rescore in its transaction, by team. */
  players: Map<number, Set<number>>;
  /** Identifiers that gained a player: their other players are rescored after the commit. */
  links: Map<number, Identifier[]>;
}

/** Whether withdrawals at a KYC level below 2 add to the player's score now. */
export function withdrawsAtLowKyc(state: PlayerState | undefined, now: number): boolean {
  if (state === undefined || !isLowKyc(state.kycLevel)) return false;
  // The state keeps its withdrawals in time order: the latest says whether any is recent.
  const latest = state.withdrawals.at(-1);
  return latest !== undefined && latest.at >= now - RISK_WINDOW;
}

/**
 * The players whose score the batch changed besides their alerts: those whose low-KYC factor
 * came or went, or who withdrew again under it (its count is shown), and those the batch recorded
 * on an identifier of a linking kind that another player used too (a link, for them and the
 * others). `lowKycBefore`: `withdrawsAtLowKyc` of each player before the batch.
 */
export function riskChangesOf(
  events: readonly DetectionEvent[],
  states: ReadonlyMap<number, PlayerState>,
  lowKycBefore: ReadonlyMap<number, boolean>,
  facts: LoadedFacts,
  rulesOf: (teamId: number) => readonly EffectiveRule[],
  now: number,
): RiskChanges {
  const changes: RiskChanges = { players: new Map(), links: new Map() };
  const rescore = (teamId: number, playerId: number) =>
    changes.players.set(teamId, (changes.players.get(teamId) ?? new Set()).add(playerId));
  const recorded = new Set(facts.recorded.map((r) => `${r.playerId}|${r.key}`));
  const kindsByTeam = new Map<number, string[]>();
  const linkedKeys = new Set<string>();
  const teamOf = new Map(events.map((e) => [e.playerId, e.teamId]));
  const withdrew = new Set(events.filter((e) => e.type === 'WITHDRAWAL').map((e) => e.playerId));
  for (const [playerId, teamId] of teamOf) {
    const lowKyc = withdrawsAtLowKyc(states.get(playerId), now);
    if (lowKyc !== (lowKycBefore.get(playerId) ?? false) || (lowKyc && withdrew.has(playerId))) {
      rescore(teamId, playerId);
    }
  }
  for (const event of events) {
    let kinds = kindsByTeam.get(event.teamId);
    if (!kinds) {
      const rule = rulesOf(event.teamId).find(
        (r) => r.rule.code === 'SHARED_IDENTIFIER' && r.mode !== 'off',
      );
      kinds = linkingKinds(rule);
      kindsByTeam.set(event.teamId, kinds);
    }
    for (const { kind, value } of event.identifiers) {
      if (!kinds.includes(kind) || !recorded.has(`${event.playerId}|${kind}|${value}`)) continue;
      const shared = facts.sharing(event.teamId, kind, value);
      if (!shared || shared.allowlisted || shared.players < 2) continue;
      rescore(event.teamId, event.playerId);
      const key = `${event.teamId}|${kind}|${value}`;
      if (linkedKeys.has(key)) continue;
      linkedKeys.add(key);
      changes.links.set(event.teamId, [
        ...(changes.links.get(event.teamId) ?? []),
        { kind, value },
      ]);
    }
  }
  return changes;
}
