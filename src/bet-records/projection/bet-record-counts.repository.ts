import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { requireTeamId, scopeCondition, type TenantScope } from '../../tenancy/tenant-scope';
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

  /** Adds each delta to its row (creating it), in one order for every writer: no crosswise locks. */
  async apply(session: SqlSession, deltas: ReadonlyMap<string, { key: CountKey; delta: number }>) {
    const entries = [...deltas.entries()]
      .filter(([, { delta }]) => delta !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, { key, delta }] of entries) {
      const sql = session.dialect.upsert(
        'bet_record_counts',
        ['team_id', 'kind', 'brand_id', 'provider_id', 'status', 'total'],
        1,
        ['team_id', 'kind', 'brand_id', 'provider_id', 'status'],
        { total: (old, offered) => `${old('total')} + ${offered('total')}` },
      );
      await session.execute(sql, [
        requireTeamId(key.teamId),
        key.kind,
        key.brandId ?? 0,
        key.providerId ?? 0,
        key.status,
        delta,
      ]);
    }
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

/** Collects count deltas of one transaction, by key. */
export class CountDeltas {
  readonly byKey = new Map<string, { key: CountKey; delta: number }>();

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
