import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import { betKey, refsByTeam, type BetRef } from './bet-ref';
import type { RecordKind } from './bet-record-counts.repository';

const ROWS_PER_INSERT = 500;

/** Settlements processed before their placement, waiting for it (within the worker's transaction). */
@Injectable()
export class PendingSettlementsRepository {
  /** The outcomes wait for their bets (an outcome already waiting is not added twice). */
  async addAll(
    session: SqlSession,
    kind: RecordKind,
    outcomes: readonly { ref: BetRef; event: { id: string; eventType: string } }[],
  ): Promise<void> {
    for (let start = 0; start < outcomes.length; start += ROWS_PER_INSERT) {
      const chunk = outcomes.slice(start, start + ROWS_PER_INSERT);
      await session.execute(
        `${session.dialect.insertIgnoring} INTO pending_settlements (team_id, kind, bet_ref, event_id, event_type) ` +
          `VALUES ${valuesClause(5, chunk.length)}`,
        chunk.flatMap(({ ref, event }) => [
          requireTeamId(ref.teamId),
          kind,
          ref.betRef,
          event.id,
          event.eventType,
        ]),
      );
    }
  }

  /**
   * The ids of the events waiting for these bets, in arrival order, by betKey; they wait no more.
   * One locking read per team, made after the bets' placements: it waits for an outcome another
   * worker is parking right now (MySQL), so that the placement and the outcome cannot miss each
   * other (that worker's own locking read of the bet waits for this placement likewise).
   */
  async takeAll(
    session: SqlSession,
    kind: RecordKind,
    refs: readonly BetRef[],
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
        const ids = waiting.get(key) ?? [];
        ids.push(String(row.event_id));
        waiting.set(key, ids);
      }
    }
    return waiting;
  }
}
