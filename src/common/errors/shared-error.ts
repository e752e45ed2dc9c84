import type {
  AppError,
  ConflictError,
  ErrorKind,
  ForbiddenError,
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestValidationError,
  ResourceNotFoundError,
  RouteNotFoundError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './app-error';

/**
 * The errors every API answers. A wire format's `switch` over `kind` is checked for
 * exhaustiveness: a new kind must be answered by every API before it compiles.
 */
export type SharedError =
  | UnauthorizedError
  | ForbiddenError
  | RateLimitedError
  | MalformedBodyError
  | PayloadTooLargeError
  | UnsupportedMediaTypeError
  | RouteNotFoundError
  | RequestValidationError
  | ResourceNotFoundError
  | ConflictError
  | ServiceUnavailableError
  | InternalError;

/** The HTTP status of each kind, for APIs that answer errors with HTTP statuses. */
const HTTP_STATUS: Record<ErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  malformed_body: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  route_not_found: 404,
  validation: 400,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

export function httpStatusOf(error: SharedError): number {
  return HTTP_STATUS[error.kind];
}

export function isSharedError(error: AppError): error is SharedError {
  return Object.hasOwn(HTTP_STATUS, error.kind);
}
