import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import { requireTeamId } from '../tenancy/team-scope';
import type { RecordKind } from './bet-record-counts.repository';

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
}
