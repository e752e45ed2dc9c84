import type Redis from 'ioredis';
import type { NonceStore } from './nonce-store';

/** In Redis, one key per nonce that expires by itself. Shared by every instance. */
export class RedisNonceStore implements NonceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    const set = await this.redis.set(
      `${this.keyPrefix}maxbridge:nonce:${nonce}`,
      '1',
      'EX',
      ttlSeconds,
      'NX',
    );
    return set === 'OK';
  }
}
