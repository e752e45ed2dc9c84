import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { partitionOf } from '../../processing/queue/partition';
import type { DetectionEvent } from '../engine/detection-event';

/** JSON a row holds at most: far below a TEXT column's 64 KiB. */
const ROW_BYTES = 48_000;

/**
 * An event for a second look: which it is, its team, player and time, and the players its batch
 * counted per identifier (`kind|value`). An AML event is kept whole (OPPOSITE_SIDES reads its
 * legs; AML single bets are few); a monitor event is read again from storage, and only when a
 * count rose: most looks find nothing new.
 */
export interface SecondLook {
  stream: DetectionEvent['stream'];
  id: string;
  teamId: number;
  playerId: number;
  playerExternalId: string;
  at: number;
  shares: Record<string, number>;
  event?: DetectionEvent;
}

/** A look at this event, with what its batch counted; `whole` keeps the event itself. */
export function secondLookAt(
  event: DetectionEvent,
  shares: Record<string, number>,
  whole: boolean,
): SecondLook {
  const { stream, id, teamId, playerId, playerExternalId, at } = event;
  return { stream, id, teamId, playerId, playerExternalId, at, shares, ...(whole && { event }) };
}

/** Events waiting for their second look, by processing partition. */
@Injectable()
export class SecondLooksRepository {
  async add(session: SqlSession, looks: readonly SecondLook[], now: string): Promise<void> {
    if (looks.length === 0) return;
    const byPartition = new Map<number, SecondLook[]>();
    for (const look of looks) {
      const partition = partitionOf(look.teamId, look.playerExternalId);
      const list = byPartition.get(partition);
      if (list) list.push(look);
      else byPartition.set(partition, [look]);
    }
    const rows: unknown[][] = [];
    for (const [partition, list] of [...byPartition].sort(([a], [b]) => a - b)) {
      let chunk: string[] = [];
      let bytes = 0;
      for (const look of list) {
        const json = JSON.stringify(look);
        const size = Buffer.byteLength(json) + 1;
        if (chunk.length > 0 && bytes + size > ROW_BYTES) {
          rows.push([partition, `[${chunk.join(',')}]`, now]);
          [chunk, bytes] = [[], 0];
        }
        chunk.push(json);
        bytes += size;
      }
      rows.push([partition, `[${chunk.join(',')}]`, now]);
    }
    await session.execute(
      `INSERT INTO detection_second_looks (partition_no, events, created_at) VALUES ${valuesClause(3, rows.length)}`,
      rows.flat(),
    );
  }

  /** The waiting events of these partitions (held and locked by the caller), oldest first. */
  async waiting(
    session: SqlSession,
    partitions: readonly number[],
  ): Promise<{ ids: string[]; looks: SecondLook[] }> {
    if (partitions.length === 0) return { ids: [], looks: [] };
    const rows = await session.select<{ id: string | number; events: string }>(
      `SELECT id, events FROM detection_second_looks WHERE partition_no IN (${placeholders(partitions.length)}) ORDER BY id`,
      partitions,
    );
    return {
      ids: rows.map((row) => String(row.id)),
      looks: rows.flatMap((row) => (JSON.parse(row.events) as StoredLook[]).map(current)),
    };
  }

  /** When the oldest look still waiting was written (null when none waits), in any partition. */
  async oldestWrittenAt(database: Pick<SqlSession, 'select' | 'dialect'>): Promise<string | null> {
    const [row] = await database.select<{ created_at: string }>(
      `SELECT ${database.dialect.timestampText('created_at')} AS created_at FROM detection_second_looks ORDER BY id LIMIT 1`,
    );
    return row?.created_at ?? null;
  }

  async remove(session: SqlSession, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await session.execute(
      `DELETE FROM detection_second_looks WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
  }
}

/** A look as stored: the current shape, or the whole event only (rows written before it). */
type StoredLook = SecondLook | { event: DetectionEvent; shares: Record<string, number> };

const current = (look: StoredLook): SecondLook =>
  'stream' in look ? look : secondLookAt(look.event, look.shares, true);
