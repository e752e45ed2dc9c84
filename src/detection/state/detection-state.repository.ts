import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import type { PlayerState } from '../engine/player-state';
import { decodeState, encodeState } from './player-state.codec';

/** The players' rolling detection state, one row per player (player-state.codec.ts). */
@Injectable()
export class DetectionStateRepository {
  async load(session: SqlSession, playerIds: readonly number[]): Promise<Map<number, PlayerState>> {
    const states = new Map<number, PlayerState>();
    if (playerIds.length === 0) return states;
    const rows = await session.select<{ player_id: number | string; state: string }>(
      `SELECT player_id, state FROM detection_player_states WHERE player_id IN (${placeholders(playerIds.length)})`,
      playerIds,
    );
    for (const row of rows) states.set(Number(row.player_id), decodeState(row.state));
    return states;
  }

  /**
   * Our ids of a team's players known by these external ids (they exist: the player-activity
   * step ran in the same transaction), with their states, in one read.
   */
  async loadByExternalIds(
    session: SqlSession,
    teamId: number,
    externalIds: readonly string[],
  ): Promise<{ ids: Map<string, number>; states: Map<number, PlayerState> }> {
    const ids = new Map<string, number>();
    const states = new Map<number, PlayerState>();
    if (externalIds.length === 0) return { ids, states };
    const rows = await session.select<{
      id: number | string;
      external_id: string;
      state: string | null;
    }>(
      'SELECT p.id, p.external_id, s.state FROM players p LEFT JOIN detection_player_states s ON s.player_id = p.id ' +
        `WHERE p.team_id = ? AND p.external_id IN (${placeholders(externalIds.length)})`,
      [requireTeamId(teamId), ...externalIds],
    );
    for (const row of rows) {
      ids.set(row.external_id, Number(row.id));
      if (row.state !== null) states.set(Number(row.id), decodeState(row.state));
    }
    return { ids, states };
  }

  async save(
    session: SqlSession,
    states: readonly { playerId: number; teamId: number; state: PlayerState }[],
    now: string,
  ): Promise<void> {
    if (states.length === 0) return;
    const sql = session.dialect.upsert(
      'detection_player_states',
      ['player_id', 'team_id', 'state', 'updated_at'],
      states.length,
      ['player_id'],
      {
        state: (_old, offered) => offered('state'),
        updated_at: (_old, offered) => offered('updated_at'),
      },
    );
    await session.execute(
      sql,
      states.flatMap((s) => [s.playerId, s.teamId, encodeState(s.state), now]),
    );
  }
}
