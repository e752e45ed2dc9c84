/**
 * Whose records a key sees: its team's, and only its brand's when the key is limited to one
 * brand (a brand's key never reads another brand's bets).
 */
export interface RecordScope {
  teamId: number;
  brandId: number | null;
}

/** The brand filter a list runs with; `false` when the asked brand is out of the key's scope. */
export function brandFilterOf(
  scope: RecordScope,
  asked: number | undefined,
): number | undefined | false {
  if (scope.brandId === null) return asked;
  return asked === undefined || asked === scope.brandId ? scope.brandId : false;
}

export const isInScope = (scope: RecordScope, brandId: number | null): boolean =>
  scope.brandId === null || Number(brandId) === scope.brandId;
