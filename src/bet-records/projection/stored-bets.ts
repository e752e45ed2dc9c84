import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import type { StoredBetFacts } from './bet-fold';
import type { BetSettlement } from './bet-record-kind';
import { refsByTeam } from './bet-ref';

type Num = number | string;

/**
 * What the projection needs of a team's stored bets of these references, locked until the
 * transaction ends: `table` keyed by `refColumn` within the team (and `scope`, e.g. a source).
 */
export async function lockStoredBets(
  session: SqlSession,
  where: { table: string; refColumn: string; scope?: { sql: string; params: readonly unknown[] } },
  teamId: number,
  betRefs: readonly string[],
): Promise<({ betRef: string } & StoredBetFacts)[]> {
  const scope = where.scope ? ` AND ${where.scope.sql}` : '';
  const rows = await session.select<{
    ref: string;
    player_id: Num;
    brand_id: Num | null;
    provider_id: Num | null;
    status: Num;
    settled_at: string | null;
  }>(
    `SELECT ${where.refColumn} AS ref, player_id, brand_id, provider_id, status, ${session.dialect.timestampText('settled_at')} AS settled_at ` +
      `FROM ${where.table} WHERE team_id = ?${scope} AND ${where.refColumn} IN (${placeholders(betRefs.length)}) ` +
      session.dialect.forUpdate,
    [requireTeamId(teamId), ...(where.scope?.params ?? []), ...betRefs],
  );
  return rows.map((row) => ({
    betRef: row.ref,
    playerId: Number(row.player_id),
    brandId: row.brand_id === null ? null : Number(row.brand_id),
    providerId: row.provider_id === null ? null : Number(row.provider_id),
    status: Number(row.status),
    settledAt: row.settled_at,
  }));
}

/** Settlements by team, in chunks of at most `size` (one keyed UPDATE each). */
export function* settlementChunks(
  settlements: readonly BetSettlement[],
  size: number,
): Generator<{ teamId: number; chunk: BetSettlement[] }> {
  for (const { teamId, betRefs } of refsByTeam(settlements.map((s) => s.ref))) {
    const ofTeam = new Map(
      settlements.filter((s) => s.ref.teamId === teamId).map((s) => [s.ref.betRef, s]),
    );
    for (let start = 0; start < betRefs.length; start += size) {
      yield { teamId, chunk: betRefs.slice(start, start + size).map((ref) => ofTeam.get(ref)!) };
    }
  }
}
