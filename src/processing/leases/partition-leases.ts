import { Logger } from '@nestjs/common';
import { PARTITION_COUNT } from '../queue/partition';
import type { PartitionLeasesRepository } from './partition-leases.repository';

/**
 * The partitions one worker loop holds. Each refresh beats the loop's heart, extends its leases
 * and shares the partitions out evenly among the live loops of every instance: a loop holding
 * more than its share gives the rest back, one holding less takes free or expired ones. A loop
 * that dies (kill -9, lost network) stops renewing: after the lease time its partitions go to
 * the others, and its unfinished batch was rolled back by the database with its connection.
 */
export class PartitionLeases {
  private readonly logger = new Logger('PartitionLeases');
  private held: number[] = [];
  private refreshedAt = 0;
  private tookOver = false;

  constructor(
    readonly owner: string,
    private readonly repository: PartitionLeasesRepository,
    private readonly leaseMs: number,
    /** How often to refresh: shares settle within a few of these after a loop starts or stops. */
    private readonly refreshMs: number,
    /** Takes every free partition, whatever the share (a drain that must empty the queue). */
    private readonly greedy = false,
  ) {}

  get partitions(): readonly number[] {
    return this.held;
  }

  async refreshIfDue(now = Date.now()): Promise<void> {
    if (now - this.refreshedAt >= this.refreshMs) await this.refresh(now);
  }

  async refresh(now = Date.now()): Promise<void> {
    const until = now + this.leaseMs;
    if (!this.greedy) await this.repository.heartbeat(this.owner, now);
    let held = await this.repository.renew(this.owner, this.held, until);
    const share = this.greedy
      ? PARTITION_COUNT
      : Math.ceil(
          PARTITION_COUNT / Math.max(1, await this.repository.liveWorkers(now - this.leaseMs)),
        );
    if (held.length > share) {
      const extra = held.slice(share);
      await this.repository.release(this.owner, extra);
      held = held.slice(0, share);
    } else if (held.length < share) {
      const taken = await this.repository.acquire(this.owner, share - held.length, now, until);
      if (taken.length > 0) {
        this.tookOver = true;
        this.logger.debug(`${this.owner} took partitions ${taken.join(', ')}`);
        held = [...held, ...taken].sort((a, b) => a - b);
      }
    }
    if (!this.greedy && Math.random() < 0.05) {
      await this.repository.forgetWorkers(now - 20 * this.leaseMs);
    }
    this.held = held;
    this.refreshedAt = now;
  }

  /** Whether the loop took partitions since last asked (their holder may have left work). */
  takeOverNoticed(): boolean {
    const tookOver = this.tookOver;
    this.tookOver = false;
    return tookOver;
  }

  /** Gives every partition back and leaves the live loops (a clean stop). */
  async release(): Promise<void> {
    const held = this.held;
    this.held = [];
    await this.repository.release(this.owner, held);
    if (!this.greedy) await this.repository.removeWorker(this.owner);
  }

  /** The partitions were found taken over (a lease that expired during a long pause). */
  lost(partitions: readonly number[]): void {
    const lost = new Set(partitions);
    this.held = this.held.filter((partition) => !lost.has(partition));
  }
}
