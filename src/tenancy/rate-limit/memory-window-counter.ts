import type { WindowCount, WindowCounter } from './window-counter';

const SWEEP_EVERY_HITS = 10_000;

/** One process's counters: the default, and the fallback while Redis is unreachable. */
export class MemoryWindowCounter implements WindowCounter {
  private readonly windows = new Map<string, { window: number; count: number }>();
  private hitsSinceSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowMs: number): Promise<WindowCount> {
    const window = Math.floor(this.now() / windowMs);
    let entry = this.windows.get(key);
    if (!entry || entry.window !== window) {
      entry = { window, count: 0 };
      this.windows.set(key, entry);
    }
    entry.count += 1;
    if (++this.hitsSinceSweep >= SWEEP_EVERY_HITS) this.sweep(window);
    return Promise.resolve({ count: entry.count, windowEndsAtMs: (window + 1) * windowMs });
  }

  private sweep(currentWindow: number): void {
    this.hitsSinceSweep = 0;
    for (const [key, entry] of this.windows) {
      if (entry.window < currentWindow) this.windows.delete(key);
    }
  }
}
