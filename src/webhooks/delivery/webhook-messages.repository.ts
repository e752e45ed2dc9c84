import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';

export type MessageStatus = 'pending' | 'paused' | 'succeeded' | 'failed';

export interface NewMessage {
  uuid: string;
  teamId: number;
  endpointId: string;
  eventType: string;
  subject: string | null;
  body: string | null;
  nextAttemptAt: string;
  createdAt: string;
  /** `pending` unless its endpoint is paused. */
  status?: 'pending' | 'paused';
}

/** A message as the dispatcher and the delivery log read it (times as database text). */
export interface WebhookMessage {
  id: string;
  uuid: string;
  teamId: number;
  endpointId: string;
  eventType: string;
  subject: string | null;
  body: string | null;
  status: MessageStatus;
  attempts: number;
  /** Sent again by hand: this attempt is its last. */
  resent: boolean;
  nextAttemptAt: string;
  createdAt: string;
  lastAttemptAt: string | null;
}

export interface AttemptRow {
  messageId: string;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseHead: string | null;
}

/** What a delivery's attempt changes of its message. */
export interface AttemptOutcome {
  status: MessageStatus;
  nextAttemptAt: string;
}

interface MessageRow {
  id: string | number;
  uuid: string;
  team_id: number;
  endpoint_id: string | number;
  event_type: string;
  subject: string | null;
  body: string | null;
  status: MessageStatus;
  attempts: number;
  resent: number | boolean;
  next_attempt_at: string;
  created_at: string;
  last_attempt_at: string | null;
}

/** The webhook outbox (webhook_messages) and its attempts (webhook_attempts). */
@Injectable()
export class WebhookMessagesRepository {
  async insert(session: SqlSession, messages: readonly NewMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await session.execute(
      'INSERT INTO webhook_messages (uuid, team_id, endpoint_id, event_type, subject, body, status, attempts, ' +
        `next_attempt_at, created_at, last_attempt_at) VALUES ${valuesClause(11, messages.length)}`,
      messages.flatMap((m) => [
        m.uuid,
        requireTeamId(m.teamId),
        m.endpointId,
        m.eventType,
        m.subject,
        m.body,
        m.status ?? 'pending',
        0,
        m.nextAttemptAt,
        m.createdAt,
        null,
      ]),
    );
  }

  /**
   * For coalescing `alert.updated`: per `endpointId|subject`, the latest such message's creation
   * and whether one is still waiting unrendered (it will show the alert as it is when sent).
   */
  async latestUpdates(
    session: SqlSession,
    endpointIds: readonly string[],
    subjects: readonly string[],
  ): Promise<Map<string, { latest: string; waiting: boolean }>> {
    const found = new Map<string, { latest: string; waiting: boolean }>();
    if (endpointIds.length === 0 || subjects.length === 0) return found;
    const rows = await session.select<{
      endpoint_id: string | number;
      subject: string;
      latest: string;
      waiting: number | string;
    }>(
      `SELECT endpoint_id, subject, ${session.dialect.timestampText('MAX(created_at)')} AS latest, ` +
        "SUM(CASE WHEN status = 'pending' AND body IS NULL THEN 1 ELSE 0 END) AS waiting " +
        `FROM webhook_messages WHERE endpoint_id IN (${placeholders(endpointIds.length)}) ` +
        `AND subject IN (${placeholders(subjects.length)}) AND event_type = 'alert.updated' ` +
        'GROUP BY endpoint_id, subject',
      [...endpointIds, ...subjects],
    );
    for (const row of rows) {
      found.set(`${row.endpoint_id}|${row.subject}`, {
        latest: row.latest,
        waiting: Number(row.waiting) > 0,
      });
    }
    return found;
  }

  /** Endpoints with messages due (`pending`, next attempt passed). */
  async endpointsDue(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    now: string,
  ): Promise<string[]> {
    // MySQL/MariaDB read one (endpoint, status) entry per endpoint of the endpoint index (a loose
    // index scan), however many messages are due: a backlog does not make every poll longer.
    // SQLite has no such scan: it reads the due messages, few on an embedded database.
    const rows = await session.select<{ endpoint_id: string | number }>(
      session.dialect.isSqlite
        ? "SELECT DISTINCT endpoint_id FROM webhook_messages WHERE status = 'pending' AND next_attempt_at <= ?"
        : "SELECT endpoint_id FROM webhook_messages WHERE status = 'pending' GROUP BY endpoint_id " +
            'HAVING MIN(next_attempt_at) <= ?',
      [now],
    );
    return rows.map((row) => String(row.endpoint_id));
  }

  /**
   * Claims up to `limit` due messages of each endpoint, oldest due first, skipping those another
   * instance is claiming: each is leased until `leaseUntil` (its next attempt moves there), so
   * that an instance that dies mid-attempt leaves it due again, never sent twice at once. One
   * read for every endpoint on MySQL/MariaDB (a locking SELECT per endpoint, in one UNION ALL),
   * then one UPDATE.
   */
  async claim(
    session: SqlSession,
    limits: readonly { endpointId: string; limit: number }[],
    now: string,
    leaseUntil: string,
  ): Promise<WebhookMessage[]> {
    if (limits.length === 0) return [];
    const oneEndpoint =
      `SELECT ${this.columns(session)} FROM webhook_messages WHERE endpoint_id = ? AND status = 'pending' ` +
      'AND next_attempt_at <= ? ORDER BY next_attempt_at, id';
    const rows: MessageRow[] = [];
    if (session.dialect.isSqlite) {
      // SQLite runs one writer at a time, in process: nothing to skip, no round trip to save.
      for (const { endpointId, limit } of limits) {
        rows.push(
          ...(await session.select<MessageRow>(`${oneEndpoint} LIMIT ${Number(limit)}`, [
            endpointId,
            now,
          ])),
        );
      }
    } else {
      rows.push(
        ...(await session.select<MessageRow>(
          limits
            .map(
              ({ limit }) =>
                `(${oneEndpoint} LIMIT ${Number(limit)} ${session.dialect.skipLocked})`,
            )
            .join(' UNION ALL '),
          limits.flatMap(({ endpointId }) => [endpointId, now]),
        )),
      );
    }
    if (rows.length === 0) return [];
    await session.execute(
      `UPDATE webhook_messages SET next_attempt_at = ? WHERE id IN (${placeholders(rows.length)})`,
      [leaseUntil, ...rows.map((row) => row.id)],
    );
    return rows.map(toMessage);
  }

  /**
   * Hands claimed messages back, due at `now`, unless their lease changed since (another
   * instance took them once it ran out).
   */
  async release(session: SqlSession, ids: readonly string[], leaseUntil: string, now: string) {
    if (ids.length === 0) return 0;
    return session.execute(
      `UPDATE webhook_messages SET next_attempt_at = ? WHERE id IN (${placeholders(ids.length)}) ` +
        "AND status = 'pending' AND next_attempt_at = ?",
      [now, ...ids, leaseUntil],
    );
  }

  /**
   * Stores a message's body, rendered at its first attempt, and the same body for the messages
   * written with it to the team's other endpoints (same type, subject and time: one rendering
   * for all). Answers the body the message keeps.
   */
  async setBody(session: SqlSession, message: WebhookMessage, body: string): Promise<string> {
    const stored = await session.execute(
      'UPDATE webhook_messages SET body = ? WHERE team_id = ? AND event_type = ? AND subject = ? ' +
        'AND created_at = ? AND body IS NULL',
      [body, message.teamId, message.eventType, message.subject, message.createdAt],
    );
    // Siblings are set together: if any was still without a body, this one was too.
    if (stored > 0) return body;
    const [row] = await session.select<{ body: string }>(
      'SELECT body FROM webhook_messages WHERE id = ?',
      [message.id],
    );
    return row.body;
  }

  /**
   * `setBody` for many messages in two statements: each body is stored for its message and the
   * message's siblings that have none yet; answers the body each of `messages` keeps (another
   * instance may have stored its own rendering first).
   */
  async setBodies(
    session: SqlSession,
    rendered: readonly { message: WebhookMessage; body: string }[],
  ): Promise<Map<string, string>> {
    const kept = new Map<string, string>();
    if (rendered.length === 0) return kept;
    const sibling = '(team_id = ? AND event_type = ? AND subject = ? AND created_at = ?)';
    const keyOf = ({ message: m }: (typeof rendered)[number]) => [
      m.teamId,
      m.eventType,
      m.subject,
      m.createdAt,
    ];
    await session.execute(
      `UPDATE webhook_messages SET body = CASE ${rendered.map(() => `WHEN ${sibling} THEN ?`).join(' ')} END ` +
        `WHERE body IS NULL AND (${rendered.map(() => sibling).join(' OR ')})`,
      [...rendered.flatMap((r) => [...keyOf(r), r.body]), ...rendered.flatMap(keyOf)],
    );
    const ids = rendered.map((r) => r.message.id);
    const rows = await session.select<{ id: string | number; body: string | null }>(
      `SELECT id, body FROM webhook_messages WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
    for (const row of rows) if (row.body !== null) kept.set(String(row.id), row.body);
    return kept;
  }

  /** Records an attempt and what it changes of its message, in one transaction. */
  async recordAttempt(
    session: SqlSession,
    attempt: AttemptRow,
    outcome: AttemptOutcome,
  ): Promise<void> {
    await session.execute(
      'INSERT INTO webhook_attempts (message_id, at, status_code, latency_ms, error, response_head) ' +
        'VALUES (?, ?, ?, ?, ?, ?)',
      [
        attempt.messageId,
        attempt.at,
        attempt.statusCode,
        attempt.latencyMs,
        attempt.error,
        attempt.responseHead,
      ],
    );
    await session.execute(
      'UPDATE webhook_messages SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ? ' +
        "WHERE id = ? AND status = 'pending'",
      [outcome.status, outcome.nextAttemptAt, attempt.at, attempt.messageId],
    );
  }

  /**
   * Records successful attempts of several messages at once: their attempt rows in one INSERT,
   * the messages marked succeeded in one UPDATE (each with its attempt's time).
   */
  async recordSuccesses(session: SqlSession, attempts: readonly AttemptRow[]): Promise<void> {
    if (attempts.length === 0) return;
    await session.execute(
      'INSERT INTO webhook_attempts (message_id, at, status_code, latency_ms, error, response_head) ' +
        `VALUES ${valuesClause(6, attempts.length)}`,
      attempts.flatMap((a) => [a.messageId, a.at, a.statusCode, a.latencyMs, null, a.responseHead]),
    );
    const atOf = `CASE id ${attempts.map(() => 'WHEN ? THEN ?').join(' ')} END`;
    const times = attempts.flatMap((a) => [a.messageId, a.at]);
    await session.execute(
      `UPDATE webhook_messages SET status = 'succeeded', attempts = attempts + 1, next_attempt_at = ${atOf}, ` +
        `last_attempt_at = ${atOf} WHERE id IN (${placeholders(attempts.length)}) AND status = 'pending'`,
      [...times, ...times, ...attempts.map((a) => a.messageId)],
    );
  }

  /** Moves an endpoint's messages from one status to another (pause, resume, give up). */
  async moveAll(
    session: SqlSession,
    endpointId: string,
    from: MessageStatus,
    to: MessageStatus,
    nextAttemptAt: string,
  ): Promise<number> {
    return session.execute(
      'UPDATE webhook_messages SET status = ?, next_attempt_at = ? WHERE endpoint_id = ? AND status = ?',
      [to, nextAttemptAt, endpointId, from],
    );
  }

  /** An endpoint's messages, newest first, with their attempts. */
  async page(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    endpointId: string,
    filter: { status?: MessageStatus; since?: string; until?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: (WebhookMessage & { attemptList: AttemptRow[] })[]; total: number }> {
    const where = ['endpoint_id = ?'];
    const params: unknown[] = [endpointId];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.since) {
      where.push('created_at >= ?');
      params.push(filter.since);
    }
    if (filter.until) {
      where.push('created_at < ?');
      params.push(filter.until);
    }
    const rows = await session.select<MessageRow>(
      `SELECT ${this.columns(session)} FROM webhook_messages WHERE ${where.join(' AND ')} ` +
        `ORDER BY id DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      params,
    );
    const [{ total }] = await session.select<{ total: number | string }>(
      `SELECT COUNT(*) AS total FROM webhook_messages WHERE ${where.join(' AND ')}`,
      params,
    );
    const attempts = await this.attemptsOf(
      session,
      rows.map((row) => String(row.id)),
    );
    return {
      items: rows.map((row) => ({
        ...toMessage(row),
        attemptList: attempts.get(String(row.id)) ?? [],
      })),
      total: Number(total),
    };
  }

  /** One of the endpoint's messages, by its uuid (locked, to send it again). */
  async findOf(
    session: SqlSession,
    endpointId: string,
    uuid: string,
  ): Promise<WebhookMessage | null> {
    const rows = await session.select<MessageRow>(
      `SELECT ${this.columns(session)} FROM webhook_messages WHERE endpoint_id = ? AND uuid = ? ${session.dialect.forUpdate}`,
      [endpointId, uuid.toLowerCase()],
    );
    return rows.length === 0 ? null : toMessage(rows[0]);
  }

  /**
   * Sends messages again (`pending`, or `paused` when the endpoint is off): those given, or the
   * endpoint's made in [since, until) that are not waiting already (only `failed` ones when
   * asked), due now in the order they were made. Answers how many.
   */
  async requeue(
    session: SqlSession,
    endpointId: string,
    select: { ids?: readonly string[]; since?: string; until?: string; onlyFailed?: boolean },
    to: 'pending' | 'paused',
    now: string,
  ): Promise<number> {
    const where = ['endpoint_id = ?', "status IN ('succeeded', 'failed')"];
    const params: unknown[] = [endpointId];
    if (select.ids) {
      if (select.ids.length === 0) return 0;
      where.push(`id IN (${placeholders(select.ids.length)})`);
      params.push(...select.ids);
    }
    if (select.since) {
      where.push('created_at >= ?');
      params.push(select.since);
    }
    if (select.until) {
      where.push('created_at < ?');
      params.push(select.until);
    }
    if (select.onlyFailed) where.push("status = 'failed'");
    return session.execute(
      `UPDATE webhook_messages SET status = ?, next_attempt_at = ?, resent = 1 WHERE ${where.join(' AND ')}`,
      [to, now, ...params],
    );
  }

  /**
   * The outbox's backlog, for /metrics: messages waiting (`pending`, `paused`), the earliest next
   * attempt of the pending ones (in the past: the dispatchers are behind), and the endpoints that
   * are on and failing (every attempt failed since `failing_since`).
   */
  async backlog(
    on: Pick<SqlSession, 'select' | 'dialect'>,
  ): Promise<{ pending: number; paused: number; earliestDue: string | null; failing: number }> {
    const rows = await on.select<{ status: string; n: number | string; due: string | null }>(
      `SELECT status, COUNT(*) AS n, ${on.dialect.timestampText('MIN(next_attempt_at)')} AS due ` +
        "FROM webhook_messages WHERE status IN ('pending', 'paused') GROUP BY status",
    );
    const [endpoints] = await on.select<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM webhook_endpoints WHERE active = 1 AND failing_since IS NOT NULL',
    );
    const of = (status: string) => rows.find((row) => row.status === status);
    return {
      pending: Number(of('pending')?.n ?? 0),
      paused: Number(of('paused')?.n ?? 0),
      earliestDue: of('pending')?.due ?? null,
      failing: Number(endpoints.n),
    };
  }

  /** Deletes up to `limit` messages made before `before` that wait no more, with their attempts. */
  async purge(session: SqlSession, before: string, limit: number): Promise<number> {
    const rows = await session.select<{ id: string | number }>(
      "SELECT id FROM webhook_messages WHERE created_at < ? AND status IN ('succeeded', 'failed') " +
        `ORDER BY created_at LIMIT ${Number(limit)}`,
      [before],
    );
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    await session.execute(
      `DELETE FROM webhook_attempts WHERE message_id IN (${placeholders(ids.length)})`,
      ids,
    );
    return session.execute(
      `DELETE FROM webhook_messages WHERE id IN (${placeholders(ids.length)})`,
      ids,
    );
  }

  /** Deletes an endpoint's messages and their attempts. */
  async removeOf(session: SqlSession, endpointId: string): Promise<void> {
    await session.execute(
      'DELETE FROM webhook_attempts WHERE message_id IN (SELECT id FROM webhook_messages WHERE endpoint_id = ?)',
      [endpointId],
    );
    await session.execute('DELETE FROM webhook_messages WHERE endpoint_id = ?', [endpointId]);
  }

  private async attemptsOf(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    messageIds: readonly string[],
  ): Promise<Map<string, AttemptRow[]>> {
    const attempts = new Map<string, AttemptRow[]>();
    if (messageIds.length === 0) return attempts;
    const rows = await session.select<{
      message_id: string | number;
      at: string;
      status_code: number | null;
      latency_ms: number;
      error: string | null;
      response_head: string | null;
    }>(
      `SELECT message_id, ${session.dialect.timestampText('at')} AS at, status_code, latency_ms, error, response_head ` +
        `FROM webhook_attempts WHERE message_id IN (${placeholders(messageIds.length)}) ORDER BY id`,
      messageIds,
    );
    for (const row of rows) {
      const list = attempts.get(String(row.message_id)) ?? [];
      list.push({
        messageId: String(row.message_id),
        at: row.at,
        statusCode: row.status_code === null ? null : Number(row.status_code),
        latencyMs: Number(row.latency_ms),
        error: row.error,
        responseHead: row.response_head,
      });
      attempts.set(String(row.message_id), list);
    }
    return attempts;
  }

  private columns(session: Pick<SqlSession, 'dialect'>): string {
    const time = (column: string) => `${session.dialect.timestampText(column)} AS ${column}`;
    return [
      'id',
      'uuid',
      'team_id',
      'endpoint_id',
      'event_type',
      'subject',
      'body',
      'status',
      'attempts',
      'resent',
      time('next_attempt_at'),
      time('created_at'),
      time('last_attempt_at'),
    ].join(', ');
  }
}

const toMessage = (row: MessageRow): WebhookMessage => ({
  id: String(row.id),
  uuid: row.uuid,
  teamId: Number(row.team_id),
  endpointId: String(row.endpoint_id),
  eventType: row.event_type,
  subject: row.subject,
  body: row.body,
  status: row.status,
  attempts: Number(row.attempts),
  resent: Boolean(Number(row.resent)),
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
});
