import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../observability/metrics-registry';

/** Why an event was refused: its fields, or its `event_id` taken by other content or a brand. */
export type RefusalReason = 'invalid' | 'conflict';

/**
 * Monitor events refused at ingestion, single or in a batch, in `/metrics`. A batch answers
 * HTTP 200 however many of its events it refused: without this count, an integrator whose
 * batches are half refused looks healthy.
 */
@Injectable()
export class IngestMetrics {
  private readonly refused: Counter<'route' | 'reason'>;

  constructor({ registry }: MetricsRegistry) {
    this.refused = new Counter({
      name: 'events_refused_total',
      help: 'Monitor events refused at ingestion, by route (single, batch) and reason (invalid: a field; conflict: its event_id holds other content or another brand)',
      labelNames: ['route', 'reason'] as const,
      registers: [registry],
    });
  }

  countRefused(route: 'single' | 'batch', reason: RefusalReason, events = 1): void {
    if (events > 0) this.refused.inc({ route, reason }, events);
  }
}
