import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { partitionOf } from '../../processing/queue/partition';
import type { Finding } from '../engine/evaluate';
import { MICROS } from '../engine/player-state';
import { higherOf, type Severity } from '../engine/rule-settings';
import { WebhookOutbox } from '../../webhooks/delivery/webhook-outbox';
import { RuleSettingsRepository } from '../settings/rule-settings.repository';
import {
  AlertsRepository,
  type AlertHitRow,
  type AuditRow,
  type NewAlert,
} from './alerts.repository';

/** What a batch's findings changed: for the risk scores and, later, the webhooks. */
export interface RecordedAlerts {
  created: string[];
  joined: string[];
  /** Players whose alerts changed, by team. */
  players: { teamId: number; playerId: number }[];
}

/** An alert the batch is writing: existing (id known) or new. */
interface Pending {
  id: string | null;
  uuid: string;
  teamId: number;
  playerId: number;
  ruleCode: string;
  ruleVersion: number;
  severity: Severity;
  lastHitAt: number;
  firstHitAt: number;
  /** The reason: the figures of its latest hit by event time (a late event's do not replace them). */
  reason: string;
  findings: Finding[];
  /** An existing alert whose severity this batch raised. */
  raised?: boolean;
}

const text = (micros: number) => MicroTime.fromMicros(micros).toDatabaseText();

/**
 * Turns a batch's findings into alerts, in the worker's transaction: a finding joins the
 * player's OPEN or ACKNOWLEDGED alert of its rule whose last hit is within the rule's cooldown,
 * or opens a new alert. Shadow findings are recorded, never alerts. Hits are counted per day.
 */
@Injectable()
export class AlertRecorder {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly settings: RuleSettingsRepository,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async record(session: SqlSession, findings: readonly Finding[]): Promise<RecordedAlerts> {
    const result: RecordedAlerts = { created: [], joined: [], players: [] };
    if (findings.length === 0) return result;
    const now = MicroTime.now().toDatabaseText();
    await this.countHits(session, findings, now.slice(0, 10));
    await this.recordShadow(
      session,
      findings.filter((f) => f.mode === 'shadow'),
      now,
    );
    const alerting = findings.filter((f) => f.mode === 'on');
    if (alerting.length === 0) return result;

    const pending = await this.assign(session, alerting);
    const row = (alert: Pending): NewAlert => ({
      uuid: alert.uuid,
      teamId: alert.teamId,
      playerId: alert.playerId,
      ruleCode: alert.ruleCode,
      ruleVersion: alert.ruleVersion,
      severity: alert.severity,
      reason: alert.reason,
      hitCount: alert.findings.length,
      firstHitAt: text(alert.firstHitAt),
      lastHitAt: text(alert.lastHitAt),
      now,
    });
    const joining = pending.filter((alert) => alert.id !== null);
    await this.alerts.joinMany(
      session,
      joining.map((alert) => ({ ...row(alert), id: alert.id! })),
    );
    result.joined.push(...joining.map((alert) => alert.uuid));
    const opening = pending.filter((alert) => alert.id === null);
    const ids = await this.alerts.insertMany(session, opening.map(row));
    const audit: AuditRow[] = [];
    for (const alert of opening) {
      alert.id = ids.get(alert.uuid)!;
      result.created.push(alert.uuid);
      audit.push({
        alertId: alert.id,
        at: now,
        actorKind: 'rule',
        actorId: `${alert.ruleCode}@${alert.ruleVersion}`,
        action: 'created',
        fromStatus: null,
        toStatus: 'OPEN',
        assignee: null,
        note: null,
      });
    }
    const hits: AlertHitRow[] = pending.flatMap((alert) =>
      alert.findings.map((finding) => ({
        alertId: alert.id!,
        teamId: alert.teamId,
        stream: finding.event.stream,
        eventId: finding.event.id,
        eventRef: finding.event.ref,
        eventTime: text(finding.event.at),
        severity: finding.severity,
        figures: JSON.stringify(finding.figures),
        createdAt: now,
      })),
    );
    result.players.push(
      ...pending.map((alert) => ({ teamId: alert.teamId, playerId: alert.playerId })),
    );
    await this.alerts.insertHits(session, hits);
    await this.alerts.insertAudit(session, audit);
    await this.tellWebhooks(session, opening, joining);
    return result;
  }

  /**
   * The webhook messages, in this transaction: `alert.created` for new alerts, `alert.updated`
   * at once for a raised severity, coalesced (once a minute at most) for new hits only.
   */
  private async tellWebhooks(
    session: SqlSession,
    opened: readonly Pending[],
    joined: readonly Pending[],
  ): Promise<void> {
    const teams = new Set([...opened, ...joined].map((alert) => alert.teamId));
    for (const teamId of teams) {
      const uuids = (alerts: readonly Pending[]) =>
        alerts.filter((alert) => alert.teamId === teamId).map((alert) => alert.uuid);
      await this.webhooks.alertChanges(session, teamId, {
        created: uuids(opened),
        updated: uuids(joined.filter((alert) => alert.raised)),
        hit: uuids(joined.filter((alert) => !alert.raised)),
      });
    }
  }

  /** Each finding's alert: the player's active one of the rule within the cooldown, or a new one. */
  private async assign(session: SqlSession, findings: readonly Finding[]): Promise<Pending[]> {
    const byTeam = new Map<number, Set<number>>();
    for (const f of findings) {
      byTeam.set(f.event.teamId, (byTeam.get(f.event.teamId) ?? new Set()).add(f.event.playerId));
    }
    // A player's active alerts of each rule: a hit joins the one whose hits are within the
    // cooldown of its event time, either way (a late event may come before an alert's first hit).
    const active = new Map<string, Pending[]>();
    const candidates = (key: string) => active.get(key) ?? active.set(key, []).get(key)!;
    for (const [teamId, players] of byTeam) {
      for (const alert of await this.alerts.activeFor(session, teamId, [...players], true)) {
        candidates(`${teamId}|${alert.playerId}|${alert.ruleCode}`).push({
          id: alert.id,
          uuid: alert.uuid,
          teamId,
          playerId: alert.playerId,
          ruleCode: alert.ruleCode,
          ruleVersion: alert.ruleVersion,
          severity: alert.severity as Severity,
          lastHitAt: MicroTime.fromDatabaseText(alert.lastHitAt).micros,
          firstHitAt: MicroTime.fromDatabaseText(alert.firstHitAt).micros,
          reason: alert.reason,
          findings: [],
        });
      }
    }
    const touched: Pending[] = [];
    for (const finding of findings) {
      const { event, rule } = finding;
      const alerts = candidates(`${event.teamId}|${event.playerId}|${rule.code}`);
      const cooldown = finding.cooldownHours * MICROS.HOUR;
      let alert = alerts
        .filter((a) => event.at <= a.lastHitAt + cooldown && event.at >= a.firstHitAt - cooldown)
        .reduce<Pending | undefined>(
          (latest, a) => (latest && latest.lastHitAt >= a.lastHitAt ? latest : a),
          undefined,
        );
      if (!alert) {
        alert = {
          id: null,
          uuid: randomUUID(),
          teamId: event.teamId,
          playerId: event.playerId,
          ruleCode: rule.code,
          ruleVersion: finding.version,
          severity: finding.severity,
          lastHitAt: event.at,
          firstHitAt: event.at,
          reason: JSON.stringify(finding.figures),
          findings: [],
        };
        alerts.push(alert);
      }
      if (alert.findings.length === 0) touched.push(alert);
      alert.findings.push(finding);
      const severity = higherOf(alert.severity, finding.severity);
      if (alert.id !== null && severity !== alert.severity) alert.raised = true;
      alert.severity = severity;
      if (event.at >= alert.lastHitAt) {
        alert.lastHitAt = event.at;
        alert.reason = JSON.stringify(finding.figures);
      }
      alert.firstHitAt = Math.min(alert.firstHitAt, event.at);
    }
    return touched;
  }

  private async countHits(
    session: SqlSession,
    findings: readonly Finding[],
    day: string,
  ): Promise<void> {
    const counts = new Map<
      string,
      { teamId: number; ruleCode: string; day: string; mode: string; shard: number; hits: number }
    >();
    for (const f of findings) {
      const shard = partitionOf(f.event.teamId, f.event.playerExternalId);
      const key = `${f.event.teamId}|${f.rule.code}|${f.mode}|${shard}`;
      const count = counts.get(key) ?? {
        teamId: f.event.teamId,
        ruleCode: f.rule.code,
        day,
        mode: f.mode,
        shard,
        hits: 0,
      };
      count.hits++;
      counts.set(key, count);
    }
    await this.settings.countHits(
      session,
      [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c),
    );
  }

  private async recordShadow(
    session: SqlSession,
    findings: readonly Finding[],
    now: string,
  ): Promise<void> {
    await this.settings.recordShadowHits(
      session,
      findings.map((f) => ({
        teamId: f.event.teamId,
        ruleCode: f.rule.code,
        ruleVersion: f.version,
        playerId: f.event.playerId,
        stream: f.event.stream,
        eventRef: f.event.ref,
        eventTime: text(f.event.at),
        severity: f.severity,
        figures: JSON.stringify(f.figures),
        createdAt: now,
      })),
    );
  }
}
