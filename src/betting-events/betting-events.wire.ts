import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { unavailableText } from '../common/errors/app-error';
import { httpStatusOf, type SharedError } from '../common/errors/shared-error';
import type { ErrorContext, ErrorResponse, WireFormat } from '../common/wire/wire-format';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';

/** `{"error":{"message":"...","details"?:{"<field>":["<message>"]},"status":N,"error_id"?}}` */
export interface BettingEventsErrorBody {
  error: {
    message: string;
    details?: Record<string, string[]>;
    status: number;
    error_id?: string;
  };
}

export const BETTING_EVENTS_WIRE = 'betting-events';

/** The AML Betting Events API's error shape (seed 001, CONTRACTS.md section 2), in English. */
@Injectable()
export class BettingEventsWire implements WireFormat, OnModuleInit {
  readonly name = BETTING_EVENTS_WIRE;
  readonly paths = { exact: ['/betting-events'], prefixes: ['/betting-events/'] };

  constructor(
    private readonly registry: WireFormatRegistry,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    const status = httpStatusOf(error);
    const [message, details] = this.describe(error, errorId);
    const body: BettingEventsErrorBody = {
      error: {
        message,
        ...(details && { details }),
        status,
        ...(errorId && { error_id: errorId }),
      },
    };
    return { status, body };
  }

  private describe(
    error: SharedError,
    errorId: string | null,
  ): [string, Record<string, string[]>?] {
    switch (error.kind) {
      case 'validation':
        return ['Invalid input data', detailsOf(error.issues)];
      case 'malformed_body':
        return ['Invalid input data', { body: ['Malformed JSON'] }];
      case 'unsupported_media_type':
        return ['Invalid input data', { body: [error.detail] }];
      case 'unauthorized':
        return ['Unauthorized'];
      case 'forbidden':
        return ['Forbidden: this route serves team-wide API keys only'];
      case 'rate_limited':
        return [`Rate limit exceeded; retry in ${error.retryAfterSeconds} s`];
      case 'payload_too_large':
        return [`Request body exceeds the limit of ${this.config.bodyLimitBytes} bytes`];
      case 'route_not_found':
        return [`Route ${error.method} ${error.path} not found`];
      case 'not_found':
        return [`${error.resource} ${error.id} not found`];
      case 'conflict':
        return [error.message];
      case 'unavailable':
        return [unavailableText(error.retryAfterSeconds, errorId)];
      case 'internal':
        return [`Internal server error (error id ${errorId ?? 'unknown'})`];
    }
  }
}

/** Every failing field with its messages (each once), in the order found: `{"bet_legs[1].odds": ["..."]}`. */
function detailsOf(
  issues: readonly { field: string; message: string }[],
): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const { field, message } of issues) {
    const messages = (details[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return details;
}
