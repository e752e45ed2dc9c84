import { SEVERITIES } from '../engine/rule-settings';
import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { placeholders, valuesClause } from '../../database/sql-dialect';
import { requireTeamId } from '../../tenancy/tenant-scope';
import type { AlertStatus } from './alert-status';
import { hasSurroundingSpaces } from '../../common/text/well-formed';

type Num = number | string;

/** An alert as stored, times as `YYYY-MM-DD HH:MM:SS.ffffff`. */
export interface AlertRecord {
  id: string;
  uuid: string;
  teamId: number;
  playerId: number;
  playerExternalId: string;
  ruleCode: string;
  ruleVersion: number;
  severity: string;
  status: AlertStatus;
  assignee: string | null;
  /** The latest hit's figures, JSON. */
  reason: string;
  hitCount: number;
  firstHitAt: string;
  lastHitAt: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface NewAlert {
  uuid: string;
  teamId: number;
  playerId: number;
  ruleCode: string;
  ruleVersion: number;
  severity: string;
  reason: string;
  hitCount: number;
  firstHitAt: string;
  lastHitAt: string;
  now: string;
}

export interface AlertHitRow {
  alertId: string;
  teamId: number;
  stream: string;
  eventId: string;
  eventRef: string;
  eventTime: string;
  severity: string;
  figures: string;
  createdAt: string;
}

export interface AuditRow {
  alertId: string;
  at: string;
  actorKind: string;
  actorId: string;
  action: 'created' | 'updated';
  fromStatus: string | null;
  toStatus: string | null;
  assignee: string | null;
  note: string | null;
}

export interface AlertFilters {
  statuses?: string[];
  severities?: string[];
  rules?: string[];
  playerExternalId?: string;
  assignee?: string;
  /** Whether an alert has an assignee at all. */
  assigned?: boolean;
  from?: string;
  to?: string;
}

export type AlertSort = 'created_at' | 'last_hit_at' | 'severity';

/** A hit as an alert shows it, with the operator's own id of its event (null once purged). */
export type HitItem = AlertHitRow & { id: string; operatorRef: string | null };

interface HitRow {
  id: Num;
  alert_id: Num;
  team_id: Num;
  stream: string;
  event_id: Num;
  event_ref: string;
  operator_ref: string | null;
  event_time: string;
  severity: string;
  figures: string;
  created_at: string;
}

interface AlertRow {
  id: Num;
  uuid: string;
  team_id: Num;
  player_id: Num;
  external_id: string;
  rule_code: string;
  rule_version: Num;
  severity: string;
  status: AlertStatus;
  assignee: string | null;
  reason: string;
  hit_count: Num;
  first_hit_at: string;
  last_hit_at: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

const toRecord = (row: AlertRow): AlertRecord => ({
  id: String(row.id),
  uuid: row.uuid,
  teamId: Number(row.team_id),
  playerId: Number(row.player_id),
  playerExternalId: row.external_id,
  ruleCode: row.rule_code,
  ruleVersion: Number(row.rule_version),
  severity: row.severity,
  status: row.status,
  assignee: row.assignee,
  reason: row.reason,
  hitCount: Number(row.hit_count),
  firstHitAt: row.first_hit_at,
  lastHitAt: row.last_hit_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
});

/** Alerts, their hits and their audit trail. Every read is scoped to a team. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly database: SqlDatabase) {}

  private columns({ dialect }: { dialect: SqlDatabase['dialect'] }): string {
    const t = (c: string) => `${dialect.timestampText(`a.${c}`)} AS ${c}`;
    return (
      'a.id, a.uuid, a.team_id, a.player_id, p.external_id, a.rule_code, a.rule_version, a.severity, a.status, ' +
      `a.assignee, a.reason, a.hit_count, ${t('first_hit_at')}, ${t('last_hit_at')}, ${t('created_at')}, ` +
      `${t('updated_at')}, ${t('closed_at')} FROM alerts a JOIN players p ON p.id = a.player_id`
    );
  }

  /**
   * The players' OPEN or ACKNOWLEDGED alerts; with `lock`, locked until the transaction ends (an
   * analyst's change then waits for the hits being added, and cannot close one under them).
   */
  async activeFor(
    session: Pick<SqlSession, 'select' | 'dialect'>,
    teamId: number,
    playerIds: readonly number[],
    lock = false,
  ): Promise<AlertRecord[]> {
    if (playerIds.length === 0) return [];
    const rows = await session.select<AlertRow>(
      `SELECT ${this.columns(session)} WHERE a.team_id = ? AND a.player_id IN (${placeholders(playerIds.length)}) ` +
        `AND a.status IN ('OPEN', 'ACKNOWLEDGED') ORDER BY a.id ${lock ? session.dialect.forUpdate : ''}`,
      [requireTeamId(teamId), ...playerIds],
    );
    return rows.map(toRecord);
  }

  /**
   * Opens alerts, in one statement; returns their ids by uuid.
   */
  async insertMany(session: SqlSession, alerts: readonly NewAlert[]): Promise<Map<string, string>> {
    if (alerts.length === 0) return new Map();
    const row = "(?, ?, ?, ?, ?, ?, 'OPEN', NULL, ?, ?, ?, ?, ?, ?, NULL)";
    await session.execute(
      'INSERT INTO alerts (uuid, team_id, player_id, rule_code, rule_version, severity, status, assignee, reason, ' +
        `hit_count, first_hit_at, last_hit_at, created_at, updated_at, closed_at) VALUES ${alerts.map(() => row).join(', ')}`,
      alerts.flatMap((a) => [
        a.uuid,
        requireTeamId(a.teamId),
        a.playerId,
        a.ruleCode,
        a.ruleVersion,
        a.severity,
        a.reason,
        a.hitCount,
        a.firstHitAt,
        a.lastHitAt,
        a.now,
        a.now,
      ]),
    );
    const rows = await session.select<{ id: Num; uuid: string }>(
      `SELECT id, uuid FROM alerts WHERE uuid IN (${placeholders(alerts.length)})`,
      alerts.map((a) => a.uuid),
    );
    return new Map(rows.map((r) => [r.uuid, String(r.id)]));
  }

  /**
   * Adds hits to alerts locked by `activeFor`, in one statement (an upsert on the primary key:
   * every row exists, only the hit columns change).
   */
  async joinMany(
    session: SqlSession,
    joins: readonly (NewAlert & { id: string })[],
  ): Promise<void> {
    if (joins.length === 0) return;
    const { dialect } = session;
    const sql = dialect.upsert(
      'alerts',
      [
        'id',
        'uuid',
        'team_id',
        'player_id',
        'rule_code',
        'rule_version',
        'severity',
        'status',
        'reason',
        'hit_count',
        'first_hit_at',
        'last_hit_at',
        'created_at',
        'updated_at',
      ],
      joins.length,
      ['id'],
      {
        hit_count: (old, offered) => `${old('hit_count')} + ${offered('hit_count')}`,
        // The caller read the row locked (`activeFor`): it offers the span and reason to keep.
        first_hit_at: (_old, offered) => offered('first_hit_at'),
        last_hit_at: (_old, offered) => offered('last_hit_at'),
        reason: (_old, offered) => offered('reason'),
        severity: (_old, offered) => offered('severity'),
        updated_at: (_old, offered) => offered('updated_at'),
      },
    );
    await session.execute(
      sql,
      joins.flatMap((a) => [
        a.id,
        a.uuid,
        requireTeamId(a.teamId),
        a.playerId,
        a.ruleCode,
        a.ruleVersion,
        a.severity,
        'OPEN',
        a.reason,
        a.hitCount,
        a.firstHitAt,
        a.lastHitAt,
        a.now,
        a.now,
      ]),
    );
  }

  async insertHits(session: SqlSession, hits: readonly AlertHitRow[]): Promise<void> {
    if (hits.length === 0) return;
    await session.execute(
      'INSERT INTO alert_hits (alert_id, team_id, stream, event_id, event_ref, event_time, severity, figures, created_at) ' +
        `VALUES ${valuesClause(9, hits.length)}`,
      hits.flatMap((h) => [
        h.alertId,
        requireTeamId(h.teamId),
        h.stream,
        h.eventId,
        h.eventRef,
        h.eventTime,
        h.severity,
        h.figures,
        h.createdAt,
      ]),
    );
  }

  async insertAudit(session: SqlSession, rows: readonly AuditRow[]): Promise<void> {
    if (rows.length === 0) return;
    await session.execute(
      'INSERT INTO alert_audit (alert_id, at, actor_kind, actor_id, action, from_status, to_status, assignee, note) ' +
        `VALUES ${valuesClause(9, rows.length)}`,
      rows.flatMap((r) => [
        r.alertId,
        r.at,
        r.actorKind,
        r.actorId,
        r.action,
        r.fromStatus,
        r.toStatus,
        r.assignee,
        r.note,
      ]),
    );
  }

  /** A team's alerts by uuid (those it has). */
  /**
   * The team's alerts created since `since`, counted per hour (UTC, `YYYY-MM-DD HH`), rule and
   * severity: read along the (team, created_at) index.
   */
  async countByHour(
    teamId: number,
    since: string,
  ): Promise<{ hour: string; ruleCode: string; severity: string; alerts: number }[]> {
    const hour = this.database.dialect.isSqlite
      ? 'substr(created_at, 1, 13)'
      : "DATE_FORMAT(created_at, '%Y-%m-%d %H')";
    const rows = await this.database.select<{
      hour: string;
      rule_code: string;
      severity: string;
      n: number | string;
    }>(
      `SELECT ${hour} AS hour, rule_code, severity, COUNT(*) AS n FROM alerts ` +
        'WHERE team_id = ? AND created_at >= ? GROUP BY hour, rule_code, severity ORDER BY hour',
      [requireTeamId(teamId), since],
    );
    return rows.map((row) => ({
      hour: row.hour,
      ruleCode: row.rule_code,
      severity: row.severity,
      alerts: Number(row.n),
    }));
  }

  async findByUuids(
    teamId: number,
    sent: readonly string[],
    on: SqlSession | SqlDatabase = this.database,
  ): Promise<AlertRecord[]> {
    // Ours are lower case; RFC 9562 reads either case.
    const uuids = sent.filter((uuid) => !hasSurroundingSpaces(uuid)).map((u) => u.toLowerCase());
    if (uuids.length === 0) return [];
    const rows = await on.select<AlertRow>(
      `SELECT ${this.columns(on)} WHERE a.team_id = ? AND a.uuid IN (${placeholders(uuids.length)})`,
      [requireTeamId(teamId), ...uuids],
    );
    return rows.map(toRecord);
  }

  async findByUuid(
    teamId: number,
    uuid: string,
    session?: SqlSession,
  ): Promise<AlertRecord | null> {
    if (hasSurroundingSpaces(uuid)) return null;
    const on = session ?? this.database;
    const [row] = await on.select<AlertRow>(
      `SELECT ${this.columns(on)} WHERE a.team_id = ? AND a.uuid = ? ${session ? session.dialect.forUpdate : ''}`,
      [requireTeamId(teamId), uuid.toLowerCase()],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * A page in severity order, then newest (or oldest) first: read severity by severity, each
   * along the (team, severity, id) index, rather than sorting every alert of the team on an
   * expression; the counts per severity give the total and which severities the page covers.
   */
  private async pageBySeverity(
    counted: string,
    condition: string,
    params: unknown[],
    descending: boolean,
    page: { offset: number; limit: number },
  ): Promise<{ items: AlertRecord[]; total: number }> {
    const counts = await this.database.select<{ severity: string; n: Num }>(
      `SELECT a.severity, COUNT(*) AS n FROM ${counted} WHERE ${condition} GROUP BY a.severity`,
      params,
    );
    const countOf = new Map(counts.map((row) => [row.severity, Number(row.n)]));
    // SEVERITIES runs from the least to the most severe.
    const ranked = descending ? [...SEVERITIES].reverse() : SEVERITIES;
    const direction = descending ? 'DESC' : 'ASC';
    const items: AlertRecord[] = [];
    let skip = page.offset;
    for (const severity of ranked) {
      const inBucket = countOf.get(severity) ?? 0;
      if (items.length >= page.limit) break;
      if (skip >= inBucket) {
        skip -= inBucket;
        continue;
      }
      const rows = await this.database.select<AlertRow>(
        `SELECT ${this.columns(this.database)} WHERE ${condition} AND a.severity = ? ` +
          `ORDER BY a.id ${direction} LIMIT ${Number(page.limit - items.length)} OFFSET ${Number(skip)}`,
        [...params, severity],
      );
      items.push(...rows.map(toRecord));
      skip = 0;
    }
    const total = [...countOf.values()].reduce((sum, n) => sum + n, 0);
    return { items, total };
  }

  /** Changes an alert that is still in `fromStatus`; false when it moved meanwhile. */
  async update(
    session: SqlSession,
    id: string,
    fromStatus: string,
    change: { status: string; assignee: string | null; closedAt: string | null; now: string },
  ): Promise<boolean> {
    return (
      (await session.execute(
        'UPDATE alerts SET status = ?, assignee = ?, closed_at = ?, updated_at = ? WHERE id = ? AND status = ?',
        [change.status, change.assignee, change.closedAt, change.now, id, fromStatus],
      )) > 0
    );
  }

  async page(
    teamId: number,
    filters: AlertFilters,
    sort: { by: AlertSort; descending: boolean },
    page: { offset: number; limit: number },
  ): Promise<{ items: AlertRecord[]; total: number }> {
    const where: string[] = ['a.team_id = ?'];
    const params: unknown[] = [requireTeamId(teamId)];
    const anyOf = (column: string, values?: string[]) => {
      if (!values?.length) return;
      where.push(`${column} IN (${placeholders(values.length)})`);
      params.push(...values);
    };
    anyOf('a.status', filters.statuses);
    anyOf('a.severity', filters.severities);
    anyOf('a.rule_code', filters.rules);
    if (filters.playerExternalId !== undefined) {
      where.push('p.external_id = ?');
      params.push(filters.playerExternalId);
    }
    if (filters.assignee !== undefined) {
      where.push('a.assignee = ?');
      params.push(filters.assignee);
    }
    if (filters.assigned !== undefined) {
      where.push(filters.assigned ? 'a.assignee IS NOT NULL' : 'a.assignee IS NULL');
    }
    if (filters.from !== undefined) {
      where.push('a.created_at >= ?');
      params.push(filters.from);
    }
    if (filters.to !== undefined) {
      where.push('a.created_at < ?');
      params.push(filters.to);
    }
    const condition = where.join(' AND ');
    // Every alert has its player: counts join players only to filter on them, and otherwise
    // read the alerts' own indexes alone.
    const counted =
      filters.playerExternalId === undefined
        ? 'alerts a'
        : 'alerts a JOIN players p ON p.id = a.player_id';
    if (sort.by === 'severity') {
      return this.pageBySeverity(counted, condition, params, sort.descending, page);
    }
    const [{ total }] = await this.database.select<{ total: Num }>(
      `SELECT COUNT(*) AS total FROM ${counted} WHERE ${condition}`,
      params,
    );
    const direction = sort.descending ? 'DESC' : 'ASC';
    const order = `a.${sort.by}`;
    const rows = await this.database.select<AlertRow>(
      `SELECT ${this.columns(this.database)} WHERE ${condition} ORDER BY ${order} ${direction}, a.id ${direction} ` +
        `LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
      params,
    );
    return { items: rows.map(toRecord), total: Number(total) };
  }

  /**
   * The alerts' latest hits, newest first, and how many each has: one count and one read for
   * all of them, each alert's part read by its own index range.
   */
  async hitsOf(
    alertIds: readonly string[],
    limit: number,
    on: SqlSession | SqlDatabase = this.database,
  ): Promise<Map<string, { items: HitItem[]; total: number }>> {
    const found = new Map(alertIds.map((id) => [id, { items: [] as HitItem[], total: 0 }]));
    if (alertIds.length === 0) return found;
    const { dialect } = on;
    const counts = await on.select<{ alert_id: Num; total: Num }>(
      `SELECT alert_id, COUNT(*) AS total FROM alert_hits WHERE alert_id IN (${placeholders(alertIds.length)}) ` +
        'GROUP BY alert_id',
      [...alertIds],
    );
    for (const row of counts) found.get(String(row.alert_id))!.total = Number(row.total);
    // The operator's id: a monitor event's `event_id`, an AML event's slip's `bet_slip_id`.
    const latest = (n: number) =>
      `SELECT * FROM (SELECT h.id, h.alert_id, h.team_id, h.stream, h.event_id, h.event_ref, ` +
      `COALESCE(e.external_event_id, s.slip_ref) AS operator_ref, ` +
      `${dialect.timestampText('h.event_time')} AS event_time, h.severity, h.figures, ` +
      `${dialect.timestampText('h.created_at')} AS created_at FROM alert_hits h ` +
      `LEFT JOIN events e ON h.stream = 'monitor' AND e.id = h.event_id ` +
      `LEFT JOIN betting_events b ON h.stream = 'aml' AND b.id = h.event_id ` +
      `LEFT JOIN betting_slips s ON s.id = b.slip_id ` +
      `WHERE h.alert_id = ? ORDER BY h.event_time DESC, h.id DESC LIMIT ${Number(limit)}) h${n}`;
    const rows = await on.select<HitRow>(alertIds.map((_, n) => latest(n)).join(' UNION ALL '), [
      ...alertIds,
    ]);
    const newestFirst = (a: HitRow, b: HitRow) =>
      a.event_time < b.event_time
        ? 1
        : a.event_time > b.event_time
          ? -1
          : Number(b.id) - Number(a.id);
    for (const r of rows.sort(newestFirst)) {
      found.get(String(r.alert_id))!.items.push({
        id: String(r.id),
        alertId: String(r.alert_id),
        teamId: Number(r.team_id),
        stream: r.stream,
        eventId: String(r.event_id),
        eventRef: r.event_ref,
        operatorRef: r.operator_ref,
        eventTime: r.event_time,
        severity: r.severity,
        figures: r.figures,
        createdAt: r.created_at,
      });
    }
    return found;
  }

  /** The alerts' audit trails, oldest first. */
  async auditOf(
    alertIds: readonly string[],
    on: SqlSession | SqlDatabase = this.database,
  ): Promise<Map<string, AuditRow[]>> {
    const found = new Map(alertIds.map((id) => [id, [] as AuditRow[]]));
    if (alertIds.length === 0) return found;
    const { dialect } = on;
    const rows = await on.select<{
      alert_id: Num;
      at: string;
      actor_kind: string;
      actor_id: string;
      action: AuditRow['action'];
      from_status: string | null;
      to_status: string | null;
      assignee: string | null;
      note: string | null;
    }>(
      `SELECT alert_id, ${dialect.timestampText('at')} AS at, actor_kind, actor_id, action, from_status, to_status, ` +
        `assignee, note FROM alert_audit WHERE alert_id IN (${placeholders(alertIds.length)}) ORDER BY id`,
      [...alertIds],
    );
    for (const r of rows) {
      found.get(String(r.alert_id))!.push({
        alertId: String(r.alert_id),
        at: r.at,
        actorKind: r.actor_kind,
        actorId: r.actor_id,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        assignee: r.assignee,
        note: r.note,
      });
    }
    return found;
  }

  /** Alerts an event raised or joined: their uuid, rule and status. */
  async raisedBy(
    teamId: number,
    stream: string,
    eventId: string,
  ): Promise<{ uuid: string; ruleCode: string; severity: string; status: string }[]> {
    const rows = await this.database.select<{
      uuid: string;
      rule_code: string;
      severity: string;
      status: string;
    }>(
      'SELECT DISTINCT a.uuid, a.rule_code, a.severity, a.status FROM alert_hits h JOIN alerts a ON a.id = h.alert_id ' +
        'WHERE h.stream = ? AND h.event_id = ? AND a.team_id = ? ORDER BY a.rule_code',
      [stream, eventId, requireTeamId(teamId)],
    );
    return rows.map((r) => ({
      uuid: r.uuid,
      ruleCode: r.rule_code,
      severity: r.severity,
      status: r.status,
    }));
  }
}
