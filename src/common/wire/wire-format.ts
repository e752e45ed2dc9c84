import type { FastifyRequest } from 'fastify';
import type { SharedError } from '../errors/shared-error';

/**
 * What an answer said, for APIs whose body carries a business code beside the HTTP status
 * (MaxBridge answers refusals with HTTP 200): logged with the request and counted in /metrics.
 */
export interface AnswerOutcome {
  /** Fields of the request's log line (`{"mbCode":139,"mbName":"WRONG_HASH"}`). */
  fields: Record<string, string | number>;
  /** The code, as the `code` label of `business_answers_total`. */
  code: string;
  /** A refusal: its log line is a warning even with an HTTP 200. */
  refused: boolean;
  /** The `api` label: the wire's name unless the wire says otherwise. */
  api?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    answerOutcome?: AnswerOutcome;
  }
}

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
   * exact paths first, then the longest matching prefix. A prefix owns its own path and everything
   * under it (`/api/v1/transactions` and `/api/v1/transactions/...`), whether or not it ends in `/`.
   */
  readonly paths: { exact?: readonly string[]; prefixes?: readonly string[] };
  renderError(error: SharedError, context: ErrorContext): ErrorResponse;
  /**
   * The API's own domain errors (MaxBridge's status codes): the answer for `exception` when it is
   * one, else null and the shared errors apply.
   */
  renderOwnError?(exception: unknown, request?: FastifyRequest): ErrorResponse | null;
  /** For APIs with business codes in their bodies: what an answer (any of this API's) says. */
  outcomeOf?(body: unknown): AnswerOutcome | null;
}
