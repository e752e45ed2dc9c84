import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConflictError, RequestValidationError, type FieldIssue } from '../common/errors/app-error';
import { GroupCommit } from '../common/concurrency/group-commit';
import { MicroTime } from '../common/time/micro-time';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { LookupsService } from '../lookups/lookups.service';
import { monitorIssue } from '../monitor-api/monitor-field-messages';
import { MAX_BATCH_EVENTS } from './validation/event-fields';
import { EventValidator, type ValidEvent } from './validation/event.validator';
import { IngestMetrics } from './ingest.metrics';
import { EventWriter, type PendingEvent, type WriteOutcome } from './event.writer';

/** A single event accepted: stored now, or stored before with the same content. */
export interface AcceptedEvent {
  valid: ValidEvent;
  uuid: string;
  receivedAt: MicroTime;
}

/** One event of a batch, in input order. */
export type BatchEntry =
  | { accepted: true; externalEventId: string; uuid: string }
  | { accepted: false; externalEventId: string | null; issues: FieldIssue[] };

/**
 * Ingestion of monitor events. A 202 (single) or a success entry (batch) is given only once the
 * event's row is committed. Single events go through a group commit: requests arriving together
 * share one multi-row INSERT and one transaction.
 */
@Injectable()
export class IngestService implements OnModuleInit {
  private validator: EventValidator;
  private readonly singles: GroupCommit<PendingEvent, WriteOutcome>;

  constructor(
    private readonly lookups: LookupsService,
    private readonly writer: EventWriter,
    private readonly metrics: IngestMetrics,
    @InjectConfig() config: AppConfig,
  ) {
    this.singles = new GroupCommit((events) => this.writer.write(events), {
      maxItems: config.ingest.groupCommitMaxEvents,
      concurrency: config.ingest.groupCommitConcurrency,
      lingerMs: lingerFor(config),
    });
  }

  onModuleInit(): void {
    this.validator = new EventValidator(this.lookups);
  }

  async ingestOne(teamId: number, brandId: number | null, body: unknown): Promise<AcceptedEvent> {
    const receivedAt = MicroTime.now();
    const check = this.validator.check(body);
    if (!check.valid) {
      this.metrics.countRefused('single', 'invalid');
      throw new RequestValidationError(check.issues);
    }
    const outcome = await this.singles.submit({ teamId, brandId, valid: check.value, receivedAt });
    if (outcome.kind === 'conflict') {
      this.metrics.countRefused('single', 'conflict');
      const eventId = check.value.event.external_event_id;
      throw outcome.uuid === null
        ? ConflictError.ofOtherBrand('Event', eventId)
        : new ConflictError('Event', eventId, outcome.uuid);
    }
    return { valid: check.value, uuid: outcome.uuid, receivedAt: outcome.receivedAt };
  }

  async ingestBatch(teamId: number, brandId: number | null, body: unknown): Promise<BatchEntry[]> {
    const receivedAt = MicroTime.now();
    const events = eventsOf(body);
    const checks = events.map((event, index) => this.validator.check(event, `events[${index}].`));
    const pending = checks.flatMap((check) =>
      check.valid ? [{ teamId, brandId, valid: check.value, receivedAt }] : [],
    );
    const outcomes = pending.length > 0 ? await this.writer.write(pending) : [];

    let next = 0;
    const entries = checks.map((check, index): BatchEntry => {
      if (!check.valid)
        return { accepted: false, externalEventId: check.externalEventId, issues: check.issues };
      const externalEventId = check.value.event.external_event_id;
      const outcome = outcomes[next++];
      if (outcome.kind === 'conflict') {
        return {
          accepted: false,
          externalEventId,
          issues: [
            monitorIssue(`events[${index}].event_id`, outcome.uuid ? 'conflict' : 'otherBrand', {
              label: 'event_id',
              value: externalEventId,
            }),
          ],
        };
      }
      return { accepted: true, externalEventId, uuid: outcome.uuid };
    });
    const invalid = checks.filter((check) => !check.valid).length;
    this.metrics.countRefused('batch', 'invalid', invalid);
    this.metrics.countRefused(
      'batch',
      'conflict',
      entries.filter((entry) => !entry.accepted).length - invalid,
    );
    return entries;
  }
}

/** The batch's `events`: an array of 1 to 1000 items, or the whole request is refused. */
function eventsOf(body: unknown): unknown[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (events === undefined || events === null) {
    throw new RequestValidationError([monitorIssue('events', 'required', { label: 'events' })]);
  }
  if (!Array.isArray(events)) {
    throw new RequestValidationError([monitorIssue('events', 'array', { label: 'events' })]);
  }
  if (events.length < 1 || events.length > MAX_BATCH_EVENTS) {
    throw new RequestValidationError([
      monitorIssue('events', 'batchSize', { label: 'events', min: 1, max: MAX_BATCH_EVENTS }),
    ]);
  }
  return events;
}

function lingerFor({ ingest, database }: AppConfig): number {
  if (ingest.groupCommitLingerMs >= 0) return ingest.groupCommitLingerMs;
  return database.dialect === 'sqlite' ? 2 : 0;
}
