import type { Language } from '../common/i18n/language';
import { cutAt } from '../common/text/well-formed';
import type { AnswerOutcome } from '../common/wire/wire-format';
import { monitorFieldMessage } from '../monitor-api/monitor-field-messages';
import type { BatchResponseDto } from './dto/batch-result.dto';
import type { EventAcceptedResponseDto } from './dto/event-accepted.dto';
import type { EventStatusDto } from './dto/event-status.dto';
import type { EventStatusView } from './event-status.service';
import type { AcceptedEvent, BatchEntry } from './ingest.service';

/** The Betting Monitor API's success bodies of the ingestion routes (seed 000). */
export function toAcceptedResponse({
  valid,
  uuid,
  receivedAt,
}: AcceptedEvent): EventAcceptedResponseDto {
  const { event } = valid;
  return {
    success: true,
    data: {
      uuid,
      event_month: valid.month,
      external_event_id: event.external_event_id,
      amount_cents: event.amount * 100,
      amount: event.amount,
      currency: event.currency,
      received_at: receivedAt.toIso(),
    },
  };
}

export function toBatchResponse(entries: BatchEntry[], language: Language): BatchResponseDto {
  const events = entries.map((entry) =>
    entry.accepted
      ? { uuid: entry.uuid, external_event_id: entry.externalEventId }
      : {
          uuid: null,
          external_event_id: entry.externalEventId,
          error: entry.issues.map((issue) => monitorFieldMessage(issue, language)).join('; '),
        },
  );
  const successCount = entries.filter((entry) => entry.accepted).length;
  return {
    success: true,
    data: { success_count: successCount, failed_count: entries.length - successCount, events },
  };
}

/**
 * What a batch's answer (HTTP 200 whatever it refused) says when it refused events: its log line
 * is then a warning naming the first refusal (in English), and /metrics counts it
 * (`business_answers_total{code="events_refused"}`).
 */
export function batchOutcomeOf(entries: readonly BatchEntry[]): AnswerOutcome | null {
  const refused = entries.filter((entry) => !entry.accepted);
  if (refused.length === 0) return null;
  const [first] = refused;
  return {
    api: 'monitor',
    code: 'events_refused',
    refused: true,
    fields: {
      accepted: entries.length - refused.length,
      refused: refused.length,
      firstRefused: cutAt(
        `${first.externalEventId ?? '(no event_id)'}: ${first.issues
          .map((issue) => monitorFieldMessage(issue, 'en'))
          .join('; ')}`,
        500,
      ),
    },
  };
}

export function toStatusResponse(row: EventStatusView): EventStatusDto {
  return {
    uuid: row.uuid,
    status: row.status,
    processed_at: row.processedAt?.toIso() ?? null,
    alerts: row.alerts,
  };
}
