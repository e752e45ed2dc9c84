import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import {
  RecordStatus,
  splitTeams,
  unitsToCents,
  unitsToCentsOrNull as cents,
} from '../bet-record.format';
import { SPORTS_GAME_TYPES } from '../projection/bet-event.kind';
import type { BetRecordKind, BetSettlement, NewBet } from '../projection/bet-record-kind';
import { caseUpdate } from '../projection/case-update';
import { lockStoredBets, settlementChunks } from '../projection/stored-bets';
import { LINE_COLUMNS, STATE_COLUMNS, stateValues } from './sports-bets.repository';

const SETTLE_COLUMNS = [
  { name: 'payout' },
  { name: 'status' },
  { name: 'balance_after', keepWhenNull: true },
  { name: 'settled_at' },
];
/** Rows per statement: 16 bound values a row stays far under SQLite's 32,766. */
const ROWS_PER_STATEMENT = 500;
const SOURCE = 'monitor' as const;

const SPORTS_BETS_OF_MONITOR = {
  table: 'sports_bets',
  refColumn: 'bet_ref',
  scope: { sql: 'source = ?', params: [SOURCE] },
};

/**
 * Sports bets (`sports_bets`, seed 002) from SPORTS and ESPORTS monitor events, as a kind of bet
 * record: BET_PLACED makes a single bet (source `monitor`) with one line from the `game` fields
 * (`game.name` as the event, split into home and away when it reads "A vs B"; `game.competition`
 * as the league; `game.odds`); outcomes settle or cancel the bet and its line. (AML slips make
 * sports bets too, through SlipProjection, in the AML API's own transaction.)
 */
@Injectable()
export class MonitorSportsBets implements BetRecordKind {
  readonly name = 'sports-bets';
  readonly recordKind = 'sports';
  readonly gameTypes = SPORTS_GAME_TYPES;

  lockAll(session: SqlSession, teamId: number, betRefs: readonly string[]) {
    return lockStoredBets(session, SPORTS_BETS_OF_MONITOR, teamId, betRefs);
  }

  async insertAll(session: SqlSession, bets: readonly NewBet[]): Promise<number> {
    let inserted = 0;
    for (let start = 0; start < bets.length; start += ROWS_PER_STATEMENT) {
      const chunk = bets.slice(start, start + ROWS_PER_STATEMENT);
      const { sql, params } = session.dialect.bulkInsertSkippingDuplicates(
        'sports_bets',
        STATE_COLUMNS,
        chunk.map(betValues),
        ['team_id', 'source', 'bet_ref'],
      );
      const count = await session.execute(sql, params);
      inserted += count;
      // A reference taken meanwhile: the engine starts again; its line must not go to that bet.
      if (count !== chunk.length) return inserted;
      await this.insertLines(session, chunk);
    }
    return inserted;
  }

  async settleAll(session: SqlSession, settlements: readonly BetSettlement[]): Promise<void> {
    for (const { teamId, chunk } of settlementChunks(settlements, ROWS_PER_STATEMENT)) {
      const rows = chunk.map(({ ref, event, move }) => ({
        key: ref.betRef,
        values: [
          move.pays ? unitsToCents(event.amount) : 0,
          move.status,
          cents(event.balanceAfter),
          event.eventTime,
        ],
      }));
      const scope = { sql: 'team_id = ? AND source = ?', params: [teamId, SOURCE] };
      const bets = caseUpdate('sports_bets', 'bet_ref', SETTLE_COLUMNS, rows, scope);
      await session.execute(bets.sql, bets.params);
      // Each bet's one line takes the bet's status.
      for (const status of [RecordStatus.Settled, RecordStatus.Cancelled, RecordStatus.Pending]) {
        const ofStatus = chunk.filter((s) => s.move.status === status).map((s) => s.ref.betRef);
        if (ofStatus.length === 0) continue;
        await session.execute(
          'UPDATE sports_bet_lines SET status = ? WHERE sports_bet_id IN (SELECT id FROM sports_bets ' +
            `WHERE team_id = ? AND source = ? AND bet_ref IN (${placeholders(ofStatus.length)}))`,
          [status, teamId, SOURCE, ...ofStatus],
        );
      }
    }
  }

  /**
   * One line per bet, from the placement's `game` fields, joined to its bet by reference in the
   * statement itself (no read of the new ids first).
   */
  private async insertLines(session: SqlSession, bets: readonly NewBet[]): Promise<void> {
    for (const teamId of new Set(bets.map((bet) => bet.ref.teamId))) {
      const ofTeam = bets.filter((bet) => bet.ref.teamId === teamId);
      const values = ofTeam.map(() => LINE_VALUES).join(' UNION ALL ');
      const inserted = await session.execute(
        `INSERT INTO sports_bet_lines (${LINE_COLUMNS.join(', ')}) ` +
          'SELECT s.id, 0, v.line_id, v.event_name, v.league_name, NULL, v.home_name, v.away_name, v.odds, NULL, ' +
          `v.status, 0, v.created_at FROM (${values}) v ` +
          'JOIN sports_bets s ON s.team_id = ? AND s.source = ? AND s.bet_ref = v.bet_ref',
        [...ofTeam.flatMap(lineValues), teamId, SOURCE],
      );
      if (inserted !== ofTeam.length) {
        throw new Error(`Inserted ${inserted} lines for ${ofTeam.length} new sports bets`);
      }
    }
  }
}

/** A new bet's line, as a row of the derived table that insertLines joins to the bets. */
const LINE_VALUES =
  'SELECT ? AS bet_ref, ? AS line_id, ? AS event_name, ? AS league_name, ? AS home_name, ' +
  '? AS away_name, ? AS odds, ? AS status, ? AS created_at';

function lineValues({ ref, placement, outcome }: NewBet): unknown[] {
  const { game } = placement;
  const { home, away } = splitTeams(game.name);
  return [
    ref.betRef,
    game.id ?? ref.betRef,
    game.name,
    game.competition,
    home,
    away,
    game.odds,
    outcome?.move.status ?? RecordStatus.Pending,
    placement.eventTime,
  ];
}

function betValues({ ref, placement, outcome, playerId, providerId }: NewBet): unknown[] {
  return stateValues({
    teamId: requireTeamId(ref.teamId),
    brandId: placement.brandId,
    playerId,
    providerId,
    providerCode: placement.game.provider,
    source: SOURCE,
    betRef: ref.betRef,
    odds: placement.game.odds,
    stake: unitsToCents(placement.amount),
    payout: outcome?.move.pays ? unitsToCents(outcome.event.amount) : 0,
    parlay: 0,
    status: outcome?.move.status ?? RecordStatus.Pending,
    balanceBefore: cents(placement.balanceBefore),
    balanceAfter: cents(outcome?.event.balanceAfter ?? null) ?? cents(placement.balanceAfter),
    settledAt: outcome?.event.eventTime ?? null,
    createdAt: placement.eventTime,
  });
}
