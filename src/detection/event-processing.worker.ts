import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { SqlDatabase } from '../database/sql-database';
import { ReceivedEventQueue } from '../events/received-event.queue';
import { EventProcessors, ProcessingStepError } from './event-processor';

/** Attempts at an event whose processing fails before it is FAILED. */
export const MAX_PROCESSING_ATTEMPTS = 3;

/**
 * Moves RECEIVED events to PROCESSED, oldest first, a batch per transaction: claim (locked,
 * skipping what other workers hold), run the processing steps, mark. If a step fails, the batch
 * is retried event by event so that only the event at fault is counted a failure.
 */
@Injectable()
export class EventProcessingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventProcessingWorker');
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly database: SqlDatabase,
    private readonly queue: ReceivedEventQueue,
    private readonly processors: EventProcessors,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.worker.enabled) return;
    this.running = true;
    this.unsubscribe = this.queue.onReceived(() => this.wake?.());
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wake?.();
    await this.loop;
  }

  /** Processes what is waiting now, batch after batch; returns how many events it processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (let processed; (processed = await this.processNext()) > 0;) total += processed;
    return total;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.processNext();
      } catch (error) {
        this.logger.error(`Processing paused: ${(error as Error).message}`, (error as Error).stack);
      }
      if (processed === 0 && this.running) await this.idle(this.config.worker.pollMs);
    }
  }

  private async processNext(): Promise<number> {
    try {
      return await this.processBatch(this.config.worker.batchSize);
    } catch (error) {
      if (!(error instanceof ProcessingStepError)) throw error;
      this.logger.warn(`${error.message}; retrying the batch event by event`);
      return this.processOneByOne(this.config.worker.batchSize);
    }
  }

  /**
   * One transaction: claim up to `limit` events, run the steps, mark them PROCESSED. Returns how
   * many it processed; `claimed` learns their ids first, so a failure can name them.
   */
  private processBatch(limit: number, claimed: (ids: string[]) => void = () => undefined) {
    return this.database.transaction(async (session) => {
      const events = await this.queue.claim(session, limit);
      const ids = events.map((event) => event.id);
      claimed(ids);
      if (events.length === 0) return 0;
      await this.processors.run(session, events);
      await this.queue.markProcessed(session, ids, MicroTime.now());
      return events.length;
    });
  }

  private async processOneByOne(limit: number): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      let eventId: string | undefined;
      try {
        if ((await this.processBatch(1, (ids) => (eventId = ids[0]))) === 0) break;
      } catch (error) {
        if (!(error instanceof ProcessingStepError) || eventId === undefined) throw error;
        const failed = await this.queue.recordFailure(
          eventId,
          error.message,
          MAX_PROCESSING_ATTEMPTS,
          MicroTime.now(),
        );
        this.logger.error(
          `Event ${eventId}: ${error.message}${failed ? ' (FAILED for good)' : ''}`,
        );
      }
      handled++;
    }
    return handled;
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
