import { MicroTime } from '../../common/time/micro-time';
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
