import { RequestValidationError, type FieldIssue } from '../../common/errors/app-error';
import { issue, parsePage, unknownParameters } from '../../monitor-api/request-checks';
import { hasSurroundingSpaces, isLongerThan } from '../../common/text/well-formed';
import { parseIsoTimestamp } from '../../common/time/iso-timestamp';
import { SEVERITIES } from '../engine/rule-settings';
import { RULE_PACK } from '../rules/rule-pack';
import { ALERT_STATUSES } from './alert-status';
import type { AlertFilters, AlertSort } from './alerts.repository';

export interface AlertQuery {
  filters: AlertFilters;
  sort: { by: AlertSort; descending: boolean };
  page: number;
  size: number;
}

const SORTS: Record<string, AlertSort> = {
  created_at: 'created_at',
  last_hit_at: 'last_hit_at',
  severity: 'severity',
};

const RULE_CODES = RULE_PACK.map((rule) => rule.code);

/** The query parameters `GET /alerts` takes (Swagger declares the same, a test checks). */
export const ALERT_QUERY_PARAMETERS = [
  'status',
  'severity',
  'rule',
  'player',
  'assignee',
  'assigned',
  'from',
  'to',
  'sort',
  'page',
  'size',
];

/**
 * `GET /alerts` filters: `status`, `severity`, `rule` (comma-separated lists), `player`,
 * `assignee`, `assigned` (`false`: the alerts no one took), `from` (inclusive) and `to`
 * (exclusive; ISO times, on the creation time), `sort` (`created_at`, `last_hit_at` or
 * `severity`; `-` before it for descending, the default), `page`, `size`.
 */
export function parseAlertQuery(query: Record<string, unknown>): AlertQuery {
  const issues: FieldIssue[] = [];
  unknownParameters(query, ALERT_QUERY_PARAMETERS, issues);
  const text = (name: string, max = 200): string | undefined => {
    const raw = query[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || raw.trim() === '' || isLongerThan(raw, max)) {
      issues.push(issue(name, 'filterText', { max }));
      return undefined;
    }
    if (hasSurroundingSpaces(raw)) {
      issues.push(issue(name, 'padded'));
      return undefined;
    }
    return raw;
  };
  const list = (name: string, allowed: readonly string[]): string[] | undefined => {
    // Long enough for every allowed value, each after a comma and a space.
    const raw = text(name, Math.max(200, allowed.join(', ').length));
    if (raw === undefined) return undefined;
    const values = [...new Set(raw.split(',').map((v) => v.trim()))];
    for (const value of values) {
      if (!allowed.includes(value)) {
        issues.push(issue(name, 'filterChoice', { value, choices: allowed }));
      }
    }
    return values;
  };
  const flag = (name: string): boolean | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    issues.push(issue(name, 'filterChoice', { value: raw, choices: ['true', 'false'] }));
    return undefined;
  };
  const time = (name: string): string | undefined => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    const time = parseIsoTimestamp(raw);
    if (!time) {
      issues.push(issue(name, 'filterTime'));
      return undefined;
    }
    return time.toDatabaseText();
  };
  const filters: AlertFilters = {
    statuses: list('status', ALERT_STATUSES),
    severities: list('severity', SEVERITIES),
    rules: list('rule', RULE_CODES),
    playerExternalId: text('player'),
    assignee: text('assignee'),
    assigned: flag('assigned'),
    from: time('from'),
    to: time('to'),
  };
  const sortText = text('sort') ?? '-created_at';
  const descending = sortText.startsWith('-');
  const sortName = descending ? sortText.slice(1) : sortText;
  const by = Object.hasOwn(SORTS, sortName) ? SORTS[sortName] : undefined;
  if (!by) issues.push(issue('sort', 'sort', { choices: Object.keys(SORTS) }));
  const { page, size } = parsePage(query, issues);
  if (issues.length > 0) throw new RequestValidationError(issues);
  return { filters, sort: { by: by ?? 'created_at', descending }, page, size };
}
