import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { emptyPlayerState, type PlayerState } from '../engine/player-state';

/** The players' rolling detection state, one JSON row per player. */
@Injectable()
export class DetectionStateRepository {
  async load(session: SqlSession, playerIds: readonly number[]): Promise<Map<number, PlayerState>> {
    const states = new Map<number, PlayerState>();
    if (playerIds.length === 0) return states;
    const rows = await session.select<{ player_id: number | string; state: string }>(
      `SELECT player_id, state FROM detection_player_states WHERE player_id IN (${placeholders(playerIds.length)})`,
      playerIds,
    );
    for (const row of rows) {
      states.set(Number(row.player_id), {
        ...emptyPlayerState(),
        ...(JSON.parse(row.state) as PlayerState),
      });
    }
    return states;
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
      states.flatMap((s) => [s.playerId, s.teamId, JSON.stringify(s.state), now]),
    );
  }
}
