import { Injectable } from '@nestjs/common';
import type { RecordFilters } from '../dto/record-list.query';
import { RecordListQueries } from '../record-list.queries';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders, type SqlDialect } from '../../database/sql-dialect';
import { requireTeamId, type TenantScope } from '../../tenancy/tenant-scope';

type Num = string | number;

/** A `bets` row as read (times as `datetime(6)` text). */
export interface BetRow {
  id: Num;
  team_id: number;
  brand_id: number | null;
  player_id: number;
  provider_id: number | null;
  provider_code: string | null;
  game_id: number | null;
  game_code: string | null;
  transaction_id: string;
  round_id: string;
  bet_amount: Num;
  payout_amount: Num;
  status: number;
  result_type: number | null;
  balance_before: Num | null;
  balance_after: Num | null;
  settled_at: string | null;
  created_at: string;
}

/** A new bet, from its placement. Amounts in cents. */
export interface NewBet {
  teamId: number;
  brandId: number | null;
  playerId: number;
  providerId: number | null;
  providerCode: string | null;
  gameId: number | null;
  gameCode: string | null;
  transactionId: string;
  roundId: string;
  betAmount: number;
  balanceBefore: number | null;
  balanceAfter: number | null;
  createdAt: string;
}

/** What a settlement or a refund changes. */
export interface BetOutcome {
  status: number;
  payoutAmount: number;
  resultType: number | null;
  balanceAfter: number | null;
  settledAt: string | null;
}

const COLUMNS =
  'id, team_id, brand_id, player_id, provider_id, provider_code, game_id, game_code, transaction_id, round_id, ' +
  'bet_amount, payout_amount, status, result_type, balance_before, balance_after';

/** The `bets` table: Live/Slots bets, written by their projection, read by the API. */
@Injectable()
export class BetsRepository {
  private readonly lists: RecordListQueries<BetRow>;

  constructor(private readonly database: SqlDatabase) {
    this.lists = new RecordListQueries(database, 'bets', (alias) =>
      columnsOf(alias, database.dialect),
    );
  }

  page(
    scope: TenantScope,
    filters: RecordFilters,
    offset: number,
    limit: number,
  ): Promise<BetRow[]> {
    return this.lists.page(scope, filters, offset, limit);
  }

  count(scope: TenantScope, filters: RecordFilters): Promise<number> {
    return this.lists.count(scope, filters);
  }

  find(scope: TenantScope, id: string): Promise<BetRow | null> {
    return this.lists.find(scope, id);
  }

  /** The team's bet of this round, locked until the caller's transaction ends. */
  async lockByRound(session: SqlSession, teamId: number, roundId: string): Promise<BetRow | null> {
    const rows = await session.select<BetRow>(
      `SELECT ${columnsOf('b', session.dialect)} FROM bets b WHERE b.team_id = ? AND b.round_id = ? ${session.dialect.forUpdate}`,
      [requireTeamId(teamId), roundId],
    );
    return rows[0] ?? null;
  }

  /** The team's bets of these rounds, locked until the caller's transaction ends. */
  lockByRounds(
    session: SqlSession,
    teamId: number,
    roundIds: readonly string[],
  ): Promise<BetRow[]> {
    return session.select<BetRow>(
      `SELECT ${columnsOf('b', session.dialect)} FROM bets b WHERE b.team_id = ? ` +
        `AND b.round_id IN (${placeholders(roundIds.length)}) ${session.dialect.forUpdate}`,
      [requireTeamId(teamId), ...roundIds],
    );
  }

  /** Inserts the bet unless its round is taken (by a concurrent placement); true when it did. */
  async insert(session: SqlSession, bet: NewBet): Promise<boolean> {
    const inserted = await session.execute(
      `${session.dialect.insertIgnoring} INTO bets (` +
        'team_id, brand_id, player_id, provider_id, provider_code, game_id, game_code, transaction_id, round_id, ' +
        'bet_amount, payout_amount, status, result_type, balance_before, balance_after, settled_at, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, ?, ?, NULL, ?)',
      [
        requireTeamId(bet.teamId),
        bet.brandId,
        bet.playerId,
        bet.providerId,
        bet.providerCode,
        bet.gameId,
        bet.gameCode,
        bet.transactionId,
        bet.roundId,
        bet.betAmount,
        bet.balanceBefore,
        bet.balanceAfter,
        bet.createdAt,
      ],
    );
    return inserted > 0;
  }

  async settle(session: SqlSession, id: Num, outcome: BetOutcome): Promise<void> {
    await session.execute(
      'UPDATE bets SET status = ?, payout_amount = ?, result_type = ?, balance_after = COALESCE(?, balance_after), ' +
        'settled_at = ? WHERE id = ?',
      [
        outcome.status,
        outcome.payoutAmount,
        outcome.resultType,
        outcome.balanceAfter,
        outcome.settledAt,
        id,
      ],
    );
  }
}

function columnsOf(alias: string, dialect: SqlDialect): string {
  return (
    COLUMNS.split(', ')
      .map((c) => `${alias}.${c}`)
      .join(', ') +
    `, ${dialect.timestampText(`${alias}.settled_at`)} AS settled_at, ${dialect.timestampText(`${alias}.created_at`)} AS created_at`
  );
}
