import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import { DetectionMetrics } from '../detection.metrics';
import type { PlayerState } from '../engine/player-state';
import { decodeState, encodeState } from './player-state.codec';
import { PlayerStateCache } from './player-state-cache';

/**
 * Read for a batch that changes the states and saves them (they leave the cache until saved),
 * or only to look at them.
 */
export type StateUse = 'update' | 'read';

/**
 * The players' rolling detection state, one row per player (player-state.codec.ts), with a
 * random revision written with each state. What this instance wrote last is kept decoded
 * (PlayerStateCache): a batch reads the revisions only, and the states it does not hold.
 */
@Injectable()
export class DetectionStateRepository {
  private readonly cache: PlayerStateCache;

  constructor(
    @InjectConfig() config: AppConfig,
    private readonly metrics: DetectionMetrics,
  ) {
    this.cache = new PlayerStateCache(config.detection.stateCachePlayers);
  }

  async load(
    session: SqlSession,
    playerIds: readonly number[],
    use: StateUse,
  ): Promise<Map<number, PlayerState>> {
    if (playerIds.length === 0) return new Map();
    const rows = await session.select<{ player_id: number | string; revision: number | string }>(
      `SELECT player_id, revision FROM detection_player_states WHERE player_id IN (${placeholders(playerIds.length)})`,
      playerIds,
    );
    return this.statesOf(
      session,
      rows.map((row) => ({ playerId: Number(row.player_id), revision: Number(row.revision) })),
      use,
    );
  }

  /**
   * Our ids of a team's players known by these external ids (they exist: the player-activity
   * step ran in the same transaction), with their states.
   */
  async loadByExternalIds(
    session: SqlSession,
    teamId: number,
    externalIds: readonly string[],
    use: StateUse,
  ): Promise<{ ids: Map<string, number>; states: Map<number, PlayerState> }> {
    const ids = new Map<string, number>();
    if (externalIds.length === 0) return { ids, states: new Map() };
    const rows = await session.select<{
      id: number | string;
      external_id: string;
      revision: number | string | null;
    }>(
      'SELECT p.id, p.external_id, s.revision FROM players p LEFT JOIN detection_player_states s ON s.player_id = p.id ' +
        `WHERE p.team_id = ? AND p.external_id IN (${placeholders(externalIds.length)})`,
      [requireTeamId(teamId), ...externalIds],
    );
    const stored: { playerId: number; revision: number }[] = [];
    for (const row of rows) {
      ids.set(row.external_id, Number(row.id));
      if (row.revision !== null) {
        stored.push({ playerId: Number(row.id), revision: Number(row.revision) });
      }
    }
    return { ids, states: await this.statesOf(session, stored, use) };
  }

  /**
   * Waits for the batches writing these players' states to commit, and keeps the next ones from
   * writing them until this transaction ends: a shared lock, taken in player order.
   */
  async lockShared(session: SqlSession, playerIds: readonly number[]): Promise<void> {
    if (playerIds.length === 0) return;
    await session.select(
      `SELECT player_id FROM detection_player_states WHERE player_id IN (${placeholders(playerIds.length)}) ` +
        `ORDER BY player_id ${session.dialect.forShare}`,
      [...playerIds].sort((a, b) => a - b),
    );
  }

  /** Stores the states, each with a new revision; they are kept decoded for the next batch. */
  async save(
    session: SqlSession,
    states: readonly { playerId: number; teamId: number; state: PlayerState }[],
    now: string,
  ): Promise<void> {
    if (states.length === 0) return;
    const sql = session.dialect.upsert(
      'detection_player_states',
      ['player_id', 'team_id', 'state', 'revision', 'updated_at'],
      states.length,
      ['player_id'],
      {
        state: (_old, offered) => offered('state'),
        revision: (_old, offered) => offered('revision'),
        updated_at: (_old, offered) => offered('updated_at'),
      },
    );
    const revisions = states.map(newRevision);
    await session.execute(
      sql,
      states.flatMap((s, i) => [s.playerId, s.teamId, encodeState(s.state), revisions[i], now]),
    );
    // Kept even if the transaction then rolls back: the stored revision differs, so never used.
    states.forEach((s, i) => this.cache.put(s.playerId, revisions[i], s.state));
  }

  /** The states stored with these revisions: from the cache where it holds them, else read. */
  private async statesOf(
    session: SqlSession,
    stored: readonly { playerId: number; revision: number }[],
    use: StateUse,
  ): Promise<Map<number, PlayerState>> {
    const states = new Map<number, PlayerState>();
    const missing: number[] = [];
    for (const { playerId, revision } of stored) {
      const cached = this.cache.lookup(playerId, revision, use === 'update');
      if (cached) states.set(playerId, cached);
      else missing.push(playerId);
    }
    this.metrics.countStateReads(states.size, missing.length);
    if (missing.length === 0) return states;
    const rows = await session.select<{
      player_id: number | string;
      state: string;
      revision: number | string;
    }>(
      `SELECT player_id, state, revision FROM detection_player_states WHERE player_id IN (${placeholders(missing.length)})`,
      missing,
    );
    for (const row of rows) {
      const playerId = Number(row.player_id);
      const state = decodeState(row.state);
      states.set(playerId, state);
      if (use === 'read') this.cache.put(playerId, Number(row.revision), state);
    }
    return states;
  }
}

/** 52 random bits: another writer's revision is never mistaken for ours. */
const newRevision = () => 1 + Math.floor(Math.random() * 2 ** 52);
