import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import { placeholders } from '../database/sql-dialect';
import { requireTeamId } from '../tenancy/team-scope';
import type { RecordKind } from './bet-record-counts.repository';

/** A team's bet by its reference (round id, bet ref), as a map key. */
export const betKey = (teamId: number | string, betRef: string) =>
  `${Number(teamId)}\u0000${betRef}`;

/** `refs` grouped by team: each team's distinct references. */
export function refsByTeam(refs: readonly { teamId: number; betRef: string }[]) {
  const byTeam = new Map<number, Set<string>>();
  for (const { teamId, betRef } of refs) {
    byTeam.set(teamId, (byTeam.get(teamId) ?? new Set()).add(betRef));
  }
  return [...byTeam].map(([teamId, betRefs]) => ({ teamId, betRefs: [...betRefs] }));
}

/** Settlements processed before their placement, waiting for it (within the worker's transaction). */
@Injectable()
export class PendingSettlementsRepository {
  async add(
    session: SqlSession,
    wait: { teamId: number; kind: RecordKind; betRef: string; eventId: string; eventType: string },
  ): Promise<void> {
    await session.execute(
      `${session.dialect.insertIgnoring} INTO pending_settlements (team_id, kind, bet_ref, event_id, event_type) VALUES (?, ?, ?, ?, ?)`,
      [requireTeamId(wait.teamId), wait.kind, wait.betRef, wait.eventId, wait.eventType],
    );
  }

  /** The ids of the events waiting for this bet, in arrival order; they wait no more. */
  async take(
    session: SqlSession,
    teamId: number,
    kind: RecordKind,
    betRef: string,
  ): Promise<string[]> {
    // A locking read waits for an outcome another worker is parking right now (MySQL), so that
    // the placement and the outcome cannot miss each other.
    const rows = await session.select<{ event_id: string | number }>(
      `SELECT event_id FROM pending_settlements WHERE team_id = ? AND kind = ? AND bet_ref = ? ORDER BY event_id ${session.dialect.forUpdate}`,
      [requireTeamId(teamId), kind, betRef],
    );
    if (rows.length === 0) return [];
    await session.execute(
      'DELETE FROM pending_settlements WHERE team_id = ? AND kind = ? AND bet_ref = ?',
      [teamId, kind, betRef],
    );
    return rows.map((r) => String(r.event_id));
  }

  /**
   * `take` for many bets at once, by one locking read per team (made after their placements, like
   * `take`): the ids of the events waiting for each, in arrival order, by betKey.
   */
  async takeAll(
    session: SqlSession,
    kind: RecordKind,
    refs: readonly { teamId: number; betRef: string }[],
  ): Promise<Map<string, string[]>> {
    const waiting = new Map<string, string[]>();
    for (const { teamId, betRefs } of refsByTeam(refs)) {
      const rows = await session.select<{ bet_ref: string; event_id: string | number }>(
        `SELECT bet_ref, event_id FROM pending_settlements WHERE team_id = ? AND kind = ? ` +
          `AND bet_ref IN (${placeholders(betRefs.length)}) ORDER BY event_id ${session.dialect.forUpdate}`,
        [requireTeamId(teamId), kind, ...betRefs],
      );
      if (rows.length === 0) continue;
      const found = [...new Set(rows.map((r) => r.bet_ref))];
      await session.execute(
        `DELETE FROM pending_settlements WHERE team_id = ? AND kind = ? AND bet_ref IN (${placeholders(found.length)})`,
        [teamId, kind, ...found],
      );
      for (const row of rows) {
        const key = betKey(teamId, row.bet_ref);
        waiting.set(key, [...(waiting.get(key) ?? []), String(row.event_id)]);
      }
    }
    return waiting;
  }
}
