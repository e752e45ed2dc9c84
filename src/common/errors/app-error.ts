/**
 * Errors that any API can raise, before or around its own logic: authentication, rate limits,
 * malformed requests, unknown routes, validation. They carry facts, not text: each API's wire
 * format turns them into its own status, body and language.
 */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
}

export type ErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'malformed_body'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'route_not_found'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'internal';

export type UnauthorizedReason = 'missing_key' | 'invalid_key' | 'revoked_key' | 'no_auth_declared';

export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
  constructor(readonly reason: UnauthorizedReason) {
    super(`Unauthorized: ${reason}`);
  }
}

/**
 * The caller is known, but this route is not for its credentials: a brand-scoped API key on a
 * route of team-wide data (alerts, players, webhooks).
 */
export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
  constructor(readonly reason: 'brand_key') {
    super(`Forbidden: ${reason}`);
  }
}

export class RateLimitedError extends AppError {
  readonly kind = 'rate_limited';
  constructor(
    readonly limitPerWindow: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`Rate limit of ${limitPerWindow} exceeded`);
  }
}

export class MalformedBodyError extends AppError {
  readonly kind = 'malformed_body';
  constructor(readonly detail: string) {
    super(`Malformed body: ${detail}`);
  }
}

/** The body exceeds BODY_LIMIT_BYTES (each API states the limit from the configuration). */
export class PayloadTooLargeError extends AppError {
  readonly kind = 'payload_too_large';
  constructor() {
    super('Payload too large');
  }
}

/** What of a JSON body's encoding was refused: a `Content-Encoding`, or a `charset`. */
export type MediaRefusal = { kind: 'encoding' | 'charset'; value: string };

/** The body is not JSON, is compressed, or is declared in another charset than UTF-8. */
export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported_media_type';
  /** `refused`: a `Content-Encoding` or a `charset` the service does not read, when that was it. */
  constructor(readonly refused: MediaRefusal | null = null) {
    super(
      refused === null
        ? 'Unsupported media type'
        : `Unsupported ${refused.kind === 'encoding' ? 'Content-Encoding' : 'charset'} ${refused.value}`,
    );
  }

  /** The refusal in English, for the wires that speak no other language. */
  get detail(): string {
    return unsupportedMediaText(this.refused);
  }
}

/** The English refusal of a body that is not JSON, compressed, or not in UTF-8. */
export function unsupportedMediaText(refused: MediaRefusal | null): string {
  if (refused === null) return 'Content-Type must be application/json';
  return refused.kind === 'encoding'
    ? `Content-Encoding ${refused.value} is not supported: send the body uncompressed`
    : `charset ${refused.value} is not supported: send the body in UTF-8`;
}

export class RouteNotFoundError extends AppError {
  readonly kind = 'route_not_found';
  constructor(
    readonly method: string,
    readonly path: string,
  ) {
    super(`No route for ${method} ${path}`);
  }
}

/** One invalid input field. `constraint` names the rule that failed, for translation. */
export interface FieldIssue {
  field: string;
  constraint: string;
  /** The validator's own English message, used when a wire has no text of its own. */
  message: string;
  params?: Record<string, unknown>;
}

export class RequestValidationError extends AppError {
  readonly kind = 'validation';
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid request: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
  }
}

/** A resource that does not exist for this caller (another team's resource included). */
export class ResourceNotFoundError extends AppError {
  readonly kind = 'not_found';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} not found`);
  }
}

/**
 * Why an id the caller chose is taken: by a resource with other content (an idempotency key
 * reused for another body), or by one of another brand of the caller's team, which a brand's key
 * may neither see nor change (the answer names nothing of it); or the resource's state does not
 * allow the change asked for (`transition`: an alert cannot go from RESOLVED to ACKNOWLEDGED).
 */
export type ConflictReason = 'other_content' | 'other_brand' | 'state';

export class ConflictError extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly resource: string,
    readonly id: string,
    /** The id under which the existing resource is known to the caller, when there is one. */
    readonly existingRef: string | null = null,
    readonly reason: ConflictReason = 'other_content',
    readonly transition: { from: string; to: string } | null = null,
  ) {
    super(
      reason === 'other_brand'
        ? `${resource} ${id} belongs to another brand`
        : reason === 'state'
          ? `${resource} ${id} cannot move from ${transition?.from} to ${transition?.to}`
          : `${resource} ${id} already exists with other content`,
    );
  }

  /** The resource's state does not allow this move. */
  static ofState(resource: string, id: string, from: string, to: string): ConflictError {
    return new ConflictError(resource, id, null, 'state', { from, to });
  }

  /** The id is another brand's: nothing of that resource may be named. */
  static ofOtherBrand(resource: string, id: string): ConflictError {
    return new ConflictError(resource, id, null, 'other_brand');
  }
}

/**
 * The database is out of reach (`unreachable`), or stayed locked past its retries (`busy`):
 * nothing about the request is wrong, and the same request a little later may well succeed.
 * Answered 503 with `Retry-After`; logged with an error id like an internal error, since
 * operators must see it.
 */
export class ServiceUnavailableError extends AppError {
  readonly kind = 'unavailable';
  readonly retryAfterSeconds = 5;
  constructor(
    override readonly cause: unknown,
    readonly reason: 'unreachable' | 'busy' = 'unreachable',
  ) {
    super('Service temporarily unavailable');
  }
}

/** The English answer of a ServiceUnavailableError, for the wires that speak no other language. */
export const unavailableText = (retryAfterSeconds: number, errorId: string | null) =>
  `Service temporarily unavailable; retry in ${retryAfterSeconds} s (error id ${errorId ?? 'unknown'})`;

/** Anything unexpected. The cause is logged with an error id; it never reaches the client. */
export class InternalError extends AppError {
  readonly kind = 'internal';
  constructor(override readonly cause: unknown) {
    super('Internal server error');
  }
}
