import { Injectable, OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { preferredLanguage } from '../common/i18n/language';
import { MONITOR_MESSAGES } from '../monitor-api/monitor-messages';
import {
  DASHBOARD_MESSAGES,
  dashboardFieldMessage,
  type DashboardErrorParams,
} from './dashboard-messages';
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

/**
 * A refusal of the dashboard API, answered `{"error":{"code","message"}}` with its status, its
 * message in the request's language (dashboard-messages.ts; `message` here is the English one).
 */
export class DashboardError extends Error {
  constructor(
    readonly code: DashboardErrorCode,
    readonly params: DashboardErrorParams = {},
  ) {
    super(DASHBOARD_MESSAGES.en.own[code](params));
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

  renderOwnError(exception: unknown, request?: FastifyRequest): ErrorResponse | null {
    if (exception instanceof TenancyError) {
      const invalid = exception.code === TenancyErrorCode.InvalidInput;
      return invalid
        ? answer(400, 'invalid_request', exception.message)
        : answer(404, 'not_found', exception.message);
    }
    if (!(exception instanceof DashboardError)) return null;
    const t = messagesFor(request);
    return answer(STATUS[exception.code], exception.code, t.own[exception.code](exception.params));
  }

  renderError(error: SharedError, { request, errorId }: ErrorContext): ErrorResponse {
    const language = preferredLanguage(request.headers['accept-language']);
    const t = DASHBOARD_MESSAGES[language];
    switch (error.kind) {
      case 'validation': {
        const failure = answer(
          400,
          'invalid_request',
          error.issues
            .map((i) => `${i.field}: ${dashboardFieldMessage(i, language)}`)
            .join(language === 'fr' ? ' ; ' : '; '),
        );
        (failure.body as { error: Record<string, unknown> }).error.fields = [
          ...new Set(error.issues.map((i) => i.field)),
        ];
        return failure;
      }
      case 'malformed_body':
        return answer(400, 'invalid_request', t.malformedBody);
      case 'unsupported_media_type':
        return answer(415, 'invalid_request', t.unsupportedMediaType(error.refused));
      case 'payload_too_large':
        return answer(413, 'invalid_request', t.payloadTooLarge);
      case 'unauthorized':
        return answer(401, 'not_logged_in', t.notLoggedIn);
      case 'forbidden':
        return answer(403, 'forbidden_role', t.forbidden);
      case 'rate_limited':
        return answer(429, 'rate_limited', t.rateLimited(error.retryAfterSeconds));
      case 'route_not_found':
        return answer(404, 'not_found', t.routeNotFound(error.method, error.path));
      case 'not_found':
        return answer(
          404,
          'not_found',
          language === 'en'
            ? `${error.resource} ${error.id} not found`
            : MONITOR_MESSAGES[language].notFound(error.resource, error.id),
        );
      case 'conflict':
        return answer(
          409,
          'conflict',
          language === 'en'
            ? error.message
            : error.transition
              ? MONITOR_MESSAGES[language].illegalMove(
                  error.resource,
                  error.id,
                  error.transition.from,
                  error.transition.to,
                )
              : MONITOR_MESSAGES[language].conflict(
                  error.resource,
                  error.id,
                  error.existingRef,
                  error.reason,
                ),
        );
      case 'unavailable':
        return answer(
          httpStatusOf(error),
          'unavailable',
          t.unavailable(error.retryAfterSeconds, errorId),
        );
      case 'internal':
        return answer(httpStatusOf(error), 'server_error', t.internal(errorId));
    }
  }
}

/** The dashboard's texts in the language the request asks for (English without a request). */
const messagesFor = (request: FastifyRequest | undefined) =>
  DASHBOARD_MESSAGES[preferredLanguage(request?.headers['accept-language'])];

function answer(status: number, code: string, message: string): ErrorResponse {
  return { status, body: { error: { code, message } } };
}
