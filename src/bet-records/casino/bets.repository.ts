import { Injectable } from '@nestjs/common';
import type { RecordFilters } from '../dto/record-list.query';
import { RecordListQueries } from '../record-list.queries';
import { SqlDatabase } from '../../database/sql-database';
import type { SqlDialect } from '../../database/sql-dialect';
import type { TenantScope } from '../../tenancy/tenant-scope';

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
}

function columnsOf(alias: string, dialect: SqlDialect): string {
  return (
    COLUMNS.split(', ')
      .map((c) => `${alias}.${c}`)
      .join(', ') +
    `, ${dialect.timestampText(`${alias}.settled_at`)} AS settled_at, ${dialect.timestampText(`${alias}.created_at`)} AS created_at`
  );
}
