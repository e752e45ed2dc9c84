import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS_CLIENT, type RedisClient } from '../../redis/redis.module';
import { FallbackWindowCounter } from './fallback-window-counter';
import { MemoryWindowCounter } from './memory-window-counter';
import { RedisWindowCounter } from './redis-window-counter';
import { TeamRateLimiter } from './team-rate-limiter';
import { WindowThrottlerStorage } from './window-throttler.storage';

/**
 * Per-team limits: counters in Redis when REDIS_URL is set, in memory otherwise. The throttler
 * module provides the storage; its guard is not used, because guards run after the body is parsed
 * and limits must apply (and their headers appear) before that.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: RedisClient) => {
        const memory = new MemoryWindowCounter();
        const counter = redis
          ? new FallbackWindowCounter(new RedisWindowCounter(redis, config.redisKeyPrefix), memory)
          : memory;
        return { throttlers: [], storage: new WindowThrottlerStorage(counter) };
      },
    }),
  ],
  providers: [TeamRateLimiter],
  exports: [TeamRateLimiter],
})
export class RateLimitModule {}
