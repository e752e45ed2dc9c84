import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import { hasSurroundingSpaces } from '../../common/text/well-formed';

/** An endpoint as stored (times `YYYY-MM-DD HH:MM:SS.ffffff`, UTC). */
export interface WebhookEndpoint {
  id: string;
  uuid: string;
  teamId: number;
  url: string;
  description: string | null;
  eventTypes: string[];
  rateLimit: number | null;
  active: boolean;
  disabledReason: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a change may set; absent fields are left as they are. */
export type EndpointChanges = Partial<
  Pick<
    WebhookEndpoint,
    | 'url'
    | 'description'
    | 'eventTypes'
    | 'rateLimit'
    | 'active'
    | 'disabledReason'
    | 'failingSince'
    | 'secret'
    | 'previousSecret'
    | 'previousSecretUntil'
  >
>;

interface EndpointRow {
  id: string | number;
  uuid: string;
  team_id: number;
  url: string;
  description: string | null;
  event_types: string;
  rate_limit: number | null;
  active: number | boolean;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS: Record<keyof EndpointChanges, string> = {
  url: 'url',
  description: 'description',
  eventTypes: 'event_types',
  rateLimit: 'rate_limit',
  active: 'active',
  disabledReason: 'disabled_reason',
  failingSince: 'failing_since',
  secret: 'secret',
  previousSecret: 'previous_secret',
  previousSecretUntil: 'previous_secret_until',
};

const stored = (field: keyof EndpointChanges, value: unknown) =>
  field === 'eventTypes' ? JSON.stringify(value) : field === 'active' ? (value ? 1 : 0) : value;

/** The teams' webhook endpoints; every read and write is scoped to a team. */
@Injectable()
export class WebhookEndpointsRepository {
  async insert(
    session: SqlSession,
    endpoint: Omit<
      WebhookEndpoint,
      'id' | 'disabledReason' | 'previousSecret' | 'previousSecretUntil' | 'failingSince'
    >,
  ): Promise<void> {
    await session.execute(
      'INSERT INTO webhook_endpoints (uuid, team_id, url, description, event_types, rate_limit, active, ' +
        'disabled_reason, secret, previous_secret, previous_secret_until, failing_since, created_at, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, NULL, ?, ?)',
      [
        endpoint.uuid,
        requireTeamId(endpoint.teamId),
        endpoint.url,
        endpoint.description,
        JSON.stringify(endpoint.eventTypes),
        endpoint.rateLimit,
        endpoint.active ? 1 : 0,
        endpoint.secret,
        endpoint.createdAt,
        endpoint.updatedAt,
      ],
    );
  }

  async find(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    uuid: string,
    lock = false,
  ): Promise<WebhookEndpoint | null> {
    if (hasSurroundingSpaces(uuid)) return null;
    const rows = await session.select<EndpointRow>(
      `SELECT ${this.columns(session)} FROM webhook_endpoints WHERE team_id = ? AND uuid = ? ${lock ? session.dialect.forUpdate : ''}`,
      [requireTeamId(teamId), uuid.toLowerCase()],
    );
    return rows.length === 0 ? null : toEndpoint(rows[0]);
  }

  /** The team's active endpoints with the event types each receives (`*`: every type). */
  async activeOf(
    session: Pick<SqlSession, 'select'>,
    teamId: number,
  ): Promise<{ id: string; eventTypes: string[] }[]> {
    const rows = await session.select<{ id: string | number; event_types: string }>(
      'SELECT id, event_types FROM webhook_endpoints WHERE team_id = ? AND active = ? ORDER BY id',
      [requireTeamId(teamId), 1],
    );
    return rows.map((row) => ({
      id: String(row.id),
      eventTypes: JSON.parse(row.event_types) as string[],
    }));
  }

  /** Endpoints by id, any team (the dispatcher's read for what it claimed). */
  async byIds(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    ids: readonly string[],
  ): Promise<Map<string, WebhookEndpoint>> {
    if (ids.length === 0) return new Map();
    const rows = await session.select<EndpointRow>(
      `SELECT ${this.columns(session)} FROM webhook_endpoints WHERE id IN (${placeholders(ids.length)})`,
      [...ids],
    );
    return new Map(rows.map((row) => [String(row.id), toEndpoint(row)]));
  }

  /** A page of the team's endpoints, newest first, and how many it has. */
  async page(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    offset: number,
    limit: number,
  ): Promise<{ items: WebhookEndpoint[]; total: number }> {
    const team = requireTeamId(teamId);
    const rows = await session.select<EndpointRow>(
      `SELECT ${this.columns(session)} FROM webhook_endpoints WHERE team_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`,
      [team, limit, offset],
    );
    return { items: rows.map(toEndpoint), total: await this.countOf(session, team) };
  }

  private async countOf(session: Pick<SqlSession, 'select'>, teamId: number): Promise<number> {
    const [{ total }] = await session.select<{ total: number | string }>(
      'SELECT COUNT(*) AS total FROM webhook_endpoints WHERE team_id = ?',
      [requireTeamId(teamId)],
    );
    return Number(total);
  }

  /**
   * How many endpoints the team has, its rows locked until the transaction ends: two creations
   * of one team at once count one after the other (on SQLite a transaction is alone anyway).
   */
  async countLocked(session: SqlSession, teamId: number): Promise<number> {
    const rows = await session.select<{ id: string }>(
      `SELECT id FROM webhook_endpoints WHERE team_id = ? ${session.dialect.forUpdate}`,
      [requireTeamId(teamId)],
    );
    return rows.length;
  }

  async update(
    session: SqlSession,
    teamId: number,
    id: string,
    changes: EndpointChanges,
    now: string,
  ): Promise<void> {
    const fields = (Object.keys(changes) as (keyof EndpointChanges)[]).filter(
      (field) => changes[field] !== undefined,
    );
    await session.execute(
      `UPDATE webhook_endpoints SET ${[...fields.map((f) => `${COLUMNS[f]} = ?`), 'updated_at = ?'].join(', ')} ` +
        'WHERE team_id = ? AND id = ?',
      [...fields.map((f) => stored(f, changes[f])), now, requireTeamId(teamId), id],
    );
  }

  async remove(session: SqlSession, teamId: number, uuid: string): Promise<boolean> {
    const removed = await session.execute(
      'DELETE FROM webhook_endpoints WHERE team_id = ? AND uuid = ?',
      [requireTeamId(teamId), uuid.toLowerCase()],
    );
    return removed > 0;
  }

  private columns(session: Pick<SqlSession, 'dialect'>): string {
    const time = (column: string) => `${session.dialect.timestampText(column)} AS ${column}`;
    return [
      'id',
      'uuid',
      'team_id',
      'url',
      'description',
      'event_types',
      'rate_limit',
      'active',
      'disabled_reason',
      'secret',
      'previous_secret',
      time('previous_secret_until'),
      time('failing_since'),
      time('created_at'),
      time('updated_at'),
    ].join(', ');
  }
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: String(row.id),
  uuid: row.uuid,
  teamId: Number(row.team_id),
  url: row.url,
  description: row.description,
  eventTypes: JSON.parse(row.event_types) as string[],
  rateLimit: row.rate_limit === null ? null : Number(row.rate_limit),
  active: Boolean(Number(row.active)),
  disabledReason: row.disabled_reason,
  secret: row.secret,
  previousSecret: row.previous_secret,
  previousSecretUntil: row.previous_secret_until,
  failingSince: row.failing_since,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
