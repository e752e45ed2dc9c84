import type { AppError, ErrorKind } from '../errors/app-error';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  unauthorized: 401,
  rate_limited: 429,
  malformed_body: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  route_not_found: 404,
  validation: 400,
  not_found: 404,
  internal: 500,
};

/** The plain HTTP status of a shared error; APIs that answer business errors with 200 ignore it. */
export function statusOf(error: AppError): number {
  return STATUS_BY_KIND[error.kind];
}
