import type { ValidationError } from 'class-validator';
import type { FieldIssue } from '../errors/app-error';

/**
 * Flattens class-validator's tree into one issue per failed rule, each named by its path in the
 * body: `event.type`, `events[3].player.id`, `bet_legs[1].odds`.
 */
export function toFieldIssues(errors: ValidationError[], parentPath = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      issues.push({ field: path, constraint, message, params: contextOf(error, constraint) });
    }
    if (error.children?.length) issues.push(...toFieldIssues(error.children, path));
  }
  return issues;
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function contextOf(
  error: ValidationError,
  constraint: string,
): Record<string, unknown> | undefined {
  const context = error.contexts?.[constraint] as Record<string, unknown> | undefined;
  return context ?? (error.value === undefined ? undefined : { value: error.value });
}
