import { Injectable, Logger } from '@nestjs/common';
import { SampledRead } from '../common/concurrency/sampled-read';
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
  private readonly backlog: SampledRead<BacklogSample>;
  private wasLagging = false;

  constructor(
    queue: ProcessingQueueRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.backlog = new SampledRead(() => queue.backlog());
  }

  /**
   * The backlog as last read, read again when older than `maxAgeMs`. One read at a time: while a
   * count of a long queue runs, callers get the previous sample rather than start another.
   */
  async current(maxAgeMs = 1000): Promise<Backlog> {
    const sample = await this.backlog.current(maxAgeMs);
    const now = Date.now();
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
