import { Injectable, OnModuleInit } from '@nestjs/common';
import type { FieldIssue } from '../common/errors/app-error';
import type { SharedError } from '../common/errors/shared-error';
import type {
  AnswerOutcome,
  ErrorContext,
  ErrorResponse,
  WireFormat,
} from '../common/wire/wire-format';
import { WireFormatRegistry } from '../common/wire/wire-format.registry';
import { MaxBridgeCode, messageOf } from './maxbridge-code';
import { MaxBridgeError } from './maxbridge.error';
import { CashDeskRefusal, type RefusalReason } from './cash-desk/cash-desk.refusal';

/** Every MaxBridge answer: `{"code":N,"message":"NAME"}`, with `data` on success and some errors. */
export interface MaxBridgeAnswer<T = unknown> {
  code: number;
  message: string;
  data?: T;
}

/** `message` is the code's unless a route's seed example shows another (`"Success"`). */
export function maxBridgeAnswer<T>(
  code: MaxBridgeCode,
  data?: T,
  message = messageOf(code),
): MaxBridgeAnswer<T> {
  return { code, message, ...(data !== undefined && { data }) };
}

/** How the code-wrapped routes answer a cash desk's refusal. */
const REFUSAL_CODES: Record<RefusalReason, MaxBridgeCode> = {
  user_not_found: MaxBridgeCode.ACCOUNT_NOT_FOUND,
  location_not_found: MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS,
  not_found: MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS,
  transaction_not_found: MaxBridgeCode.TRANSACTION_NOT_FOUND,
  reservation_exists: MaxBridgeCode.STATUS_ITEM_EXISTS,
  no_account: MaxBridgeCode.USERS_ACCOUNTS_NOT_FOUND,
  insufficient_funds: MaxBridgeCode.INSUFFICIENT_FUNDS,
  outside_limits: MaxBridgeCode.TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH,
  account_blocked: MaxBridgeCode.ACCOUNT_IS_BLOCKED,
  already_settled: MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID,
  already_rejected: MaxBridgeCode.TRANSACTION_STATUS_REJECTED,
  balance_limit: MaxBridgeCode.FINANCIAL_LIMIT_REACHED,
};

export const MAXBRIDGE_WIRE = 'maxbridge';

/**
 * MaxBridge's wire (seed 003, CONTRACTS.md section 4): every answer, errors included, is HTTP 200
 * with a code of the seed's table, as the seed's examples answer; only a failure of ours is a 500
 * (code 268 SERVER_ERROR), and a path that does not exist a 404 (code 99).
 */
@Injectable()
export class MaxBridgeWire implements WireFormat, OnModuleInit {
  readonly name = MAXBRIDGE_WIRE;
  readonly paths = {
    prefixes: [
      '/api/payment',
      '/api/v1/transactions',
      '/api/v1/payment',
      '/api/v1/ssbt',
      '/api/v1/auth',
      '/paymentswebapi',
    ],
  };

  constructor(private readonly registry: WireFormatRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  outcomeOf(body: unknown): AnswerOutcome | null {
    return outcomeOf(body);
  }

  renderOwnError(exception: unknown): ErrorResponse | null {
    if (exception instanceof CashDeskRefusal) {
      const { id, code } = exception.facts;
      // An open reservation already exists: its pickup code and id, as a create would answer.
      const data = exception.reason === 'reservation_exists' && id ? { code, id } : undefined;
      return { status: 200, body: maxBridgeAnswer(REFUSAL_CODES[exception.reason], data) };
    }
    if (!(exception instanceof MaxBridgeError)) return null;
    return { status: 200, body: maxBridgeAnswer(exception.code, exception.data) };
  }

  renderError(error: SharedError, { errorId }: ErrorContext): ErrorResponse {
    const ok = (code: MaxBridgeCode, data?: object) => ({
      status: 200,
      body: maxBridgeAnswer(code, data),
    });
    switch (error.kind) {
      case 'validation': {
        // The seed's `{"currency":"EURS","amount":10}` answers this before its missing fields.
        if (error.issues.some((issue) => issue.constraint === 'isKnownCurrency')) {
          return {
            status: 200,
            body: maxBridgeAnswer(MaxBridgeCode.WRONG_REQUEST, undefined, 'Invalid Currency'),
          };
        }
        const missing = error.issues.filter((issue) => issue.constraint === 'isDefined');
        return missing.length > 0
          ? ok(MaxBridgeCode.MISSING_PARAMETERS, { fields: fieldsOf(missing) })
          : ok(MaxBridgeCode.WRONG_REQUEST, { fields: fieldsOf(error.issues) });
      }
      case 'malformed_body':
        return ok(MaxBridgeCode.WRONG_REQUEST, { fields: { body: 'The body must be valid JSON' } });
      case 'unsupported_media_type':
        return ok(MaxBridgeCode.WRONG_REQUEST, {
          fields: { body: error.detail },
        });
      case 'payload_too_large':
        return ok(MaxBridgeCode.WRONG_REQUEST, { fields: { body: 'The body is too large' } });
      case 'unauthorized':
      case 'forbidden':
        return ok(MaxBridgeCode.ACCESS_DENIED);
      case 'rate_limited':
        return { status: 429, body: maxBridgeAnswer(MaxBridgeCode.IP_IS_BLOCKED) };
      case 'conflict':
        return ok(MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID);
      case 'not_found':
        return ok(MaxBridgeCode.STATUS_ITEM_DOES_NOT_EXISTS);
      case 'route_not_found':
        return {
          status: 404,
          body: maxBridgeAnswer(MaxBridgeCode.WRONG_REQUEST, {
            fields: { path: `No route ${error.method} ${error.path}` },
          }),
        };
      // The same code as any failure of ours; the 503 and its `Retry-After` say to retry.
      case 'unavailable':
        return {
          status: 503,
          body: maxBridgeAnswer(MaxBridgeCode.SERVER_ERROR, { error_id: errorId }),
        };
      case 'internal':
        return {
          status: 500,
          body: maxBridgeAnswer(MaxBridgeCode.SERVER_ERROR, { error_id: errorId }),
        };
    }
  }
}

/** The first message of each failing field: `{"amount":"amount must be an integer of cents"}`. */
function fieldsOf(issues: readonly FieldIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of issues) fields[field] ??= message;
  return fields;
}

export const MAXBRIDGE_TEXT_CODES_WIRE = 'maxbridge-text-codes';

/**
 * The same answers with `code` as a string (`{"code":"156","message":"TRANSACTION_NOT_FOUND"}`),
 * as the seed's `get-transaction-details` shows them: for that route only.
 */
@Injectable()
export class MaxBridgeTextCodesWire implements WireFormat, OnModuleInit {
  readonly name = MAXBRIDGE_TEXT_CODES_WIRE;
  readonly paths = { exact: ['/api/v1/ssbt/transactions/get-transaction-details'] };

  constructor(
    private readonly registry: WireFormatRegistry,
    private readonly wire: MaxBridgeWire,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  renderOwnError(exception: unknown): ErrorResponse | null {
    const answer = this.wire.renderOwnError(exception);
    return answer && withTextCode(answer);
  }

  renderError(error: SharedError, context: ErrorContext): ErrorResponse {
    return withTextCode(this.wire.renderError(error, context));
  }

  outcomeOf(body: unknown): AnswerOutcome | null {
    return outcomeOf(body);
  }
}

/** `{"code":139,...}` (or `"139"`): `mbCode` and the table's `mbName`, a refusal unless 10. */
function outcomeOf(body: unknown): AnswerOutcome | null {
  const raw = (body as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof code !== 'number' || !Number.isInteger(code)) return null;
  const name = (MaxBridgeCode[code] as string | undefined) ?? 'UNKNOWN';
  return {
    fields: { mbCode: code, mbName: name },
    code: String(code),
    refused: code !== MaxBridgeCode.STATUS_SUCCESS,
    api: MAXBRIDGE_WIRE,
  };
}

const withTextCode = ({ status, body }: ErrorResponse): ErrorResponse => ({
  status,
  body: { ...(body as MaxBridgeAnswer), code: String((body as MaxBridgeAnswer).code) },
});
