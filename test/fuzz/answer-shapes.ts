import { MonitorErrorCode } from '../../src/monitor-api/monitor-error-code';
import type { ApiName } from './openapi-operations';

/** An answer as the fuzz client read it. */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/**
 * Whether the route refused the request (nothing may be stored), and what is wrong with the
 * answer's shape, if anything: each API's errors in its own shape (CONTRACTS.md), whatever the
 * request was.
 */
export interface Judgement {
  refused: boolean;
  problem: string | null;
  /** Refused by authentication, before validation could look at it. */
  byGuard?: boolean;
}

const MONITOR_CODES: readonly string[] = Object.values(MonitorErrorCode);
/** MaxBridge answers everything HTTP 200 but an unknown path (404) and a rate limit (429). */
const MAXBRIDGE_STATUSES = [200, 404, 429];
const MAXBRIDGE_SUCCESS = 10;

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked field by field */
export function judge(api: ApiName, answer: FuzzAnswer): Judgement {
  if (answer.status >= 500) return { refused: true, problem: `status ${answer.status}` };
  // No content (the dashboard's logout): nothing to parse.
  if (answer.status === 204 && answer.text === '') return { refused: false, problem: null };
  let body: any;
  try {
    body = JSON.parse(answer.text);
  } catch {
    if (api === 'operations' && answer.status === 200) return { refused: false, problem: null };
    return { refused: true, problem: `not JSON: ${answer.text.slice(0, 200)}` };
  }
  if (!/^application\/json/.test(answer.contentType)) {
    return { refused: answer.status >= 400, problem: `content-type ${answer.contentType}` };
  }
  if (api === 'maxbridge') return judgeMaxBridge(answer.status, body);
  if (answer.status < 400) return { refused: false, problem: null };
  return {
    refused: true,
    problem: ERROR_SHAPES[api](answer.status, body),
    byGuard: answer.status === 401 || answer.status === 403,
  };
}

/** Wrong hash, used nonce, and headers missing (a 112 without the body's `fields`). */
const byMaxBridgeGuard = (body: any) =>
  body?.code === 139 || body?.code === 138 || (body?.code === 112 && body.data === undefined);

/**
 * `{"code":N,"message":"NAME","data"?:{...}}`; refused unless code 10. The seed's
 * get-transaction-details writes its code as a string (`"156"`): read as its number.
 */
function judgeMaxBridge(status: number, answered: any): Judgement {
  const body =
    typeof answered?.code === 'string' && /^\d+$/.test(answered.code)
      ? { ...answered, code: Number(answered.code) }
      : answered;
  const refused = body?.code !== MAXBRIDGE_SUCCESS;
  const byGuard = byMaxBridgeGuard(body);
  if (!MAXBRIDGE_STATUSES.includes(status))
    return { refused, byGuard, problem: `status ${status}` };
  const problem =
    onlyKeys(body, ['code', 'message', 'data'], ['code', 'message']) ??
    (Number.isInteger(body.code) ? null : 'code is not an integer') ??
    // The seed's own examples: `success`, `Success`, and 99's `Invalid Currency`.
    (/^([A-Z0-9_]+|success|Success|Invalid Currency)$/.test(body.message)
      ? null
      : `message ${body.message}`) ??
    (body.data === undefined || isObject(body.data) ? null : 'data is not an object');
  return { refused, problem, byGuard };
}

const ERROR_SHAPES: Record<
  Exclude<ApiName, 'maxbridge'>,
  (status: number, body: any) => string | null
> = {
  /** `{"success":false,"error":{"code","message","details"?:[{field,message}],"error_id"?}}` */
  monitor: (_status, body) =>
    onlyKeys(body, ['success', 'error'], ['success', 'error']) ??
    (body.success === false ? null : 'success is not false') ??
    onlyKeys(body.error, ['code', 'message', 'details', 'error_id'], ['code', 'message']) ??
    (MONITOR_CODES.includes(body.error.code) ? null : `code ${body.error.code}`) ??
    text(body.error.message, 'error.message') ??
    (body.error.details === undefined ||
    (Array.isArray(body.error.details) &&
      body.error.details.every(
        (d: any) => onlyKeys(d, ['field', 'message'], ['field', 'message']) === null,
      ))
      ? null
      : 'details are not [{field, message}]'),

  /** `{"error":{"message","details"?:{"<field>":["..."]},"status","error_id"?}}` */
  aml: (status, body) =>
    onlyKeys(body, ['error'], ['error']) ??
    onlyKeys(body.error, ['message', 'details', 'status', 'error_id'], ['message', 'status']) ??
    text(body.error.message, 'error.message') ??
    (body.error.status === status ? null : `error.status ${body.error.status} on ${status}`) ??
    (body.error.details === undefined ||
    (isObject(body.error.details) &&
      Object.values(body.error.details).every(
        (messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'),
      ))
      ? null
      : 'details are not {"<field>": ["..."]}'),

  /** `{"code":"NOT_FOUND","message":"...","id"?,"error_id"?}` */
  'maxbridge-retail': (_status, body) =>
    onlyKeys(body, ['code', 'message', 'id', 'error_id'], ['code', 'message']) ??
    (/^[A-Z_]+$/.test(body.code) ? null : `code ${body.code}`) ??
    text(body.message, 'message'),

  /** `{"error":{"code":"csrf_failed","message":"...","fields"?:["..."]}}` */
  dashboard: (_status, body) =>
    onlyKeys(body, ['error'], ['error']) ??
    onlyKeys(body.error, ['code', 'message', 'fields'], ['code', 'message']) ??
    (/^[a-z_]+$/.test(body.error.code) ? null : `code ${body.error.code}`) ??
    text(body.error.message, 'error.message') ??
    (body.error.fields === undefined ||
    (Array.isArray(body.error.fields) && body.error.fields.every((f: any) => typeof f === 'string'))
      ? null
      : 'fields are not ["..."]'),

  /** `{"detail":"..."}` */
  'bet-records': (_status, body) =>
    onlyKeys(body, ['detail', 'error_id'], ['detail']) ?? text(body.detail, 'detail'),

  /** `/health`'s own body, or `{"error":{"status","message"}}` for what fails before it. */
  operations: (status, body) =>
    status === 503
      ? onlyKeys(body, ['status', 'info', 'error', 'details'], ['status'])
      : (onlyKeys(body, ['error'], ['error']) ??
        onlyKeys(body.error, ['status', 'message', 'error_id'], ['status', 'message'])),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Null when `value` is an object with only `allowed` keys and every `required` one. */
function onlyKeys(value: unknown, allowed: string[], required: string[]): string | null {
  if (!isObject(value)) return `not an object: ${JSON.stringify(value)?.slice(0, 100)}`;
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  const missing = required.filter((key) => !(key in value));
  if (extra.length > 0) return `unexpected keys ${extra.join(', ')}`;
  if (missing.length > 0) return `missing keys ${missing.join(', ')}`;
  return null;
}

function text(value: unknown, name: string): string | null {
  return typeof value === 'string' && value.length > 0 ? null : `${name} is not a text`;
}
