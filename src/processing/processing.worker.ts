import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { BatchProcessor } from './batch-processor';
import { PartitionLeases } from './leases/partition-leases';
import { PartitionLeasesRepository } from './leases/partition-leases.repository';
import { ProcessingQueueRepository } from './queue/processing-queue.repository';
import { ReceivedEventsSignal } from './queue/received-events.signal';

/**
 * This instance's worker: `WORKER_LOOPS` loops, each holding its share of the partitions (see
 * PartitionLeases) and processing their events batch after batch. A loop with nothing to do
 * sleeps until this instance commits new events or `WORKER_POLL_MS` passes.
 */
@Injectable()
export class ProcessingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ProcessingWorker');
  /** Unique among the instances sharing a database. */
  private readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  /**
   * Wake signals so far. A loop that found nothing compares it with what it was before its batch:
   * events committed while it was claiming were not in its claim, and it must not sleep past them.
   */
  private wakes = 0;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly batches: BatchProcessor,
    private readonly leases: PartitionLeasesRepository,
    private readonly queue: ProcessingQueueRepository,
    private readonly signal: ReceivedEventsSignal,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.worker.enabled) return;
    this.running = true;
    this.unsubscribe = this.signal.subscribe(() => this.wakeAll());
    this.loops = Array.from({ length: this.config.worker.loops }, (_, n) =>
      this.run(this.holder(`${this.instanceId}/${n + 1}`)),
    );
    this.logger.log(`${this.config.worker.loops} processing loops started (${this.instanceId})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wakeAll();
    await Promise.all(this.loops);
  }

  /**
   * Processes every event queued before the call, then returns how many this call processed. It
   * takes every partition no live loop holds; events of partitions held by running loops (this
   * instance's or others') are waited for. For tests and one-off runs.
   */
  async drain(timeoutMs = 60_000): Promise<number> {
    const until = await this.queue.lastSeq();
    const holder = new PartitionLeases(
      `${this.instanceId}/drain-${randomBytes(2).toString('hex')}`,
      this.leases,
      this.config.worker.leaseMs,
      0,
      true,
    );
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    try {
      for (;;) {
        await holder.refresh();
        let processed;
        while (
          (processed = await this.batches.processNext(holder, this.config.worker.batchSize)) > 0
        ) {
          total += processed;
        }
        if (!(await this.queue.waitsUpTo(until))) return total;
        if (Date.now() > deadline) throw new Error(`Events queued up to ${until} still wait`);
        await sleep(20);
      }
    } finally {
      await holder.release();
    }
  }

  private holder(owner: string): PartitionLeases {
    const { leaseMs, pollMs } = this.config.worker;
    const refreshMs = Math.min(Math.max(pollMs, 200), leaseMs / 3);
    return new PartitionLeases(owner, this.leases, leaseMs, refreshMs);
  }

  private async run(holder: PartitionLeases): Promise<void> {
    while (this.running) {
      let processed = 0;
      const wakesBefore = this.wakes;
      try {
        await holder.refreshIfDue();
        processed = await this.batches.processNext(holder, this.config.worker.batchSize);
      } catch (error) {
        this.logger.error(`Processing paused: ${(error as Error).message}`, (error as Error).stack);
      }
      if (!this.running) break;
      if (processed === 0) {
        if (this.wakes === wakesBefore) await this.sleep(this.config.worker.pollMs);
        await sleep(this.config.worker.lingerMs);
      } else if (processed < SMALL_BATCH) {
        await sleep(this.config.worker.lingerMs);
      }
    }
    await holder
      .release()
      .catch((error: Error) =>
        this.logger.warn(`${holder.owner} could not give its partitions back: ${error.message}`),
      );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wakeAll(): void {
    this.wakes += 1;
    for (const wake of [...this.sleepers]) wake();
  }
}

/**
 * After a batch smaller than this (or a wake from idle), a loop waits WORKER_LINGER_MS before
 * the next: under a steady trickle, a batch then takes the events that arrived meanwhile
 * instead of one or two, and the statements a batch costs (claim, leases, state reads, the
 * step's writes, the commit) are shared by several events. A backlog is never slowed: its
 * batches are full.
 */
const SMALL_BATCH = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
