import type { SqlDatabase } from '../database/sql-database';
import { scopeCondition, type TenantScope } from '../tenancy/tenant-scope';
import type { RecordFilters } from './dto/record-list.query';
import { hasSurroundingSpaces } from '../common/text/well-formed';

/**
 * The list queries both record tables share (`bets`, `sports_bets`): each has the indexes
 * (team_id, id) and (team_id, <filter>, id), so a filtered page is an index range read backwards.
 * Every query is within the caller's scope: a brand's key reads its brand's records only (its
 * `brand_id` filter for another brand finds nothing).
 */
export class RecordListQueries<Row> {
  constructor(
    private readonly database: SqlDatabase,
    private readonly table: 'bets' | 'sports_bets',
    /** The select list, for the table aliased `alias`. */
    private readonly columns: (alias: string) => string,
  ) {}

  /** A page of the scope's records matching the filters, newest first. */
  page(scope: TenantScope, filters: RecordFilters, offset: number, limit: number): Promise<Row[]> {
    const { where, params } = whereOf(scope, filters);
    // The page's ids first, from the index alone; then only those rows: a deep page skips index
    // entries, not whole rows.
    return this.database.select<Row>(
      `SELECT ${this.columns('r')} FROM ${this.table} r JOIN (SELECT id FROM ${this.table} WHERE ${where} ` +
        'ORDER BY id DESC LIMIT ? OFFSET ?) page ON page.id = r.id ORDER BY r.id DESC',
      [...params, limit, offset],
    );
  }

  /** How many of the scope's records match the filters, counted (used for player filters). */
  async count(scope: TenantScope, filters: RecordFilters): Promise<number> {
    const { where, params } = whereOf(scope, filters);
    const [row] = await this.database.select<{ total: string | number }>(
      `SELECT COUNT(*) AS total FROM ${this.table} WHERE ${where}`,
      params,
    );
    return Number(row.total);
  }

  async find(scope: TenantScope, id: string): Promise<Row | null> {
    if (hasSurroundingSpaces(id)) return null;
    const inScope = scopeCondition(scope, 'r');
    const rows = await this.database.select<Row>(
      `SELECT ${this.columns('r')} FROM ${this.table} r WHERE ${inScope.sql} AND r.id = ?`,
      [...inScope.params, id],
    );
    return rows[0] ?? null;
  }
}

function whereOf(scope: TenantScope, filters: RecordFilters): { where: string; params: unknown[] } {
  const inScope = scopeCondition(scope);
  const where = [inScope.sql];
  const params: unknown[] = [...inScope.params];
  const add = (column: string, value: number | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  add('brand_id', filters.brandId);
  add('player_id', filters.playerId);
  add('status', filters.status);
  add('provider_id', filters.providerId);
  return { where: where.join(' AND '), params };
}
