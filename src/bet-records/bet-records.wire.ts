import { Injectable, OnModuleInit } from '@nestjs/common';
import { unavailableText } from '../common/errors/app-error';
import { httpStatusOf, type SharedError } from '../common/errors/shared-error';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import type { ErrorContext, ErrorResponse, WireFormat } from '../common/wire/wire-format';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';

/** `{"detail":"..."}`: every error of the Bet Records API (seed 002, CONTRACTS.md section 3). */
export interface BetRecordsErrorBody {
  detail: string;
  error_id?: string;
}

export const BET_RECORDS_WIRE = 'bet-records';

@Injectable()
export class BetRecordsWire implements WireFormat, OnModuleInit {
  readonly name = BET_RECORDS_WIRE;
  readonly paths = {
    exact: ['/api/bet', '/api/sports-bet'],
    prefixes: ['/api/bet/', '/api/sports-bet/'],
  };

  constructor(
    private readonly registry: WireFormatRegistry,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    const body: BetRecordsErrorBody = {
      detail: this.detailOf(error, errorId),
      ...(errorId && { error_id: errorId }),
    };
    return { status: httpStatusOf(error), body };
  }

  private detailOf(error: SharedError, errorId: string | null): string {
    switch (error.kind) {
      case 'validation':
        return [...new Set(error.issues.map((i) => i.message))].join('; ');
      case 'malformed_body':
        return 'Malformed JSON';
      case 'unsupported_media_type':
        return error.detail;
      case 'unauthorized':
        return 'Invalid or missing API key';
      case 'forbidden':
        return 'Forbidden: this route serves team-wide API keys only';
      case 'rate_limited':
        return `Rate limit exceeded; retry in ${error.retryAfterSeconds} s`;
      case 'payload_too_large':
        return `Request body exceeds the limit of ${this.config.bodyLimitBytes} bytes`;
      case 'route_not_found':
        return `Route ${error.method} ${error.path} not found`;
      case 'not_found':
        return `${error.resource} ${error.id} not found`;
      case 'conflict':
        return error.reason === 'other_brand'
          ? error.message
          : `${error.resource} ${error.id} already exists`;
      case 'unavailable':
        return unavailableText(error.retryAfterSeconds, errorId);
      case 'internal':
        return `Internal server error (error id ${errorId ?? 'unknown'})`;
    }
  }
}
