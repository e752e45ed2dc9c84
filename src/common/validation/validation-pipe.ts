import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from '../errors/app-error';
import { toFieldIssues } from './validation-issues';

/**
 * Validation of every body, query and parameter DTO. Unknown fields are dropped, not refused
 * (CONTRACTS.md: unknown JSON fields are ignored); failures become RequestValidationError, which
 * each API renders in its own shape.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(toFieldIssues(errors)),
  });
}
