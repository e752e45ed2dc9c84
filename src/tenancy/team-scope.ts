/**
 * Guards every team-scoped query: a missing team id must never turn into an unscoped query.
 */
export function requireTeamId(teamId: number): number {
  if (!Number.isSafeInteger(teamId) || teamId <= 0) {
    throw new Error(`A team-scoped query needs a team id, got ${String(teamId)}`);
  }
  return teamId;
}
