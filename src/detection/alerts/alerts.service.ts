import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  RequestValidationError,
  ResourceNotFoundError,
  type FieldIssue,
} from '../../common/errors/app-error';
import { issue } from '../../monitor-api/request-checks';
import { WebhookOutbox } from '../../webhooks/delivery/webhook-outbox';
import type { TextLanguage } from '../../common/i18n/language';
import {
  hasControlCharacters,
  hasSurroundingSpaces,
  isLongerThan,
  isWellFormed,
} from '../../common/text/well-formed';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import type { Rule } from '../engine/rule';
import { PlayerRiskService } from '../risk/player-risk.service';
import { RuleSettingsService } from '../settings/rule-settings.service';
import { parseAlertQuery } from './alert-query';
import { ALERT_STATUSES, canMove, isClosed, type AlertStatus } from './alert-status';
import { alertDetail, alertSummary, type AlertDetail, type AlertSummary } from './alert.view';
import { AlertsRepository } from './alerts.repository';

/** Who changed an alert: an API key, or (later) a dashboard user. */
export interface AlertActor {
  kind: 'key' | 'user';
  id: string;
}

/** Events embedded in an alert; the total says how many it has. */
const EMBEDDED_EVENTS = 100;
/** What a PATCH may change. */
const FIELDS = ['status', 'assignee', 'note'];
/**
 * A webhook's alert carries its latest 10 events (with the total): the body is stored once per
 * delivery and fits any receiver; GET /alerts/:id has the rest.
 */
export const WEBHOOK_EVENTS = 10;

/** Alerts of a team: the queue analysts work, each alert's detail, and its lifecycle. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly alerts: AlertsRepository,
    private readonly settings: RuleSettingsService,
    private readonly risk: PlayerRiskService,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async list(
    teamId: number,
    query: Record<string, unknown>,
    language: TextLanguage,
  ): Promise<{ items: AlertSummary[]; total: number; page: number; page_size: number }> {
    const q = parseAlertQuery(query);
    const { items, total } = await this.alerts.page(teamId, q.filters, q.sort, {
      offset: (q.page - 1) * q.size,
      limit: q.size,
    });
    return {
      items: items.map((alert) => alertSummary(alert, this.ruleOf(alert.ruleCode), language)),
      total,
      page: q.page,
      page_size: q.size,
    };
  }

  async get(
    teamId: number,
    uuid: string,
    language: TextLanguage,
    events = EMBEDDED_EVENTS,
    on?: SqlSession,
  ): Promise<AlertDetail> {
    const alert = (await this.getMany(teamId, [uuid], language, events, on)).get(
      uuid.toLowerCase(),
    );
    if (!alert) throw new ResourceNotFoundError('Alert', uuid);
    return alert;
  }

  /**
   * Several of a team's alerts as `get` shows each, by uuid (those it has), in four reads; `on`
   * a transaction, as that transaction sees them.
   */
  async getMany(
    teamId: number,
    uuids: readonly string[],
    language: TextLanguage,
    events: number,
    on?: SqlSession,
  ): Promise<Map<string, AlertDetail>> {
    const alerts = await this.alerts.findByUuids(teamId, uuids, on);
    const ids = alerts.map((alert) => alert.id);
    // One statement at a time on a transaction's connection; outside one, both at once.
    const [hits, audits] = on
      ? [await this.alerts.hitsOf(ids, events, on), await this.alerts.auditOf(ids, on)]
      : await Promise.all([this.alerts.hitsOf(ids, events), this.alerts.auditOf(ids)]);
    return new Map(
      alerts.map((alert) => [
        alert.uuid,
        alertDetail(
          alert,
          this.ruleOf(alert.ruleCode),
          hits.get(alert.id)!,
          audits.get(alert.id)!,
          language,
        ),
      ]),
    );
  }

  /**
   * `PATCH /alerts/:id`: a status move (OPEN -> ACKNOWLEDGED -> RESOLVED or FALSE_POSITIVE, or
   * OPEN straight to either), an assignee (`null` unassigns), a note; any subset. Each change is
   * an entry of the audit trail. The player's risk follows at once (a FALSE_POSITIVE adds nothing).
   */
  async update(
    teamId: number,
    uuid: string,
    body: unknown,
    actor: AlertActor,
    language: TextLanguage,
  ): Promise<AlertDetail> {
    const change = this.validate(body);
    // The answer is read in the change's transaction, under its lock: the alert as this PATCH
    // left it, not as a concurrent one committed after it.
    return this.database.transaction(async (session) => {
      const alert = await this.alerts.findByUuid(teamId, uuid, session);
      if (!alert) throw new ResourceNotFoundError('Alert', uuid);
      const to = change.status ?? alert.status;
      // A status sent is a move: the same status again is refused, so that of two analysts
      // closing one alert at once, one is told it was closed already.
      if (change.status !== undefined && !canMove(alert.status, to)) {
        throw ConflictError.ofState('Alert', uuid, alert.status, to);
      }
      const assignee = change.assignee === undefined ? alert.assignee : change.assignee;
      // Nothing new (the assignee it has, no move, no note): no history entry, no update time.
      if (change.status === undefined && change.note === undefined && assignee === alert.assignee) {
        return this.get(teamId, uuid, language, EMBEDDED_EVENTS, session);
      }
      const now = MicroTime.now().toDatabaseText();
      const moved = await this.alerts.update(session, alert.id, alert.status, {
        status: to,
        assignee,
        closedAt: isClosed(to) ? (alert.closedAt ?? now) : null,
        now,
      });
      if (!moved) throw ConflictError.ofState('Alert', uuid, alert.status, to);
      await this.alerts.insertAudit(session, [
        {
          alertId: alert.id,
          at: now,
          actorKind: actor.kind,
          actorId: actor.id,
          action: 'updated',
          fromStatus: alert.status,
          toStatus: to,
          assignee,
          note: change.note ?? null,
        },
      ]);
      if (to !== alert.status) {
        const rules = (await this.settings.effectiveRules(session, [teamId])).get(teamId)!;
        await this.risk.refresh(session, teamId, [alert.playerId], rules);
      }
      if (to !== alert.status || assignee !== alert.assignee) {
        await this.webhooks.alertChanges(session, teamId, { updated: [alert.uuid] });
      }
      return this.get(teamId, uuid, language, EMBEDDED_EVENTS, session);
    });
  }

  private validate(body: unknown): {
    status?: AlertStatus;
    assignee?: string | null;
    note?: string;
  } {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RequestValidationError([issue('body', 'bodyObject')]);
    }
    const fields = body as Record<string, unknown>;
    const issues: FieldIssue[] = [];
    for (const key of Object.keys(fields)) {
      if (!FIELDS.includes(key)) {
        issues.push(issue(key, 'unknownField', { choices: FIELDS }));
      }
    }
    if (Object.keys(fields).length === 0) {
      issues.push(issue('body', 'sendOneOf', { choices: FIELDS }));
    }
    // OPEN is a status but never a move's target (a 409 says so); the choices are the targets.
    if ('status' in fields && !ALERT_STATUSES.includes(fields.status as AlertStatus)) {
      issues.push(
        issue('status', 'oneOf', { choices: ALERT_STATUSES.filter((s) => s !== 'OPEN') }),
      );
    }
    const text = (name: string, max: number, nullable: boolean) => {
      if (!(name in fields)) return;
      const value = fields[name];
      if (value === null && nullable) return;
      const controls =
        typeof value === 'string' &&
        hasControlCharacters(value.replace(/[\n\r\t]/g, name === 'note' ? '' : '\n'));
      if (
        typeof value !== 'string' ||
        value.trim() === '' ||
        (name === 'assignee' && hasSurroundingSpaces(value)) ||
        isLongerThan(value, max) ||
        controls ||
        !isWellFormed(value)
      ) {
        issues.push(issue(name, nullable ? 'trimmedTextOrNull' : 'plainText', { max }));
      }
    };
    text('assignee', 100, true);
    text('note', 2000, false);
    if (issues.length > 0) throw new RequestValidationError(issues);
    return fields as { status?: AlertStatus; assignee?: string | null; note?: string };
  }

  private ruleOf(code: string): Rule {
    return this.settings.ruleOf(code);
  }

  /** Alerts created per hour (UTC), rule and severity since `since`: the overview's figures. */
  countByHour(teamId: number, since: MicroTime) {
    return this.alerts.countByHour(teamId, since.toDatabaseText());
  }
}
