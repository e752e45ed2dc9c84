/**
 * Whose data a request may read or change: a team, narrowed to one of its brands when the API key
 * is limited to one. Every repository method that reads or changes a team's data for a caller
 * takes one first and builds its WHERE clause from it (`scopeCondition`), so that a route cannot
 * forget the brand: a brand's key sees only the rows of its brand, not even those a team-wide key
 * wrote without a brand. A team-wide key (`brandId` null) sees every brand of its team.
 */
export interface TenantScope {
  readonly teamId: number;
  /** The one brand the key is limited to; null for a team-wide key. */
  readonly brandId: number | null;
}

/**
 * Guards every team-scoped query: a missing team id must never turn into an unscoped query.
 */
export function requireTeamId(teamId: number): number {
  if (!Number.isSafeInteger(teamId) || teamId <= 0) {
    throw new Error(`A team-scoped query needs a team id, got ${String(teamId)}`);
  }
  return teamId;
}

/**
 * Guards every scoped query: a team id, and a brand that is either a brand id or explicitly null
 * (an `undefined` brand is a caller that forgot it, not a team-wide key).
 */
export function requireScope(scope: TenantScope): TenantScope {
  if (typeof scope !== 'object' || scope === null) {
    throw new Error(`A scoped query needs a tenant scope, got ${String(scope)}`);
  }
  requireTeamId(scope.teamId);
  const { brandId } = scope;
  if (brandId !== null && !(Number.isSafeInteger(brandId) && brandId > 0)) {
    throw new Error(`A scoped query needs a brand id or null, got ${String(brandId)}`);
  }
  return scope;
}

/**
 * The condition that keeps a query within the scope, on a table with `team_id` and `brand_id`
 * columns (optionally aliased): `team_id = ?`, and `AND brand_id = ?` for a brand's key.
 */
export function scopeCondition(
  scope: TenantScope,
  alias?: string,
): { sql: string; params: number[] } {
  const { teamId, brandId } = requireScope(scope);
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return brandId === null
    ? { sql: `${column('team_id')} = ?`, params: [teamId] }
    : { sql: `${column('team_id')} = ? AND ${column('brand_id')} = ?`, params: [teamId, brandId] };
}

/**
 * Whether a row of the scope's team (read team-wide, for a write that must decide) is the
 * scope's to change: any row for a team-wide key, only its brand's rows for a brand's key.
 */
export function ownsRow(scope: TenantScope, rowBrandId: number | string | null): boolean {
  const { brandId } = requireScope(scope);
  return brandId === null || (rowBrandId !== null && Number(rowBrandId) === brandId);
}
