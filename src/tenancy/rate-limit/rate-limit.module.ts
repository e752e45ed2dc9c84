import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS_CLIENT, RedisClient } from '../../redis/redis.module';
import { FallbackWindowCounter } from './fallback-window-counter';
import { MemoryWindowCounter } from './memory-window-counter';
import { RedisWindowCounter } from './redis-window-counter';
import { TeamRateLimitGuard } from './team-rate-limit.guard';
import { WindowThrottlerStorage } from './window-throttler.storage';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Per-team limits by plan: counters in Redis when REDIS_URL is set, in memory otherwise. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: RedisClient) => {
        const memory = new MemoryWindowCounter();
        const counter = redis
          ? new FallbackWindowCounter(new RedisWindowCounter(redis, config.redisKeyPrefix), memory)
          : memory;
        return {
          storage: new WindowThrottlerStorage(counter),
          throttlers: [
            {
              name: 'default',
              ttl: RATE_LIMIT_WINDOW_MS,
              limit: (context) => {
                const tenant = context.switchToHttp().getRequest<FastifyRequest>().tenant;
                return tenant ? config.rateLimitPerMinute[tenant.plan] : 0;
              },
            },
          ],
        };
      },
    }),
  ],
  providers: [TeamRateLimitGuard],
  exports: [ThrottlerModule, TeamRateLimitGuard],
})
export class RateLimitModule {}
