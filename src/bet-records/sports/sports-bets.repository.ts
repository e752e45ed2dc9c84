import { Injectable } from '@nestjs/common';
import type { RecordFilters } from '../dto/record-list.query';
import { RecordListQueries } from '../record-list.queries';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { valuesClause, type SqlDialect } from '../../database/sql-dialect';
import { requireTeamId, type TenantScope } from '../../tenancy/tenant-scope';

type Num = string | number;

/** A `sports_bets` row as read (times as `datetime(6)` text). */
export interface SportsBetRow {
  id: Num;
  team_id: number;
  brand_id: number | null;
  player_id: number;
  provider_id: number | null;
  provider_code: string | null;
  bet_ref: string;
  odds: number | null;
  stake: Num;
  payout: Num;
  parlay: number;
  status: number;
  balance_before: Num | null;
  balance_after: Num | null;
  settled_at: string | null;
  created_at: string;
}

export interface SportsBetLineRow {
  id: Num;
  sports_bet_id: Num;
  line_id: string;
  event_name: string | null;
  league_name: string | null;
  market: string | null;
  home_name: string | null;
  away_name: string | null;
  odds: number | null;
  score: string | null;
  status: number;
  is_live: number;
  created_at: string;
}

export type SportsBetSource = 'monitor' | 'aml';

/** A sports bet as a projection writes it. Amounts in cents; times as `datetime(6)` text. */
export interface SportsBetState {
  teamId: number;
  brandId: number | null;
  playerId: number;
  providerId: number | null;
  providerCode: string | null;
  source: SportsBetSource;
  betRef: string;
  odds: number | null;
  stake: number;
  payout: number;
  parlay: number;
  status: number;
  balanceBefore: number | null;
  balanceAfter: number | null;
  settledAt: string | null;
  createdAt: string;
}

export interface SportsBetLine {
  lineId: string;
  eventName: string | null;
  leagueName: string | null;
  market: string | null;
  homeName: string | null;
  awayName: string | null;
  odds: number | null;
  score: string | null;
  status: number;
  isLive: number;
  createdAt: string;
}

const COLUMNS =
  'id, team_id, brand_id, player_id, provider_id, provider_code, bet_ref, odds, stake, payout, parlay, status, ' +
  'balance_before, balance_after';
/** The columns of a sports bet's state, in the order of stateValues. */
export const STATE_COLUMNS = [
  'team_id',
  'brand_id',
  'player_id',
  'provider_id',
  'provider_code',
  'source',
  'bet_ref',
  'odds',
  'stake',
  'payout',
  'parlay',
  'status',
  'balance_before',
  'balance_after',
  'settled_at',
  'created_at',
];
/** The columns of a line. */
export const LINE_COLUMNS = [
  'sports_bet_id',
  'position',
  'line_id',
  'event_name',
  'league_name',
  'market',
  'home_name',
  'away_name',
  'odds',
  'score',
  'status',
  'is_live',
  'created_at',
];

/** The `sports_bets` and `sports_bet_lines` tables, written by the projections, read by the API. */
@Injectable()
export class SportsBetsRepository {
  private readonly lists: RecordListQueries<SportsBetRow>;

  constructor(private readonly database: SqlDatabase) {
    this.lists = new RecordListQueries(database, 'sports_bets', (alias) =>
      columnsOf(alias, database.dialect),
    );
  }

  page(scope: TenantScope, filters: RecordFilters, offset: number, limit: number) {
    return this.lists.page(scope, filters, offset, limit);
  }

  count(scope: TenantScope, filters: RecordFilters): Promise<number> {
    return this.lists.count(scope, filters);
  }

  find(scope: TenantScope, id: string): Promise<SportsBetRow | null> {
    return this.lists.find(scope, id);
  }

  async linesOf(sportsBetId: Num): Promise<SportsBetLineRow[]> {
    const { dialect } = this.database;
    return this.database.select<SportsBetLineRow>(
      'SELECT id, sports_bet_id, line_id, event_name, league_name, market, home_name, away_name, odds, score, status, ' +
        `is_live, ${dialect.timestampText('created_at')} AS created_at FROM sports_bet_lines WHERE sports_bet_id = ? ORDER BY position`,
      [sportsBetId],
    );
  }

  /** The team's bet of this source and id, locked until the caller's transaction ends. */
  async lock(
    session: SqlSession,
    teamId: number,
    source: SportsBetSource,
    betRef: string,
  ): Promise<SportsBetRow | null> {
    const rows = await session.select<SportsBetRow>(
      `SELECT ${columnsOf('s', session.dialect)} FROM sports_bets s WHERE s.team_id = ? AND s.source = ? AND s.bet_ref = ? ` +
        session.dialect.forUpdate,
      [requireTeamId(teamId), source, betRef],
    );
    return rows[0] ?? null;
  }

  /** Inserts the bet and its lines; returns its id. */
  async insert(session: SqlSession, bet: SportsBetState, lines: readonly SportsBetLine[]) {
    const id = await session.insert(
      `INSERT INTO sports_bets (${STATE_COLUMNS.join(', ')}) VALUES ${valuesClause(STATE_COLUMNS.length, 1)}`,
      stateValues(bet),
    );
    await this.insertLines(session, id, lines);
    return id;
  }

  /** Writes the bet's state again (its identity stays), and its lines when given. */
  async update(
    session: SqlSession,
    id: Num,
    bet: SportsBetState,
    lines: readonly SportsBetLine[] | null,
  ): Promise<void> {
    const assigned = STATE_COLUMNS.slice(3); // from provider_id on: team, brand and player stay
    await session.execute(
      `UPDATE sports_bets SET ${assigned.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
      [...stateValues(bet).slice(3), id],
    );
    if (!lines) return;
    await session.execute('DELETE FROM sports_bet_lines WHERE sports_bet_id = ?', [id]);
    await this.insertLines(session, id, lines);
  }

  private async insertLines(session: SqlSession, id: Num, lines: readonly SportsBetLine[]) {
    if (lines.length === 0) return;
    await session.execute(
      `INSERT INTO sports_bet_lines (${LINE_COLUMNS.join(', ')}) VALUES ${valuesClause(LINE_COLUMNS.length, lines.length)}`,
      lines.flatMap((line, position) => [
        id,
        position,
        line.lineId,
        line.eventName,
        line.leagueName,
        line.market,
        line.homeName,
        line.awayName,
        line.odds,
        line.score,
        line.status,
        line.isLive,
        line.createdAt,
      ]),
    );
  }
}

/** A sports bet's state as the values of STATE_COLUMNS. */
export function stateValues(bet: SportsBetState): unknown[] {
  return [
    requireTeamId(bet.teamId),
    bet.brandId,
    bet.playerId,
    bet.providerId,
    bet.providerCode,
    bet.source,
    bet.betRef,
    bet.odds,
    bet.stake,
    bet.payout,
    bet.parlay,
    bet.status,
    bet.balanceBefore,
    bet.balanceAfter,
    bet.settledAt,
    bet.createdAt,
  ];
}

function columnsOf(alias: string, dialect: SqlDialect): string {
  return (
    COLUMNS.split(', ')
      .map((c) => `${alias}.${c}`)
      .join(', ') +
    `, ${dialect.timestampText(`${alias}.settled_at`)} AS settled_at, ${dialect.timestampText(`${alias}.created_at`)} AS created_at`
  );
}
