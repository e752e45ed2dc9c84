import type { FastifyRequest } from 'fastify';
import type { SharedError } from '../errors/shared-error';

export interface ErrorResponse {
  status: number;
  body: unknown;
}

export interface ErrorContext {
  request: FastifyRequest;
  /** Set for internal errors only: the id under which the cause was logged. */
  errorId: string | null;
}

/**
 * One API's way of answering errors. Each API module has exactly one, used by its controllers'
 * exception filter and, for errors raised before a route is known, by the fallback filter.
 */
export interface WireFormat {
  readonly name: string;
  /**
   * Paths this API answers for when no route matched or the request failed before routing:
   * exact paths first, then the longest matching prefix.
   */
  readonly paths: { exact?: readonly string[]; prefixes?: readonly string[] };
  renderError(error: SharedError, context: ErrorContext): ErrorResponse;
  /**
   * The API's own domain errors (MaxBridge's status codes): the answer for `exception` when it is
   * one, else null and the shared errors apply.
   */
  renderOwnError?(exception: unknown): ErrorResponse | null;
}
