import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../observability/metrics-registry';

/** `retried`: the transaction ran again; `gave_up`: no retry was left, the caller got the error. */
export type LockConflictOutcome = 'retried' | 'gave_up';

/**
 * Conflicts met by transactions (deadlocks, lock wait timeouts, a concurrent write seen too late:
 * `isRetryableConflict`), in `/metrics`. A few retried ones are normal under concurrency; a rising
 * rate shows writers queuing on the same rows (several instances, more loops), and any `gave_up`
 * is an operation that failed for it.
 */
@Injectable()
export class DatabaseMetrics {
  private readonly conflicts: Counter<'outcome'>;

  constructor({ registry }: MetricsRegistry) {
    this.conflicts = new Counter({
      name: 'db_transaction_conflicts_total',
      help: 'Deadlocks, lock wait timeouts and late-seen concurrent writes met by transactions: retried, or given up (no retry left)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const outcome of ['retried', 'gave_up'] as const) this.conflicts.inc({ outcome }, 0);
  }

  countConflict(outcome: LockConflictOutcome): void {
    this.conflicts.inc({ outcome });
  }
}
