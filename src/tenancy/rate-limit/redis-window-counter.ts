import type Redis from 'ioredis';
import type { WindowCount, WindowCounter } from './window-counter';

/**
 * One round trip per hit. The window comes from Redis's clock, so instances with drifting clocks
 * still share one window. The hash tag keeps a key's windows in one Redis Cluster slot.
 */
const HIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local window = math.floor(now / windowMs)
local key = KEYS[1] .. ':' .. window
local count = redis.call('INCR', key)
if count == 1 then redis.call('PEXPIRE', key, windowMs + 1000) end
return { count, (window + 1) * windowMs }
`;

export class RedisWindowCounter implements WindowCounter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const [count, windowEndsAtMs] = (await this.redis.eval(
      HIT_SCRIPT,
      1,
      `${this.keyPrefix}rl:{${key}}`,
      windowMs,
    )) as [number, number];
    return { count: Number(count), windowEndsAtMs: Number(windowEndsAtMs) };
  }
}
