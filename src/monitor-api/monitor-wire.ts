import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { httpStatusOf, type SharedError } from '../common/errors/shared-error';
import { preferredLanguage } from '../common/i18n/language';
import type { ErrorContext, ErrorResponse, WireFormat } from '../common/wire/wire-format';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';
import { MonitorErrorCode } from './monitor-error-code';
import { monitorFieldMessage } from './monitor-field-messages';
import { MONITOR_MESSAGES } from './monitor-messages';

export interface MonitorErrorDetail {
  field: string;
  message: string;
}

/** `{"success":false,"error":{code,message,details?,error_id?}}` */
export interface MonitorErrorBody {
  success: false;
  error: {
    code: MonitorErrorCode;
    message: string;
    details?: MonitorErrorDetail[];
    error_id?: string;
  };
}

export const MONITOR_WIRE = 'monitor';

/** Problems an answer lists at most: a body of 200,000 unknown keys gets no 17 MB answer. */
const MAX_DETAILS = 100;

/** The Betting Monitor API's error shape and language (seed 000, CONTRACTS.md section 1). */
@Injectable()
export class MonitorWire implements WireFormat, OnModuleInit {
  readonly name = MONITOR_WIRE;
  readonly paths = { exact: ['/api/v1'], prefixes: ['/api/v1/'] };

  constructor(
    private readonly registry: WireFormatRegistry,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderError(error: SharedError, { request, errorId }: ErrorContext): ErrorResponse {
    const [code, message, extra] = this.describe(
      error,
      errorId,
      request.headers['accept-language'],
    );
    return {
      status: httpStatusOf(error),
      body: { success: false, error: { code, message, ...extra } },
    };
  }

  private describe(
    error: SharedError,
    errorId: string | null,
    acceptLanguage: string | string[] | undefined,
  ): [MonitorErrorCode, string, Partial<MonitorErrorBody['error']>?] {
    const language = preferredLanguage(acceptLanguage);
    const t = MONITOR_MESSAGES[language];
    switch (error.kind) {
      case 'unauthorized':
        return [MonitorErrorCode.Unauthorized, t.unauthorized[error.reason]];
      case 'forbidden':
        return [MonitorErrorCode.Forbidden, t.forbidden];
      case 'rate_limited':
        return [
          MonitorErrorCode.RateLimited,
          t.rateLimited(error.limitPerWindow, error.retryAfterSeconds),
        ];
      case 'malformed_body':
        return [MonitorErrorCode.ValidationError, t.malformedBody];
      case 'payload_too_large':
        return [MonitorErrorCode.PayloadTooLarge, t.payloadTooLarge(this.config.bodyLimitBytes)];
      case 'unsupported_media_type':
        return [MonitorErrorCode.ValidationError, t.unsupportedMediaType(error.refused)];
      case 'route_not_found':
        return [MonitorErrorCode.NotFound, t.routeNotFound(error.method, error.path)];
      case 'validation':
        return [
          MonitorErrorCode.ValidationError,
          error.issues.length > MAX_DETAILS
            ? t.validationFailedListing(MAX_DETAILS, error.issues.length)
            : t.validationFailed,
          {
            details: error.issues.slice(0, MAX_DETAILS).map((issue) => ({
              field: issue.field,
              message: monitorFieldMessage(issue, language),
            })),
          },
        ];
      case 'not_found':
        return [MonitorErrorCode.NotFound, t.notFound(error.resource, error.id)];
      case 'conflict':
        return [
          MonitorErrorCode.Conflict,
          error.transition
            ? t.illegalMove(error.resource, error.id, error.transition.from, error.transition.to)
            : t.conflict(error.resource, error.id, error.existingRef, error.reason),
        ];
      case 'unavailable':
        return [
          MonitorErrorCode.ServiceUnavailable,
          t.unavailable(error.retryAfterSeconds, errorId ?? 'unknown'),
          errorId ? { error_id: errorId } : {},
        ];
      case 'internal':
        return [
          MonitorErrorCode.InternalError,
          t.internal(errorId ?? 'unknown'),
          errorId ? { error_id: errorId } : {},
        ];
    }
  }
}
