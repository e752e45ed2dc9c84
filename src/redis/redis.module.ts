import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** Null when REDIS_URL is not set: features then keep their state in process memory. */
export type RedisClient = Redis | null;

const READY_WAIT_MS = 2000;
const COMMAND_TIMEOUT_MS = 250;

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<RedisClient> => {
        if (!config.redisUrl) return null;
        const logger = new Logger('Redis');
        const client = new Redis(config.redisUrl, {
          // Fail fast instead of queueing or waiting: callers have a fallback, requests must not
          // hang, even when Redis stops answering without closing connections.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          commandTimeout: COMMAND_TIMEOUT_MS,
          connectTimeout: READY_WAIT_MS,
          retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
        });
        let lastWarningAt = 0;
        client.on('error', (error: Error) => {
          if (Date.now() - lastWarningAt < 30_000) return;
          lastWarningAt = Date.now();
          logger.warn(`Redis: ${error.message} (retrying; repeats are muted for 30 s)`);
        });
        const ready = await waitForReady(client, READY_WAIT_MS);
        if (!ready) logger.warn('Redis is not reachable yet; continuing, it will be retried');
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }
}

function waitForReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
