import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsRegistry } from '../observability/metrics-registry';
import { BacklogMonitor } from './backlog-monitor';
import { STREAM_NAMES, type StreamName } from './queue/event-stream';
import { ReceivedEventsSignal } from './queue/received-events.signal';

/**
 * Processing in `/metrics`: events received (by this instance) and processed or failed (by its
 * worker), per stream; batch durations; and the backlog of the whole queue (every instance's),
 * read when scraped.
 */
@Injectable()
export class ProcessingMetrics implements OnModuleDestroy {
  private readonly received: Counter<'stream'>;
  private readonly processed: Counter<'stream'>;
  private readonly failed: Counter<'stream'>;
  private readonly batchSeconds: Histogram<'outcome'>;
  private readonly stepSeconds: Counter<'step'>;
  private readonly settleFailures: Counter;
  private readonly unsubscribe: () => void;

  constructor(
    { registry }: MetricsRegistry,
    signal: ReceivedEventsSignal,
    backlog: BacklogMonitor,
  ) {
    const registers = [registry];
    this.received = new Counter({
      name: 'events_received_total',
      help: 'Events stored and queued for processing by this instance, by stream (monitor, aml)',
      labelNames: ['stream'],
      registers,
    });
    this.processed = new Counter({
      name: 'events_processed_total',
      help: "Events this instance's worker processed, by stream",
      labelNames: ['stream'],
      registers,
    });
    this.failed = new Counter({
      name: 'events_failed_total',
      help: "Events this instance's worker gave up on (FAILED after their last attempt), by stream",
      labelNames: ['stream'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'processing_batch_duration_seconds',
      help: 'Time of one processing transaction (claim, steps, commit), by outcome (committed, failed)',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.stepSeconds = new Counter({
      name: 'processing_step_seconds_total',
      help: 'Time spent in each processing step (player-activity, projections, detection), batches rolled back included',
      labelNames: ['step'],
      registers,
    });
    this.settleFailures = new Counter({
      name: 'processing_settle_failures_total',
      help: 'Failures of the work steps leave for after a batch (detection second looks); it is retried after the next batch',
      registers,
    });
    new Gauge({
      name: 'processing_backlog_events',
      help: 'Events waiting for processing in the whole queue (every instance), by stream',
      labelNames: ['stream'],
      registers,
      async collect() {
        // The database out of reach: /metrics still answers, with the last values read.
        const current = await backlog.current().catch(() => null);
        for (const stream of STREAM_NAMES) {
          if (current) this.set({ stream }, current.byStream[stream]);
        }
      },
    });
    new Gauge({
      name: 'processing_backlog_oldest_age_seconds',
      help: 'Seconds since the oldest event still waiting for processing was received (0: none waits)',
      registers,
      async collect() {
        const current = await backlog.current().catch(() => null);
        if (current) this.set(current.oldestAgeSeconds);
      },
    });
    for (const stream of STREAM_NAMES) {
      this.received.inc({ stream }, 0);
      this.processed.inc({ stream }, 0);
      this.failed.inc({ stream }, 0);
    }
    this.unsubscribe = signal.subscribe((stream, count) => this.received.inc({ stream }, count));
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  countProcessed(counts: ReadonlyMap<StreamName, number>): void {
    for (const [stream, count] of counts) this.processed.inc({ stream }, count);
  }

  countFailed(stream: StreamName): void {
    this.failed.inc({ stream });
  }

  countSettleFailure(): void {
    this.settleFailures.inc();
  }

  observeStep(step: string, seconds: number): void {
    this.stepSeconds.inc({ step }, seconds);
  }

  observeBatch(seconds: number, outcome: 'committed' | 'failed'): void {
    this.batchSeconds.observe({ outcome }, seconds);
  }
}
