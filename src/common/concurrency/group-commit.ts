export interface GroupCommitOptions {
  /** Most items handed to one flush. */
  maxItems: number;
  /** Flushes running at once; items arriving meanwhile wait and form the next group. */
  concurrency: number;
  /**
   * Under load (a flush started or ended less than this long ago), wait this long for more items before
   * flushing. Matters where a flush does not yield to the event loop (SQLite writes
   * synchronously), so that nothing could pile up during it.
   */
  lingerMs?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (outcome: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted together are flushed together, and each submitter learns its own
 * outcome only once the flush that carried it has finished. Alone, an item is flushed on the next
 * turn of the event loop (no added wait); under load, items pile up while the flushes in flight
 * run, and the next flush takes them all at once.
 */
export class GroupCommit<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private lastFlushAt = -Infinity;

  constructor(
    /** Writes the items; returns one outcome per item, in order. */
    private readonly flush: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items submitted and not yet flushed, plus those in flushes still running. */
  get pending(): number {
    return this.waiting.length + this.inFlight;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.concurrency) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      this.startFlushes();
    };
    const linger = this.options.lingerMs ?? 0;
    if (linger > 0 && performance.now() - this.lastFlushAt < linger) setTimeout(start, linger);
    // Alone: the requests that arrived in this same turn of the event loop join the group.
    else setImmediate(start);
  }

  private startFlushes(): void {
    while (this.inFlight < this.options.concurrency && this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.options.maxItems);
      this.inFlight++;
      this.lastFlushAt = performance.now();
      void this.flushGroup(group).finally(() => {
        this.inFlight--;
        // A flush that blocked the event loop (SQLite's fsync) may outlast the linger: its end,
        // not only its start, tells that items are arriving faster than they are written.
        this.lastFlushAt = performance.now();
        if (this.waiting.length > 0) this.schedule();
      });
    }
  }

  private async flushGroup(group: Waiting<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.flush(group.map((waiting) => waiting.item));
      group.forEach((waiting, index) => waiting.resolve(outcomes[index]));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
