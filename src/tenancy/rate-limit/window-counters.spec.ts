import { FallbackWindowCounter } from './fallback-window-counter';
import { MemoryWindowCounter } from './memory-window-counter';
import { WindowThrottlerStorage } from './window-throttler.storage';
import type { WindowCounter } from './window-counter';

describe('MemoryWindowCounter', () => {
  it('counts per key within a clock-aligned window, and starts again in the next one', async () => {
    let now = 120_000 + 59_000; // 59 s into a minute
    const counter = new MemoryWindowCounter(() => now);
    expect(await counter.hit('a', 60_000)).toEqual({ count: 1, windowEndsAtMs: 180_000 });
    expect(await counter.hit('a', 60_000)).toEqual({ count: 2, windowEndsAtMs: 180_000 });
    expect(await counter.hit('b', 60_000)).toEqual({ count: 1, windowEndsAtMs: 180_000 });
    now = 180_000; // the next minute
    expect(await counter.hit('a', 60_000)).toEqual({ count: 1, windowEndsAtMs: 240_000 });
  });

  it('forgets past windows as it goes (bounded memory)', async () => {
    let now = 0;
    const counter = new MemoryWindowCounter(() => now);
    for (let i = 0; i < 5000; i++) await counter.hit(`team:${i}`, 60_000);
    now = 60_000;
    for (let i = 0; i < 5000; i++) await counter.hit('busy', 60_000);
    const size = (counter as unknown as { windows: Map<string, unknown> }).windows.size;
    expect(size).toBe(1);
  });
});

describe('FallbackWindowCounter', () => {
  const failing: WindowCounter = { hit: () => Promise.reject(new Error('redis down')) };

  it('uses the primary while it answers', async () => {
    const primary: WindowCounter = {
      hit: () => Promise.resolve({ count: 7, windowEndsAtMs: 60_000 }),
    };
    const counter = new FallbackWindowCounter(primary, new MemoryWindowCounter(() => 0));
    expect(await counter.hit('k', 60_000)).toEqual({ count: 7, windowEndsAtMs: 60_000 });
  });

  it('counts on the fallback when the primary fails', async () => {
    const counter = new FallbackWindowCounter(failing, new MemoryWindowCounter(() => 0));
    expect(await counter.hit('k', 60_000)).toEqual({ count: 1, windowEndsAtMs: 60_000 });
    expect(await counter.hit('k', 60_000)).toEqual({ count: 2, windowEndsAtMs: 60_000 });
  });
});

describe('WindowThrottlerStorage', () => {
  it('blocks past the limit until the window ends', async () => {
    const windowEndsAtMs = Date.now() + 30_500;
    let count = 0;
    const storage = new WindowThrottlerStorage({
      hit: () => Promise.resolve({ count: ++count, windowEndsAtMs }),
    });
    const atLimit = await storage.increment('k', 60_000, 2);
    expect(await storage.increment('k', 60_000, 2)).toMatchObject({
      totalHits: 2,
      isBlocked: false,
    });
    expect(atLimit).toEqual({
      totalHits: 1,
      timeToExpire: 31,
      isBlocked: false,
      timeToBlockExpire: 0,
      resetAtMs: windowEndsAtMs,
    });
    expect(await storage.increment('k', 60_000, 2)).toEqual({
      totalHits: 3,
      timeToExpire: 31,
      isBlocked: true,
      timeToBlockExpire: 31,
      resetAtMs: windowEndsAtMs,
    });
  });

  it('never announces less than one second to wait', async () => {
    const storage = new WindowThrottlerStorage({
      hit: () => Promise.resolve({ count: 9, windowEndsAtMs: Date.now() }),
    });
    expect(await storage.increment('k', 60_000, 1)).toMatchObject({
      timeToBlockExpire: 1,
      timeToExpire: 1,
    });
  });
});
