import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import { bodyOf } from './webhook-payloads';
import { WebhookMessagesRepository, type NewMessage } from './webhook-messages.repository';

/** New hits on an alert are told at most this often (`alert.updated`, coalesced). */
export const HIT_UPDATE_INTERVAL_MS = 60_000;

/**
 * Writes webhook messages in the caller's transaction (the transactional outbox): what commits
 * with an alert's creation or change is delivered, what rolls back with it never is. A message
 * per endpoint of the team that receives its type.
 */
@Injectable()
export class WebhookOutbox {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly messages: WebhookMessagesRepository,
  ) {}

  /**
   * What changed of a team's alerts: `alert.created` for new ones, `alert.updated` at once for a
   * change of status, assignee or severity, and for new hits at most once a minute per alert and
   * endpoint (none while one is still waiting to be sent: it will show the alert as it is then;
   * else one due a minute after the previous).
   */
  async alertChanges(
    session: SqlSession,
    teamId: number,
    changes: { created?: readonly string[]; updated?: readonly string[]; hit?: readonly string[] },
  ): Promise<void> {
    const { created = [], updated = [], hit = [] } = changes;
    if (created.length + updated.length + hit.length === 0) return;
    const endpoints = await this.endpoints.activeOf(session, teamId);
    if (endpoints.length === 0) return;
    const receiving = (type: string) =>
      endpoints
        .filter((e) => e.eventTypes.includes('*') || e.eventTypes.includes(type))
        .map((e) => e.id);
    const now = MicroTime.now();
    const at = now.toDatabaseText();
    const rows: NewMessage[] = [];
    for (const [type, uuids] of [
      ['alert.created', created],
      ['alert.updated', updated],
    ] as const) {
      for (const endpointId of uuids.length > 0 ? receiving(type) : []) {
        for (const subject of uuids)
          rows.push(message(teamId, endpointId, type, subject, null, at, at));
      }
    }
    const updating = hit.length > 0 ? receiving('alert.updated') : [];
    const latest = await this.messages.latestUpdates(session, updating, hit);
    for (const endpointId of updating) {
      for (const subject of hit) {
        const known = latest.get(`${endpointId}|${subject}`);
        if (known?.waiting) continue;
        const due = known
          ? Math.max(
              now.micros,
              MicroTime.fromDatabaseText(known.latest).micros + HIT_UPDATE_INTERVAL_MS * 1000,
            )
          : now.micros;
        rows.push(
          message(
            teamId,
            endpointId,
            'alert.updated',
            subject,
            null,
            MicroTime.fromMicros(due).toDatabaseText(),
            at,
          ),
        );
      }
    }
    await this.write(session, rows);
  }

  /** Calls `listener` whenever messages written here have committed (the dispatcher's wake-up). */
  onWritten(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** The team's active endpoints that receive this type. */
  async receiving(session: SqlSession, teamId: number, type: string): Promise<string[]> {
    return (await this.endpoints.activeOf(session, teamId))
      .filter((e) => e.eventTypes.includes('*') || e.eventTypes.includes(type))
      .map((e) => e.id);
  }

  /** A message whose body is known now (`ping`, `endpoint.disabled`), to these endpoints. */
  async send(
    session: SqlSession,
    teamId: number,
    endpointIds: readonly string[],
    type: string,
    data: unknown,
    status: 'pending' | 'paused' = 'pending',
  ): Promise<string[]> {
    const now = MicroTime.now();
    const rows = endpointIds.map((endpointId) => ({
      ...message(
        teamId,
        endpointId,
        type,
        null,
        bodyOf(type, now.toIso(), data),
        now.toDatabaseText(),
        now.toDatabaseText(),
      ),
      status,
    }));
    await this.write(session, rows);
    return rows.map((row) => row.uuid);
  }

  private async write(session: SqlSession, rows: readonly NewMessage[]): Promise<void> {
    if (rows.length === 0) return;
    await this.messages.insert(session, rows);
    session.afterCommit(() => {
      for (const listener of this.listeners) listener();
    });
  }
}

const message = (
  teamId: number,
  endpointId: string,
  eventType: string,
  subject: string | null,
  body: string | null,
  nextAttemptAt: string,
  createdAt: string,
): NewMessage => ({
  uuid: randomUUID(),
  teamId,
  endpointId,
  eventType,
  subject,
  body,
  nextAttemptAt,
  createdAt,
});
