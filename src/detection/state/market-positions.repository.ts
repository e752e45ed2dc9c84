import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { valuesClause } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';

export interface MarketPosition {
  teamId: number;
  sportEventRef: string;
  marketRef: string;
  selectionRef: string;
  playerId: number;
  /** The slip's `bet_slip_id`. */
  slipRef: string;
  stakeCents: number;
  /** Event time, `YYYY-MM-DD HH:MM:SS.ffffff`. */
  placedAt: string;
  eventId: string;
}

/** Single AML bets by event and market, one per slip, for OPPOSITE_SIDES. */
@Injectable()
export class MarketPositionsRepository {
  async record(session: SqlSession, positions: readonly MarketPosition[]): Promise<void> {
    if (positions.length === 0) return;
    await session.execute(
      'INSERT INTO market_positions (team_id, sport_event_ref, market_ref, selection_ref, player_id, slip_ref, stake, placed_at, event_id) ' +
        `VALUES ${valuesClause(9, positions.length)}`,
      positions.flatMap((p) => [
        requireTeamId(p.teamId),
        p.sportEventRef,
        p.marketRef,
        p.selectionRef,
        p.playerId,
        p.slipRef,
        p.stakeCents,
        p.placedAt,
        p.eventId,
      ]),
    );
  }

  /** Removes the positions of these slips: corrected (a new one follows, or none) or cancelled. */
  async clear(
    session: SqlSession,
    slips: readonly { teamId: number; playerId: number; slipRef: string }[],
  ): Promise<void> {
    if (slips.length === 0) return;
    await session.execute(
      `DELETE FROM market_positions WHERE ${slips.map(() => '(team_id = ? AND player_id = ? AND slip_ref = ?)').join(' OR ')}`,
      slips.flatMap((s) => [requireTeamId(s.teamId), s.playerId, s.slipRef]),
    );
  }

  /** Other players' bets on other selections of the event and market, between two times. */
  async opposing(
    session: SqlSession,
    position: MarketPosition,
    from: string,
    to: string,
  ): Promise<
    {
      playerId: number;
      externalId: string;
      selectionRef: string;
      stake: number;
      placedAt: string;
    }[]
  > {
    const rows = await session.select<{
      player_id: number | string;
      external_id: string;
      selection_ref: string;
      stake: number | string;
      placed_at: string;
    }>(
      `SELECT m.player_id, p.external_id, m.selection_ref, m.stake, ${session.dialect.timestampText('m.placed_at')} AS placed_at ` +
        'FROM market_positions m JOIN players p ON p.id = m.player_id ' +
        'WHERE m.team_id = ? AND m.sport_event_ref = ? AND m.market_ref = ? AND m.placed_at >= ? AND m.placed_at <= ? ' +
        'AND m.selection_ref <> ? AND m.player_id <> ? ORDER BY m.placed_at LIMIT 200',
      [
        requireTeamId(position.teamId),
        position.sportEventRef,
        position.marketRef,
        from,
        to,
        position.selectionRef,
        position.playerId,
      ],
    );
    return rows.map((row) => ({
      playerId: Number(row.player_id),
      externalId: row.external_id,
      selectionRef: row.selection_ref,
      stake: Number(row.stake),
      placedAt: row.placed_at,
    }));
  }
}
