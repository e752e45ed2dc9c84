import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from '../../observability/metrics-registry';

/** Attempt outcomes: `succeeded`, `retrying`, `failed` (no attempt left), `disabled` (endpoint). */
export type AttemptOutcomeLabel = 'succeeded' | 'retrying' | 'failed' | 'disabled';

/** Webhook deliveries in `/metrics`: attempts by outcome, their latency, endpoints disabled. */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly seconds: Histogram;
  private readonly disabled: Counter<'reason'>;

  constructor({ registry }: MetricsRegistry) {
    const registers = [registry];
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
