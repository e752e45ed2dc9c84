import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { requireTeamId } from '../../tenancy/tenant-scope';
import { unitsToCents, unitsToCentsOrNull as cents } from '../bet-record.format';
import { CASINO_GAME_TYPES } from '../projection/bet-event.kind';
import type { BetRecordKind, BetSettlement, NewBet } from '../projection/bet-record-kind';
import { caseUpdate } from '../projection/case-update';
import { CatalogRepository } from '../projection/catalog.repository';
import { lockStoredBets, settlementChunks } from '../projection/stored-bets';

const INSERT_COLUMNS = [
  'team_id',
  'brand_id',
  'player_id',
  'provider_id',
  'provider_code',
  'game_id',
  'game_code',
  'transaction_id',
  'round_id',
  'bet_amount',
  'payout_amount',
  'status',
  'result_type',
  'balance_before',
  'balance_after',
  'settled_at',
  'created_at',
];
const SETTLE_COLUMNS = [
  { name: 'status' },
  { name: 'payout_amount' },
  { name: 'result_type' },
  { name: 'balance_after', keepWhenNull: true },
  { name: 'settled_at' },
];
/** Rows per statement: 17 bound values a row stays far under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 500;

/**
 * Live/Slots bets (`bets`, seed 002) as a kind of bet record: BET_PLACED of a CASINO, LIVE_CASINO,
 * VIRTUAL, LOTTERY or POKER game opens the bet (its amount the stake, its event id the
 * `transaction_id`, `game.bet_id` the `round_id`); BET_WON, CASHOUT and JACKPOT settle it with
 * their amount as the payout, BET_LOST with 0; REFUND cancels it (the refund as the payout).
 */
@Injectable()
export class CasinoBets implements BetRecordKind {
  readonly name = 'bets';
  readonly recordKind = 'bet';
  readonly gameTypes = CASINO_GAME_TYPES;

  constructor(private readonly catalog: CatalogRepository) {}

  lockAll(session: SqlSession, teamId: number, roundIds: readonly string[]) {
    return lockStoredBets(session, { table: 'bets', refColumn: 'round_id' }, teamId, roundIds);
  }

  async insertAll(session: SqlSession, bets: readonly NewBet[]): Promise<number> {
    const rows: unknown[][] = [];
    for (const { placement, outcome, playerId, providerId, ref } of bets) {
      const { game } = placement;
      const gameId =
        providerId !== null && game.id
          ? await this.catalog.gameId(session, providerId, game.id, game.name)
          : null;
      rows.push([
        requireTeamId(ref.teamId),
        placement.brandId,
        playerId,
        providerId,
        game.provider,
        gameId,
        game.id,
        placement.externalEventId,
        ref.betRef,
        unitsToCents(placement.amount),
        outcome?.move.pays ? unitsToCents(outcome.event.amount) : 0,
        outcome?.move.status ?? 0,
        outcome?.move.resultType ?? null,
        cents(placement.balanceBefore),
        cents(outcome?.event.balanceAfter ?? null) ?? cents(placement.balanceAfter),
        outcome?.event.eventTime ?? null,
        placement.eventTime,
      ]);
    }
    let inserted = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const { sql, params } = session.dialect.bulkInsertSkippingDuplicates(
        'bets',
        INSERT_COLUMNS,
        rows.slice(start, start + ROWS_PER_STATEMENT),
        ['team_id', 'round_id'],
      );
      inserted += await session.execute(sql, params);
    }
    return inserted;
  }

  async settleAll(session: SqlSession, settlements: readonly BetSettlement[]): Promise<void> {
    for (const { teamId, chunk } of settlementChunks(settlements, ROWS_PER_STATEMENT)) {
      const rows = chunk.map(({ ref, event, move }) => ({
        key: ref.betRef,
        values: [
          move.status,
          move.pays ? unitsToCents(event.amount) : 0,
          move.resultType,
          cents(event.balanceAfter),
          event.eventTime,
        ],
      }));
      const { sql, params } = caseUpdate('bets', 'round_id', SETTLE_COLUMNS, rows, {
        sql: 'team_id = ?',
        params: [teamId],
      });
      await session.execute(sql, params);
    }
  }
}
