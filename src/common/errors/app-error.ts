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
  | 'rate_limited'
  | 'malformed_body'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'route_not_found'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'internal';

export type UnauthorizedReason = 'missing_key' | 'invalid_key' | 'revoked_key' | 'no_auth_declared';

export class UnauthorizedError extends AppError {
  readonly kind = 'unauthorized';
  constructor(readonly reason: UnauthorizedReason) {
    super(`Unauthorized: ${reason}`);
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

/** The body is not JSON. */
export class UnsupportedMediaTypeError extends AppError {
  readonly kind = 'unsupported_media_type';
  constructor() {
    super('Unsupported media type');
  }
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

/** The resource exists already with other content (an idempotency key reused for another body). */
export class ConflictError extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly resource: string,
    readonly id: string,
    /** The id under which the existing resource is known to the caller, when there is one. */
    readonly existingRef: string | null = null,
  ) {
    super(`${resource} ${id} already exists with other content`);
  }
}

/** Anything unexpected. The cause is logged with an error id; it never reaches the client. */
export class InternalError extends AppError {
  readonly kind = 'internal';
  constructor(override readonly cause: unknown) {
    super('Internal server error');
  }
}
