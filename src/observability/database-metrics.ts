import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { SqlDatabase } from '../database/sql-database';
import { MetricsRegistry } from './metrics-registry';

/**
 * Conflicts met by transactions (deadlocks, lock wait timeouts, a concurrent write seen too late:
 * `isRetryableConflict`), in `/metrics`. A few retried ones are normal under concurrency; a rising
 * rate shows writers queuing on the same rows (several instances, more loops), and any `gave_up`
 * is an operation that failed for it.
 */
@Injectable()
export class DatabaseMetrics {
  constructor({ registry }: MetricsRegistry, database: SqlDatabase) {
    const conflicts = new Counter({
      name: 'db_transaction_conflicts_total',
      help: 'Deadlocks, lock wait timeouts and late-seen concurrent writes met by transactions: retried, or given up (no retry left)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    for (const outcome of ['retried', 'gave_up'] as const) conflicts.inc({ outcome }, 0);
    database.onConflict((outcome) => conflicts.inc({ outcome }));
  }
}
