import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../common/errors/app-error';
import type { WindowThrottlerRecord } from './window-throttler.storage';

/**
 * One counter per team over all its API-key routes (a batch counts as one request), limited by
 * the team's plan. Runs after ApiKeyGuard, which resolves the team. Sets the rate-limit headers on
 * every answer; over the limit, throws RateLimitedError for the API's own error shape.
 */
@Injectable()
export class TeamRateLimitGuard extends ThrottlerGuard {
  protected override getTracker(request: FastifyRequest): Promise<string> {
    if (!request.tenant) throw new Error('TeamRateLimitGuard must run after ApiKeyGuard');
    return Promise.resolve(`team:${request.tenant.teamId}`);
  }

  /** The team alone, not the route: all routes share one budget. */
  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override async handleRequest({
    context,
    limit,
    ttl,
    blockDuration,
    throttler,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = generateKey(
      context,
      await getTracker(request, context),
      throttler.name ?? 'default',
    );
    const record = (await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      throttler.name ?? 'default',
    )) as WindowThrottlerRecord;

    void reply.header('X-RateLimit-Limit', limit);
    void reply.header('X-RateLimit-Remaining', Math.max(0, limit - record.totalHits));
    void reply.header('X-RateLimit-Reset', Math.ceil(record.resetAtMs / 1000));
    if (record.isBlocked) {
      void reply.header('Retry-After', record.timeToBlockExpire);
      throw new RateLimitedError(limit, record.timeToBlockExpire);
    }
    return true;
  }
}
