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
  private sample: { at: number; value: BacklogSample } | null = null;
  private reading: Promise<BacklogSample> | null = null;
  private wasLagging = false;

  constructor(
    private readonly queue: ProcessingQueueRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * The backlog as last read, read again when older than `maxAgeMs`. One read at a time: while a
   * count of a long queue runs (more than FRESH_WAIT_MS), callers get the previous sample rather
   * than start another or wait for it.
   */
  async current(maxAgeMs = 1000): Promise<Backlog> {
    const now = Date.now();
    if (!this.sample || now - this.sample.at > maxAgeMs) {
      this.reading ??= this.queue
        .backlog()
        .then((value) => {
          this.sample = { at: Date.now(), value };
          return value;
        })
        .finally(() => (this.reading = null));
      if (!this.sample) await this.reading;
      else await Promise.race([this.reading.catch(() => undefined), sleep(FRESH_WAIT_MS)]);
    }
    const sample = this.sample!.value;
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

/** How long a caller waits for a fresh count before it takes the previous one. */
const FRESH_WAIT_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
