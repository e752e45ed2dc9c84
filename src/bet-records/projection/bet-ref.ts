import type { MonitorStreamEvent } from '../../events/monitor-event';

/** A team's bet by its reference: a casino round id, a sports bet ref. */
export interface BetRef {
  teamId: number;
  betRef: string;
}

/** The bet an event of a bet (its `game.bet_id`) is about. */
export const betRefOf = (event: MonitorStreamEvent): BetRef => ({
  teamId: event.teamId,
  betRef: event.game.betId as string,
});

/** A team's bet by its reference, as a map key. */
export const betKey = (teamId: number | string, betRef: string) =>
  `${Number(teamId)}\u0000${betRef}`;

/** `refs` grouped by team: each team's distinct references. */
export function refsByTeam(refs: readonly BetRef[]): { teamId: number; betRefs: string[] }[] {
  const byTeam = new Map<number, Set<string>>();
  for (const { teamId, betRef } of refs) {
    byTeam.set(teamId, (byTeam.get(teamId) ?? new Set()).add(betRef));
  }
  return [...byTeam].map(([teamId, betRefs]) => ({ teamId, betRefs: [...betRefs] }));
}
