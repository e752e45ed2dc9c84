import { Injectable, OnModuleInit } from '@nestjs/common';
import { httpStatusOf, type SharedError } from '../../../common/errors/shared-error';
import type { ErrorContext, ErrorResponse, WireFormat } from '../../../common/wire/wire-format';
import { WireFormatRegistry } from '../../../common/wire/wire-format.registry';
import { CashDeskRefusal, type RefusalReason } from '../cash-desk.refusal';

/** A retail error: `{"code":"NOT_FOUND","message":"..."}`, and the reservation's `id` for 409 RESERVED. */
export interface RetailErrorBody {
  code: string;
  message: string;
  id?: string;
  error_id?: string;
}

export const RETAIL_WIRE = 'maxbridge-retail';

/** A missing or unknown retail key. */
export class RetailUnauthorized extends Error {}

const REFUSALS: Record<RefusalReason, { status: number; code: string }> = {
  user_not_found: { status: 404, code: 'NOT_FOUND' },
  location_not_found: { status: 404, code: 'NOT_FOUND' },
  not_found: { status: 404, code: 'NOT_FOUND' },
  transaction_not_found: { status: 404, code: 'NOT_FOUND' },
  reservation_exists: { status: 409, code: 'RESERVED' },
  no_account: { status: 409, code: 'INSUFFICIENT_FUNDS' },
  insufficient_funds: { status: 409, code: 'INSUFFICIENT_FUNDS' },
  outside_limits: { status: 409, code: 'CONFLICT' },
  account_blocked: { status: 409, code: 'CONFLICT' },
  already_settled: { status: 409, code: 'CONFLICT' },
  already_rejected: { status: 409, code: 'CONFLICT' },
  balance_limit: { status: 409, code: 'LIMIT_REACHED' },
};

/**
 * The wire of the routes the MaxBet retail system and SSBT terminals call (seed 003,
 * CONTRACTS.md section 4): plain HTTP statuses as the seed's examples (400, 401, 404, 409), each
 * error with a body that says which and why.
 */
@Injectable()
export class RetailWire implements WireFormat, OnModuleInit {
  readonly name = RETAIL_WIRE;
  readonly paths = {
    prefixes: [
      '/api/v1/get-locations',
      '/api/v1/get-reservation',
      '/api/lockless-reservation',
      '/api/ssbt-deposit',
    ],
  };

  constructor(private readonly registry: WireFormatRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderOwnError(exception: unknown): ErrorResponse | null {
    if (exception instanceof RetailUnauthorized) {
      return answer(401, 'UNAUTHORIZED', 'A valid retail API key is required in Authorization');
    }
    if (!(exception instanceof CashDeskRefusal)) return null;
    const { status, code } = REFUSALS[exception.reason];
    const error = answer(status, code, exception.message);
    // The existing reservation or deposit in the way (409 RESERVED, a terminal reference reused).
    if (exception.facts.id) (error.body as RetailErrorBody).id = exception.facts.id;
    return error;
  }

  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    switch (error.kind) {
      case 'validation':
        return answer(
          400,
          'INVALID_REQUEST',
          [...new Set(error.issues.map((i) => i.message))].join('; '),
        );
      case 'malformed_body':
        return answer(400, 'INVALID_REQUEST', 'The body must be valid JSON');
      case 'unsupported_media_type':
        return answer(415, 'INVALID_REQUEST', error.detail);
      case 'payload_too_large':
        return answer(413, 'INVALID_REQUEST', 'The body is too large');
      case 'unauthorized':
      case 'forbidden':
        return answer(401, 'UNAUTHORIZED', 'A valid retail API key is required in Authorization');
      case 'rate_limited':
        return answer(429, 'TOO_MANY_REQUESTS', `Retry in ${error.retryAfterSeconds} s`);
      case 'route_not_found':
        return answer(404, 'NOT_FOUND', `No route ${error.method} ${error.path}`);
      case 'not_found':
        return answer(404, 'NOT_FOUND', `${error.resource} ${error.id} not found`);
      case 'conflict':
        return answer(409, 'CONFLICT', `${error.resource} ${error.id} already exists`);
      case 'unavailable': {
        const failure = answer(
          httpStatusOf(error),
          'SERVICE_UNAVAILABLE',
          `Out of service for a moment; retry in ${error.retryAfterSeconds} s`,
        );
        (failure.body as RetailErrorBody).error_id = errorId ?? undefined;
        return failure;
      }
      case 'internal': {
        const failure = answer(
          httpStatusOf(error),
          'SERVER_ERROR',
          'A failure of ours; nothing was written',
        );
        (failure.body as RetailErrorBody).error_id = errorId ?? undefined;
        return failure;
      }
    }
  }
}

function answer(status: number, code: string, message: string): ErrorResponse {
  const body: RetailErrorBody = { code, message };
  return { status, body };
}
