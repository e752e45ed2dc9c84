import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationError } from '../errors/app-error';
import { toFieldIssues } from './validation-issues';

const NOT_DTOS: readonly unknown[] = [String, Boolean, Number, Array, Object];

/** Deepest nesting a DTO body may have: class-transformer walks bodies recursively. */
export const MAX_BODY_DEPTH = 32;

/**
 * Validation of every body, query and parameter DTO. Unknown fields are dropped, not refused
 * (CONTRACTS.md: unknown JSON fields are ignored); failures become RequestValidationError, which
 * each API renders in its own shape. A body that is not a JSON object (`[]`, `"x"`, `null`) is
 * refused as such, rather than as every field of the DTO missing (a request without any body is
 * validated as `{}`); so is a body nested deeper than
 * MAX_BODY_DEPTH, which would exhaust the stack of the recursive transformation.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDtoBody =
      metadata.type === 'body' && !!metadata.metatype && !NOT_DTOS.includes(metadata.metatype);
    // No body at all: its required fields are what is missing (and a DTO of optional fields passes).
    if (isDtoBody && value === undefined) value = {};
    if (isDtoBody && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new RequestValidationError([
        { field: 'body', constraint: 'isObject', message: 'The body must be a JSON object' },
      ]);
    }
    if (isDtoBody && nestsDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new RequestValidationError([
        {
          field: 'body',
          constraint: 'maxDepth',
          message: `The body must not nest deeper than ${MAX_BODY_DEPTH} levels`,
        },
      ]);
    }
    return super.transform(value, metadata);
  }
}

/** Whether objects and arrays nest deeper than `max` in `root`; without recursion. */
function nestsDeeperThan(root: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[root, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    stopAtFirstError: false,
    // The object each error was found in, for its rules' arguments (never sent: see toFieldIssues).
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new RequestValidationError(toFieldIssues(errors)),
  });
}
