import type { ThrottlerStorage } from '@nestjs/throttler';
import type { WindowCounter } from './window-counter';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export interface WindowThrottlerRecord extends ThrottlerStorageRecord {
  /** When the current window ends (epoch milliseconds): the `X-RateLimit-Reset` instant. */
  resetAtMs: number;
}

/**
 * @nestjs/throttler storage over fixed windows. Over the limit, a caller stays blocked until the
 * window ends, whatever `blockDuration` says.
 */
export class WindowThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counter: WindowCounter) {}

  async increment(key: string, ttl: number, limit: number): Promise<WindowThrottlerRecord> {
    const { count, windowEndsAtMs } = await this.counter.hit(key, ttl);
    const secondsLeft = Math.max(1, Math.ceil((windowEndsAtMs - Date.now()) / 1000));
    const isBlocked = count > limit;
    return {
      totalHits: count,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
      resetAtMs: windowEndsAtMs,
    };
  }
}
