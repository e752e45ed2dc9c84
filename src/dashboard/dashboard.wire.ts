import { Injectable, OnModuleInit } from '@nestjs/common';
import { httpStatusOf, type SharedError } from '../common/errors/shared-error';
import type { ErrorContext, ErrorResponse, WireFormat } from '../common/wire/wire-format';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';
import { TenancyError, TenancyErrorCode } from '../tenancy/tenancy.errors';

export const DASHBOARD_WIRE = 'dashboard';

/** The dashboard API's refusals of its own, by code. */
export type DashboardErrorCode =
  | 'not_logged_in'
  | 'wrong_credentials'
  | 'login_blocked'
  | 'csrf_failed'
  | 'forbidden_role'
  | 'invitation_invalid'
  | 'last_admin'
  | 'email_taken';

const STATUS: Record<DashboardErrorCode, number> = {
  not_logged_in: 401,
  wrong_credentials: 401,
  login_blocked: 429,
  csrf_failed: 403,
  forbidden_role: 403,
  invitation_invalid: 404,
  last_admin: 409,
  email_taken: 409,
};

/** A refusal of the dashboard API, answered `{"error":{"code","message"}}` with its status. */
export class DashboardError extends Error {
  constructor(
    readonly code: DashboardErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The dashboard API's error shape (CONTRACTS.md section 5): `{"error":{"code":"...","message":
 * "..."}}` with the HTTP status; validation errors name their fields in `fields`. Messages say
 * what went wrong without telling whether another team's resource exists.
 */
@Injectable()
export class DashboardWire implements WireFormat, OnModuleInit {
  readonly name = DASHBOARD_WIRE;
  readonly paths = { exact: ['/dashboard/api'], prefixes: ['/dashboard/api/'] };

  constructor(private readonly registry: WireFormatRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderOwnError(exception: unknown): ErrorResponse | null {
    if (exception instanceof TenancyError) {
      const invalid = exception.code === TenancyErrorCode.InvalidInput;
      return invalid
        ? answer(400, 'invalid_request', exception.message)
        : answer(404, 'not_found', exception.message);
    }
    if (!(exception instanceof DashboardError)) return null;
    return answer(STATUS[exception.code], exception.code, exception.message);
  }

  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    switch (error.kind) {
      case 'validation': {
        const failure = answer(
          400,
          'invalid_request',
          error.issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        );
        (failure.body as { error: Record<string, unknown> }).error.fields = [
          ...new Set(error.issues.map((i) => i.field)),
        ];
        return failure;
      }
      case 'malformed_body':
        return answer(400, 'invalid_request', 'The body must be valid JSON');
      case 'unsupported_media_type':
        return answer(415, 'invalid_request', 'Content-Type must be application/json');
      case 'payload_too_large':
        return answer(413, 'invalid_request', 'The body is too large');
      case 'unauthorized':
        return answer(401, 'not_logged_in', 'Log in first');
      case 'forbidden':
        return answer(403, 'forbidden_role', 'Your role does not allow this');
      case 'rate_limited':
        return answer(
          429,
          'rate_limited',
          `Too many requests: retry in ${error.retryAfterSeconds} s`,
        );
      case 'route_not_found':
        return answer(404, 'not_found', `No route ${error.method} ${error.path}`);
      case 'not_found':
        return answer(404, 'not_found', `${error.resource} ${error.id} not found`);
      case 'conflict':
        return answer(409, 'conflict', error.message);
      case 'internal': {
        const failure = answer(
          httpStatusOf(error),
          'server_error',
          `A failure of ours${errorId ? ` (error id ${errorId})` : ''}; nothing was changed`,
        );
        return failure;
      }
    }
  }
}

function answer(status: number, code: string, message: string): ErrorResponse {
  return { status, body: { error: { code, message } } };
}
