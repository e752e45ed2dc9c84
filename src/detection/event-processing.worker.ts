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

  private processBatch(limit: number): Promise<number> {
    return this.database.transaction(async (session) => {
      const events = await this.queue.claim(session, limit);
      if (events.length === 0) return 0;
      await this.processors.run(session, events);
      await this.queue.markProcessed(
        session,
        events.map((event) => event.id),
        MicroTime.now(),
      );
      return events.length;
    });
  }

  private async processOneByOne(limit: number): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      let failedId: string | null = null;
      try {
        const processed = await this.database.transaction(async (session) => {
          const events = await this.queue.claim(session, 1);
          failedId = events[0]?.id ?? null;
          if (events.length === 0) return 0;
          await this.processors.run(session, events);
          await this.queue.markProcessed(session, [events[0].id], MicroTime.now());
          return 1;
        });
        if (processed === 0) break;
      } catch (error) {
        if (!(error instanceof ProcessingStepError) || failedId === null) throw error;
        const failed = await this.queue.recordFailure(
          failedId,
          error.message,
          MAX_PROCESSING_ATTEMPTS,
          MicroTime.now(),
        );
        this.logger.error(
          `Event ${failedId}: ${error.message}${failed ? ' (FAILED for good)' : ''}`,
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
