import type { SqlDatabase } from '../database/sql-database';
import { requireTeamId } from '../tenancy/team-scope';
import type { RecordFilters } from './dto/record-list.query';

/**
 * The list queries both record tables share (`bets`, `sports_bets`): each has the indexes
 * (team_id, id) and (team_id, <filter>, id), so a filtered page is an index range read backwards.
 */
export class RecordListQueries<Row> {
  constructor(
    private readonly database: SqlDatabase,
    private readonly table: 'bets' | 'sports_bets',
    /** The select list, for the table aliased `alias`. */
    private readonly columns: (alias: string) => string,
  ) {}

  /** A page of the team's records matching the filters, newest first. */
  page(teamId: number, filters: RecordFilters, offset: number, limit: number): Promise<Row[]> {
    const { where, params } = whereOf(teamId, filters);
    // The page's ids first, from the index alone; then only those rows: a deep page skips index
    // entries, not whole rows.
    return this.database.select<Row>(
      `SELECT ${this.columns('r')} FROM ${this.table} r JOIN (SELECT id FROM ${this.table} WHERE ${where} ` +
        'ORDER BY id DESC LIMIT ? OFFSET ?) page ON page.id = r.id ORDER BY r.id DESC',
      [...params, limit, offset],
    );
  }

  /** How many of the team's records match the filters, counted (used for player filters). */
  async count(teamId: number, filters: RecordFilters): Promise<number> {
    const { where, params } = whereOf(teamId, filters);
    const [row] = await this.database.select<{ total: string | number }>(
      `SELECT COUNT(*) AS total FROM ${this.table} WHERE ${where}`,
      params,
    );
    return Number(row.total);
  }

  async find(teamId: number, id: string): Promise<Row | null> {
    const rows = await this.database.select<Row>(
      `SELECT ${this.columns('r')} FROM ${this.table} r WHERE r.team_id = ? AND r.id = ?`,
      [requireTeamId(teamId), id],
    );
    return rows[0] ?? null;
  }
}

function whereOf(teamId: number, filters: RecordFilters): { where: string; params: unknown[] } {
  const where = ['team_id = ?'];
  const params: unknown[] = [requireTeamId(teamId)];
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
