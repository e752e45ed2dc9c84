import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { partitionOf } from '../../processing/queue/partition';
import type { DetectionEvent } from '../engine/detection-event';

/** Events a row holds at most: the JSON stays far below a TEXT column's 64 KiB. */
const EVENTS_PER_ROW = 50;

/** An event for a second look, and the players its batch counted per identifier (`kind|value`). */
export interface SecondLook {
  event: DetectionEvent;
  shares: Record<string, number>;
}

/** Events waiting for their second look, by processing partition. */
@Injectable()
export class SecondLooksRepository {
  async add(session: SqlSession, looks: readonly SecondLook[], now: string): Promise<void> {
    if (looks.length === 0) return;
    const byPartition = new Map<number, SecondLook[]>();
    for (const look of looks) {
      const partition = partitionOf(look.event.teamId, look.event.playerExternalId);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), look]);
    }
    const rows: unknown[][] = [];
    for (const [partition, list] of [...byPartition].sort(([a], [b]) => a - b)) {
      for (let start = 0; start < list.length; start += EVENTS_PER_ROW) {
        rows.push([partition, JSON.stringify(list.slice(start, start + EVENTS_PER_ROW)), now]);
      }
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
      looks: rows.flatMap((row) => JSON.parse(row.events) as SecondLook[]),
    };
  }

  async remove(session: SqlSession, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await session.execute(
      `DELETE FROM detection_second_looks WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
  }
}
