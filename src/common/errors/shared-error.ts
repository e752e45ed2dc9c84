import type {
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

/** The errors every API must answer; a wire's `switch` over `kind` is checked for exhaustiveness. */
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
