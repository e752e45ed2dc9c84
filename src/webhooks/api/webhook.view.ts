import { MicroTime } from '../../common/time/micro-time';
import type { AttemptRow, WebhookMessage } from '../delivery/webhook-messages.repository';
import type { WebhookEndpoint } from '../endpoints/webhook-endpoints.repository';

const iso = (text: string | null) =>
  text === null ? null : MicroTime.fromDatabaseText(text).toIso();

/** An endpoint on the wire; its secret only when `withSecret` (creation and rotation). */
export function webhookView(endpoint: WebhookEndpoint, withSecret = false) {
  const stillSigning =
    endpoint.previousSecretUntil !== null &&
    MicroTime.fromDatabaseText(endpoint.previousSecretUntil).micros > MicroTime.now().micros;
  return {
    id: endpoint.uuid,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.eventTypes,
    rate_limit: endpoint.rateLimit,
    active: endpoint.active,
    disabled_reason: endpoint.disabledReason,
    previous_secret_expires_at: stillSigning ? iso(endpoint.previousSecretUntil) : null,
    created_at: iso(endpoint.createdAt),
    updated_at: iso(endpoint.updatedAt),
    ...(withSecret ? { secret: endpoint.secret } : {}),
  };
}

/** A delivery on the wire: the message and each of its attempts, oldest first. */
export function deliveryView(
  message: WebhookMessage & { attemptList: AttemptRow[] },
): Record<string, unknown> {
  return {
    id: message.uuid,
    event_type: message.eventType,
    status: message.status,
    attempt_count: message.attempts,
    next_attempt_at: message.status === 'pending' ? iso(message.nextAttemptAt) : null,
    created_at: iso(message.createdAt),
    last_attempt_at: iso(message.lastAttemptAt),
    attempts: message.attemptList.map((attempt) => ({
      at: iso(attempt.at),
      status_code: attempt.statusCode,
      latency_ms: attempt.latencyMs,
      error: attempt.error,
      response_head: attempt.responseHead,
    })),
  };
}
