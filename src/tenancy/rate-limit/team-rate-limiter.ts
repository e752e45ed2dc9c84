import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.module';
import { RateLimitedError } from '../../common/errors/app-error';
import type { Tenant } from '../tenant';
import type { WindowThrottlerRecord } from './window-throttler.storage';

export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * One budget per team and clock minute over all its API-key routes (a batch counts as one
 * request), sized by its plan. Sets the rate-limit headers; over the limit, throws
 * RateLimitedError, which each API answers in its own shape.
 */
@Injectable()
export class TeamRateLimiter {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async consume(tenant: Tenant, reply: FastifyReply): Promise<void> {
    const limit = this.config.rateLimitPerMinute[tenant.plan];
    const record = (await this.storage.increment(
      `team:${tenant.teamId}`,
      RATE_LIMIT_WINDOW_MS,
      limit,
      RATE_LIMIT_WINDOW_MS,
      'team',
    )) as WindowThrottlerRecord;
    void reply.header('X-RateLimit-Limit', limit);
    void reply.header('X-RateLimit-Remaining', Math.max(0, limit - record.totalHits));
    void reply.header('X-RateLimit-Reset', Math.ceil(record.resetAtMs / 1000));
    if (record.isBlocked) {
      void reply.header('Retry-After', record.timeToBlockExpire);
      throw new RateLimitedError(limit, record.timeToBlockExpire);
    }
  }
}
