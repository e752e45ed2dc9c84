import type { TextLanguage } from '../../common/i18n/language';
import { MicroTime } from '../../common/time/micro-time';
import type { Figures, Rule } from '../engine/rule';
import type { AlertRecord, AuditRow, HitItem } from './alerts.repository';

export const isoOf = (text: string | null): string | null =>
  text === null ? null : MicroTime.fromDatabaseText(text).toIso();

/** An alert's reason: its rule's code and the figures of its latest hit, and in words. */
export interface ReasonView {
  code: string;
  parameters: Figures;
  text: string;
}

export const reasonView = (rule: Rule, figures: Figures, language: TextLanguage): ReasonView => ({
  code: rule.code,
  parameters: figures,
  text: rule.reason(figures, language),
});

/** An alert as the list shows it. */
export function alertSummary(alert: AlertRecord, rule: Rule, language: TextLanguage) {
  return {
    id: alert.uuid,
    status: alert.status,
    severity: alert.severity,
    rule: { code: rule.code, title: rule.title[language], version: alert.ruleVersion },
    player: { external_id: alert.playerExternalId },
    reason: reasonView(rule, JSON.parse(alert.reason) as Figures, language),
    assignee: alert.assignee,
    hit_count: alert.hitCount,
    first_hit_at: isoOf(alert.firstHitAt),
    last_hit_at: isoOf(alert.lastHitAt),
    created_at: isoOf(alert.createdAt),
    updated_at: isoOf(alert.updatedAt),
    closed_at: isoOf(alert.closedAt),
  };
}

export type AlertSummary = ReturnType<typeof alertSummary>;

/** An alert with its audit trail and its latest events (at most 100, with the total). */
export function alertDetail(
  alert: AlertRecord,
  rule: Rule,
  hits: { items: HitItem[]; total: number },
  audit: readonly AuditRow[],
  language: TextLanguage,
) {
  return {
    ...alertSummary(alert, rule, language),
    events: {
      total: hits.total,
      items: hits.items.map((hit) => ({
        stream: hit.stream,
        event_id: hit.eventRef,
        operator_ref: hit.operatorRef,
        event_time: isoOf(hit.eventTime),
        severity: hit.severity,
        reason: reasonView(rule, JSON.parse(hit.figures) as Figures, language),
        detected_at: isoOf(hit.createdAt),
      })),
    },
    history: audit.map((entry) => ({
      at: isoOf(entry.at),
      actor: { kind: entry.actorKind, id: entry.actorId },
      action: entry.action,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      assignee: entry.assignee,
      note: entry.note,
    })),
  };
}

export type AlertDetail = ReturnType<typeof alertDetail>;
