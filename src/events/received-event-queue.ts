import { Injectable } from '@nestjs/common';
import type { MicroTime } from '../common/time/micro-time';
import type { SqlSession } from '../database/sql-database';
import { SqlDatabase } from '../database/sql-database';
import { placeholders } from '../database/sql-dialect';
import { ReceivedEventsSignal } from './received-events.signal';

/** A received event as the processing steps see it. */
export interface ClaimedEvent {
  id: string;
  teamId: number;
  externalEventId: string;
  eventType: string;
  /** `YYYY-MM-DD HH:MM:SS.ffffff`, UTC. */
  eventTime: string;
  amount: number;
  currency: string;
  playerExternalId: string;
  playerPhone: string | null;
  playerCountry: string | null;
  playerKycLevel: number | null;
}

interface ClaimedRow {
  id: string | number;
  team_id: number;
  external_event_id: string;
  event_type: string;
  event_time: string;
  amount: string | number;
  currency: string;
  player_external_id: string;
  player_phone: string | null;
  player_country: string | null;
  player_kyc_level: number | null;
}

/**
 * The events waiting for processing, for the worker. Claims lock the rows until the claiming
 * transaction ends (`SKIP LOCKED`: several workers take different events); a crash rolls the
 * claim back and the events wait again.
 */
@Injectable()
export class ReceivedEventQueue {
  constructor(
    private readonly database: SqlDatabase,
    private readonly signal: ReceivedEventsSignal,
  ) {}

  /** The oldest RECEIVED events no other transaction holds, locked until `session` ends. */
  async claim(session: SqlSession, limit: number): Promise<ClaimedEvent[]> {
    const rows = await session.select<ClaimedRow>(
      `SELECT id, team_id, external_event_id, event_type, ${session.dialect.timestampText('event_time')} AS event_time, ` +
        'amount, currency, player_external_id, player_phone, player_country, player_kyc_level ' +
        `FROM events WHERE status = 'RECEIVED' ORDER BY id LIMIT ? ${session.dialect.skipLocked}`,
      [limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      teamId: Number(row.team_id),
      externalEventId: row.external_event_id,
      eventType: row.event_type,
      eventTime: row.event_time,
      amount: Number(row.amount),
      currency: row.currency,
      playerExternalId: row.player_external_id,
      playerPhone: row.player_phone,
      playerCountry: row.player_country,
      playerKycLevel: row.player_kyc_level === null ? null : Number(row.player_kyc_level),
    }));
  }

  async markProcessed(session: SqlSession, ids: readonly string[], at: MicroTime): Promise<void> {
    const changed = await session.execute(
      `UPDATE events SET status = 'PROCESSED', processed_at = ? WHERE status = 'RECEIVED' AND id IN (${placeholders(ids.length)})`,
      [at.toDatabaseText(), ...ids],
    );
    // The rows are locked by this transaction: anything else means a second worker got them.
    if (changed !== ids.length)
      throw new Error(`Expected to mark ${ids.length} events processed, marked ${changed}`);
  }

  /**
   * Counts a failed attempt at one event; at the last one the event is FAILED and leaves the
   * queue. Returns whether it failed for good.
   */
  async recordFailure(
    id: string,
    reason: string,
    maxAttempts: number,
    at: MicroTime,
  ): Promise<boolean> {
    return this.database.transaction(async (session) => {
      // `status` and `processed_at` come first: MySQL evaluates assignments left to right.
      await session.execute(
        `UPDATE events SET status = CASE WHEN failed_attempts + 1 >= ? THEN 'FAILED' ELSE status END, ` +
          'processed_at = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE processed_at END, ' +
          "failed_attempts = failed_attempts + 1, last_error = ? WHERE id = ? AND status = 'RECEIVED'",
        [maxAttempts, maxAttempts, at.toDatabaseText(), reason.slice(0, 500), id],
      );
      const [row] = await session.select<{ status: string }>(
        'SELECT status FROM events WHERE id = ?',
        [id],
      );
      return row?.status === 'FAILED';
    });
  }

  /** Calls `listener` when this instance has committed new events. Returns the unsubscriber. */
  onReceived(listener: () => void): () => void {
    return this.signal.subscribe(listener);
  }
}
