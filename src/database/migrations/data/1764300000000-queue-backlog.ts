import type { QueryRunner } from 'typeorm';
import { bucketOf } from '../../../common/hashing/bucket';

/** The partitions of the processing queue as this migration made them. */
const PARTITIONS = 64;
const CHUNK = 1000;

/**
 * Puts the events that wait for processing into the new processing queue, each in the partition
 * of its team and player (see src/processing/queue/partition.ts): every AML betting event (none
 * was processed before; the older stream first), then the monitor events still RECEIVED (the old
 * worker's backlog). `insertIgnoring` (INSERT IGNORE, INSERT OR IGNORE) makes a second run after
 * an interrupted one queue only what is missing.
 */
export async function queueWaitingEvents(q: QueryRunner, insertIgnoring: string): Promise<void> {
  for (let after = 0; ; ) {
    const rows = (await q.query(
      'SELECT e.id, e.team_id, p.external_id AS player, e.received_at FROM betting_events e ' +
        'JOIN players p ON p.id = e.player_id WHERE e.id > ? ORDER BY e.id LIMIT ?',
      [after, CHUNK],
    )) as WaitingRow[];
    if (rows.length === 0) break;
    await enqueue(q, insertIgnoring, 'aml', rows);
    after = Number(rows[rows.length - 1].id);
  }
  for (let after = 0; ; ) {
    const rows = (await q.query(
      "SELECT id, team_id, player_external_id AS player, received_at FROM events WHERE status = 'RECEIVED' AND id > ? ORDER BY id LIMIT ?",
      [after, CHUNK],
    )) as WaitingRow[];
    if (rows.length === 0) break;
    await enqueue(q, insertIgnoring, 'monitor', rows);
    after = Number(rows[rows.length - 1].id);
  }
}

interface WaitingRow {
  id: number | string;
  team_id: number | string;
  player: string;
  received_at: string | Date;
}

async function enqueue(
  q: QueryRunner,
  insertIgnoring: string,
  stream: string,
  rows: WaitingRow[],
): Promise<void> {
  const values = rows.flatMap((row) => [
    bucketOf(`${Number(row.team_id)}\u0000${row.player}`, PARTITIONS),
    stream,
    row.id,
    row.team_id,
    row.received_at,
  ]);
  await q.query(
    `${insertIgnoring} INTO processing_queue (partition_no, stream, event_id, team_id, received_at) VALUES ` +
      rows.map(() => '(?, ?, ?, ?, ?)').join(', '),
    values,
  );
}
