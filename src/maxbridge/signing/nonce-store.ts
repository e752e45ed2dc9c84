import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';

/** Remembers used nonces for a while. */
export interface NonceStore {
  /** True the first time `nonce` is offered within `ttlSeconds`; false for a replay. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean>;
}

export const NONCE_STORE = Symbol('NONCE_STORE');

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

const PRUNE_EVERY_MS = 60_000;

/**
 * In the database (`maxbridge_nonces`), shared by every instance: the primary key makes a nonce
 * claimed once; an expired one may be claimed again, and expired rows are pruned every minute.
 */
@Injectable()
export class SqlNonceStore implements NonceStore, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SqlNonceStore');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly database: SqlDatabase) {}

  claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    const now = MicroTime.now();
    const expiresAt = MicroTime.fromMicros(now.micros + ttlSeconds * 1_000_000).toDatabaseText();
    return this.database.autocommit(async (session) => {
      const inserted = await session.execute(
        `${session.dialect.insertIgnoring} INTO maxbridge_nonces (nonce, expires_at) VALUES (?, ?)`,
        [nonce, expiresAt],
      );
      if (inserted === 1) return true;
      // Used before: free again only once its time is over (and not yet pruned).
      const renewed = await session.execute(
        'UPDATE maxbridge_nonces SET expires_at = ? WHERE nonce = ? AND expires_at <= ?',
        [expiresAt, nonce, now.toDatabaseText()],
      );
      return renewed === 1;
    });
  }

  /** Deletes the nonces whose time is over; returns how many. */
  prune(): Promise<number> {
    return this.database.autocommit((session) =>
      session.execute('DELETE FROM maxbridge_nonces WHERE expires_at <= ?', [
        MicroTime.now().toDatabaseText(),
      ]),
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn(`Pruning used nonces failed (retried in a minute): ${String(error)}`),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
