import type {
  AppError,
  ErrorKind,
  InternalError,
  MalformedBodyError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestValidationError,
  ResourceNotFoundError,
  RouteNotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from './app-error';

/**
 * The errors every API answers. A wire format's `switch` over `kind` is checked for
 * exhaustiveness: a new kind must be answered by every API before it compiles.
 */
export type SharedError =
  | UnauthorizedError
  | RateLimitedError
  | MalformedBodyError
  | PayloadTooLargeError
  | UnsupportedMediaTypeError
  | RouteNotFoundError
  | RequestValidationError
  | ResourceNotFoundError
  | InternalError;

const SHARED_KINDS: ReadonlySet<ErrorKind> = new Set<SharedError['kind']>([
  'unauthorized',
  'rate_limited',
  'malformed_body',
  'payload_too_large',
  'unsupported_media_type',
  'route_not_found',
  'validation',
  'not_found',
  'internal',
]);

export function isSharedError(error: AppError): error is SharedError {
  return SHARED_KINDS.has(error.kind);
}
