import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldIssue } from '../errors/app-error';

/**
 * Flattens class-validator's tree into one issue per failed rule, each named by its path in the
 * body: `event.type`, `events[3].player.id`, `bet_legs[1].odds`. Each keeps the arguments its
 * decorator gave the rule (`args`: `[254]` for `@MaxLength(254)`), so that a wire can word the
 * rule in its own language without reading them back out of class-validator's English.
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
  const args = argumentsOf(error, constraint);
  const params = context ?? (error.value === undefined ? undefined : { value: error.value });
  return args ? { ...params, args } : params;
}

/** The arguments of the failed rule's decorator, found by the class of the object it is on. */
function argumentsOf(error: ValidationError, constraint: string): unknown[] | undefined {
  if (!error.target) return undefined;
  const rule = getMetadataStorage()
    .getTargetValidationMetadatas(error.target.constructor, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && metadata.name === constraint);
  return rule?.constraints?.length ? rule.constraints : undefined;
}
