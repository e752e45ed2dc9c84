import { Injectable, Logger } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { ProcessingQueueRepository, type BacklogSample } from './queue/processing-queue.repository';

/** The backlog as `/metrics` and `/health` show it. */
export interface Backlog extends BacklogSample {
  /** Seconds since the first waiting event was received; 0 when none waits. */
  oldestAgeSeconds: number;
  /** Past `WORKER_LAG_DEGRADED_SECONDS`. */
  lagging: boolean;
}

/**
 * Reads the backlog (events waiting, age of the oldest) at most once per `maxAgeMs`: scrapes and
 * health checks from every load balancer share one count of the queue.
 */
@Injectable()
export class BacklogMonitor {
  private readonly logger = new Logger('Backlog');
  private sample: { at: number; value: Promise<BacklogSample> } | null = null;
  private wasLagging = false;

  constructor(
    private readonly queue: ProcessingQueueRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async current(maxAgeMs = 1000): Promise<Backlog> {
    const now = Date.now();
    if (!this.sample || now - this.sample.at > maxAgeMs) {
      const value = this.queue.backlog();
      this.sample = { at: now, value };
      value.catch(() => (this.sample = null));
    }
    const sample = await this.sample.value;
    const oldestAgeSeconds = sample.oldestReceivedAt
      ? Math.max(
          0,
          (now - MicroTime.fromDatabaseText(sample.oldestReceivedAt).micros / 1000) / 1000,
        )
      : 0;
    const lagging = oldestAgeSeconds > this.config.worker.lagDegradedSeconds;
    if (lagging !== this.wasLagging) {
      this.wasLagging = lagging;
      if (lagging) {
        this.logger.warn(
          `Processing lags: the oldest waiting event was received ${Math.round(oldestAgeSeconds)} s ago ` +
            `(limit ${this.config.worker.lagDegradedSeconds} s); ${sample.byStream.monitor + sample.byStream.aml} events wait`,
        );
      } else {
        this.logger.log('Processing caught up');
      }
    }
    return { ...sample, oldestAgeSeconds, lagging };
  }
}
