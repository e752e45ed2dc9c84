import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../database/sql-database';
import type { MicroTime } from '../common/time/micro-time';
import { EventRepository, type EventRowInput, type StoredEventKey } from './event.repository';
import { ownsRow } from '../tenancy/tenant-scope';
import type { ValidEvent } from './validation/event.validator';
import { ProcessingQueue } from '../processing/queue/processing-queue';

export interface PendingEvent {
  teamId: number;
  /** The brand of the sender's key, when the key is limited to one. */
  brandId: number | null;
  valid: ValidEvent;
  receivedAt: MicroTime;
}

/**
 * `accepted`: the event is stored, now or before (then with the first uuid and time).
 * `conflict`: its event_id is taken by an event with other content (`uuid` is that event's), or
 * by an event that the sender's brand key may not see (`uuid` null: nothing of it is named).
 */
export type WriteOutcome =
  | { kind: 'accepted'; uuid: string; receivedAt: MicroTime }
  | { kind: 'conflict'; uuid: string | null };

/**
 * Writes events atomically, with their entries in the processing queue, in one transaction, once each:
 * `event_id` is unique per team, in the table (a unique key) and within the call (the first of two
 * equal keys is written, the second answers like a repeat). Concurrent writers of one key are
 * settled by the unique key: the loser reads the winner's row and answers from it.
 */
@Injectable()
export class EventWriter {
  constructor(
    private readonly database: SqlDatabase,
    private readonly events: EventRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  async write(pending: readonly PendingEvent[]): Promise<WriteOutcome[]> {
    const firstOfKey = new Map<string, number>();
    const rows: EventRowInput[] = [];
    const keys = pending.map((event) => keyOf(event.teamId, event.valid.event.external_event_id));
    pending.forEach((event, index) => {
      if (firstOfKey.has(keys[index])) return;
      firstOfKey.set(keys[index], rows.length);
      rows.push({
        teamId: event.teamId,
        brandId: event.brandId,
        valid: event.valid,
        receivedAt: event.receivedAt,
        uuid: randomUUID(),
      });
    });

    // The rows and their queue entries commit together: an acknowledged event is always queued.
    const { inserted, winners } = await this.database.transaction(async (session) => {
      const count = await this.events.insertNew(session, rows);
      if (count > 0) {
        const source = this.events.queueSourceOf(rows.map((row) => row.uuid));
        const queued = await this.queue.enqueueSelected(session, 'monitor', source);
        if (queued !== count) throw new Error(`Queued ${queued} of ${count} new events`);
      }
      // Every row went in: each key's winner is our own row.
      if (count === rows.length) return { inserted: count, winners: null };
      return { inserted: count, winners: await this.storedRowsOf(session, rows) };
    });
    this.queue.committed('monitor', inserted);

    return pending.map((event, index) => {
      const key = keys[index];
      const ours = rows[firstOfKey.get(key)!];
      if (winners && !winners.has(key)) {
        // Neither inserted nor found under its exact key: never answer a uuid that is not stored.
        throw new Error(
          `Event ${event.valid.event.external_event_id} was neither stored nor found`,
        );
      }
      const winner: StoredEventKey = winners?.get(key) ?? {
        uuid: ours.uuid,
        brandId: ours.brandId,
        externalEventId: ours.valid.event.external_event_id,
        contentHash: ours.valid.contentHash,
        receivedAt: ours.receivedAt,
      };
      // event_id is unique per team: another brand's event takes it too, but stays unseen.
      if (!ownsRow(event, winner.brandId)) return { kind: 'conflict', uuid: null };
      if (winner.contentHash !== event.valid.contentHash)
        return { kind: 'conflict', uuid: winner.uuid };
      return { kind: 'accepted', uuid: winner.uuid, receivedAt: winner.receivedAt };
    });
  }

  /** The row each key holds now, ours or an earlier one. */
  private async storedRowsOf(session: SqlSession, rows: EventRowInput[]) {
    const idsByTeam = new Map<number, string[]>();
    for (const row of rows) {
      const ids = idsByTeam.get(row.teamId) ?? [];
      ids.push(row.valid.event.external_event_id);
      idsByTeam.set(row.teamId, ids);
    }
    const stored = new Map<string, StoredEventKey>();
    for (const [teamId, ids] of idsByTeam) {
      for (const row of await this.events.findByExternalIds(session, teamId, ids)) {
        stored.set(keyOf(teamId, row.externalEventId), row);
      }
    }
    return stored;
  }
}

function keyOf(teamId: number, externalEventId: string): string {
  return `${teamId}\u0000${externalEventId}`;
}
