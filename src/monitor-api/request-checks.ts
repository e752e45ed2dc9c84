import { RequestValidationError, type FieldIssue } from '../common/errors/app-error';
import {
  monitorIssue,
  type MonitorIssueKind,
  type MonitorIssueParams,
} from './monitor-field-messages';

/**
 * An invalid field of a monitor route checked by hand, worded in the request's language
 * (monitor-field-messages.ts); `params` fill the text, the field names itself by default.
 */
export const issue = (
  field: string,
  kind: MonitorIssueKind,
  params: MonitorIssueParams = {},
): FieldIssue => monitorIssue(field, kind, { label: field, ...params });

/** Page and size as every list of the monitor API takes them: page >= 1, 1 <= size <= 100. */
export function parsePage(
  query: Record<string, unknown>,
  issues: FieldIssue[],
): { page: number; size: number } {
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!(value >= min && value <= max)) {
      issues.push(issue(name, 'integerRange', { min, max }));
      return fallback;
    }
    return value;
  };
  return { page: number('page', 1, 1, 1_000_000), size: number('size', 20, 1, 100) };
}

export function unknownParameters(
  query: Record<string, unknown>,
  known: readonly string[],
  issues: FieldIssue[],
): void {
  for (const name of Object.keys(query)) {
    if (!known.includes(name)) {
      issues.push(issue(name, 'unknownQuery', { choices: known }));
    }
  }
}

/** A route that takes no query parameter: any one sent is a 400 naming it. */
export function refuseQueryParameters(query: Record<string, unknown>): void {
  const names = Object.keys(query);
  if (names.length === 0) return;
  throw new RequestValidationError(names.map((name) => issue(name, 'noQuery')));
}
