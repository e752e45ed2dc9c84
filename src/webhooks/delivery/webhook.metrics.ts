import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { SampledRead } from '../../common/concurrency/sampled-read';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { MetricsRegistry } from '../../observability/metrics-registry';
import { WebhookMessagesRepository } from './webhook-messages.repository';

/** Attempt outcomes: `succeeded`, `retrying`, `failed` (no attempt left), `disabled` (endpoint). */
export type AttemptOutcomeLabel = 'succeeded' | 'retrying' | 'failed' | 'disabled';

/**
 * Webhook deliveries in `/metrics`: attempts by outcome, their latency, endpoints disabled; and,
 * read from the outbox when scraped (every instance's), the messages waiting, how late the
 * earliest due one is, and the endpoints failing.
 */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly seconds: Histogram;
  private readonly disabled: Counter<'reason'>;

  constructor(
    { registry }: MetricsRegistry,
    database: SqlDatabase,
    messages: WebhookMessagesRepository,
  ) {
    const registers = [registry];
    // One read of the outbox a second at most, shared by the three gauges below and every scrape.
    const outbox = new SampledRead(() => messages.backlog(database));
    // The database out of reach: /metrics still answers, with the last values read.
    const backlog = () => outbox.current(1000).catch(() => null);
    new Gauge({
      name: 'webhook_messages_waiting',
      help: 'Webhook messages waiting to be sent (pending) or held by a paused endpoint (paused), every instance’s',
      labelNames: ['status'],
      registers,
      async collect() {
        const current = await backlog();
        if (!current) return;
        this.set({ status: 'pending' }, current.pending);
        this.set({ status: 'paused' }, current.paused);
      },
    });
    new Gauge({
      name: 'webhook_oldest_due_age_seconds',
      help: 'How long the earliest due pending message has been due (0: none is): a growing age says the dispatchers are behind or off',
      registers,
      async collect() {
        const current = await backlog();
        if (!current) return;
        const due = current.earliestDue && MicroTime.fromDatabaseText(current.earliestDue).micros;
        this.set(due ? Math.max(0, (Date.now() * 1000 - due) / 1e6) : 0);
      },
    });
    new Gauge({
      name: 'webhook_endpoints_failing',
      help: 'Endpoints on whose every attempt has failed lately (disabled after WEBHOOK_DISABLE_AFTER of it)',
      registers,
      async collect() {
        const current = await backlog();
        if (current) this.set(current.failing);
      },
    });
    this.attempts = new Counter({
      name: 'webhook_attempts_total',
      help: 'Delivery attempts, by what they led to (succeeded, retrying, failed: no attempt left, disabled: the endpoint)',
      labelNames: ['outcome'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'webhook_attempt_seconds',
      help: 'Time from sending a delivery to its answer (or error)',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.disabled = new Counter({
      name: 'webhook_endpoints_disabled_total',
      help: 'Endpoints the service disabled: gone (answered 410), failing (failed for too long)',
      labelNames: ['reason'],
      registers,
    });
  }

  countAttempt(outcome: AttemptOutcomeLabel, latencyMs: number): void {
    this.attempts.inc({ outcome });
    this.seconds.observe(latencyMs / 1000);
  }

  countDisabled(reason: string): void {
    this.disabled.inc({ reason });
  }
}
