import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { RequestValidationError } from '../errors/app-error';
import { toFieldIssues } from './validation-issues';

const NOT_DTOS: readonly unknown[] = [String, Boolean, Number, Array, Object];

/**
 * Validation of every body, query and parameter DTO. Unknown fields are dropped, not refused
 * (CONTRACTS.md: unknown JSON fields are ignored); failures become RequestValidationError, which
 * each API renders in its own shape. A body that is not a JSON object (`[]`, `"x"`, `null`) is
 * refused as such, rather than as every field of the DTO missing.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDtoBody =
      metadata.type === 'body' && !!metadata.metatype && !NOT_DTOS.includes(metadata.metatype);
    if (isDtoBody && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new RequestValidationError([
        { field: 'body', constraint: 'isObject', message: 'The body must be a JSON object' },
      ]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(toFieldIssues(errors)),
  });
}
