import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { requireTeamId, scopeCondition, type TenantScope } from '../../tenancy/tenant-scope';
import { partitionOf } from '../../processing/queue/partition';
import type { RecordFilters } from '../dto/record-list.query';

export type RecordKind = 'bet' | 'sports';

/** Where one record counts: its brand, provider (0 for none) and status. */
export interface CountKey {
  teamId: number;
  kind: RecordKind;
  brandId: number | null;
  providerId: number | null;
  status: number;
}

/**
 * `bet_record_counts`: the number of records per team, kind, brand, provider and status, kept
 * exact by the projections (in their transactions), so that a list's `total` without a player
 * filter is a sum over a handful of rows instead of a count over millions.
 */
@Injectable()
export class BetRecordCountsRepository {
  constructor(private readonly database: SqlDatabase) {}

  /**
   * Adds each delta to its row of the deltas' shard (creating it), in one statement and in one
   * order for every writer: no crosswise locks where two writers share a shard.
   */
  async apply(session: SqlSession, deltas: CountDeltas): Promise<void> {
    const entries = [...deltas.byKey.entries()]
      .filter(([, { delta }]) => delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return;
    const sql = session.dialect.upsert(
      'bet_record_counts',
      ['team_id', 'kind', 'brand_id', 'provider_id', 'status', 'shard', 'total'],
      entries.length,
      ['team_id', 'kind', 'brand_id', 'provider_id', 'status', 'shard'],
      { total: (old, offered) => `${old('total')} + ${offered('total')}` },
    );
    await session.execute(
      sql,
      entries.flatMap(([, { key, delta }]) => [
        requireTeamId(key.teamId),
        key.kind,
        key.brandId ?? 0,
        key.providerId ?? 0,
        key.status,
        deltas.shard,
        delta,
      ]),
    );
  }

  /**
   * The number of the scope's records of this kind matching the filters (no player filter). A
   * brand's key counts its brand's row only (records without a brand count under brand 0).
   */
  async total(scope: TenantScope, kind: RecordKind, filters: RecordFilters): Promise<number> {
    const inScope = scopeCondition(scope);
    const where = [inScope.sql, 'kind = ?'];
    const params: unknown[] = [...inScope.params, kind];
    if (filters.brandId !== undefined) {
      where.push('brand_id = ?');
      params.push(filters.brandId);
    }
    if (filters.providerId !== undefined) {
      where.push('provider_id = ?');
      params.push(filters.providerId);
    }
    if (filters.status !== undefined) {
      where.push('status = ?');
      params.push(filters.status);
    }
    const [row] = await this.database.select<{ total: string | number | null }>(
      `SELECT SUM(total) AS total FROM bet_record_counts WHERE ${where.join(' AND ')}`,
      params,
    );
    return Number(row?.total ?? 0);
  }
}

/**
 * Collects count deltas of one transaction, by key, for the rows of one shard: the partition of
 * one of the transaction's players. A worker's batch holds its partitions alone, so no other loop
 * or instance adds to its rows meanwhile; an AML API request takes its bettor's, which only
 * requests for the players of that partition share. (Any shard keeps the sums exact.)
 */
export class CountDeltas {
  readonly byKey = new Map<string, { key: CountKey; delta: number }>();
  readonly shard: number;

  constructor(teamId: number, playerKey: string) {
    this.shard = partitionOf(teamId, playerKey);
  }

  add(key: CountKey, delta: number): void {
    const id = [key.teamId, key.kind, key.brandId ?? 0, key.providerId ?? 0, key.status]
      .map((part) => String(part).padStart(12, '0'))
      .join('/');
    const entry = this.byKey.get(id) ?? { key, delta: 0 };
    entry.delta += delta;
    this.byKey.set(id, entry);
  }

  /** A record moved from one status to another (same team, brand, provider). */
  move(key: CountKey, toStatus: number): void {
    if (key.status === toStatus) return;
    this.add(key, -1);
    this.add({ ...key, status: toStatus }, 1);
  }
}
