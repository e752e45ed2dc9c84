import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthStrategies, type AuthStrategy } from '../common/auth/auth-scheme';
import { ForbiddenError } from '../common/errors/app-error';
import { routeTagsOf } from '../common/http/route-tags';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { TeamRateLimiter } from './rate-limit/team-rate-limiter';

export const API_KEY_HEADER = 'x-api-key';

/**
 * `X-API-Key`: resolves the calling team (and brand), counts the call against the team's limit,
 * then refuses a brand's key on a route that does not serve brand keys (default-deny, as for the
 * authentication scheme itself).
 */
@Injectable()
export class ApiKeyStrategy implements AuthStrategy, OnModuleInit {
  readonly scheme = 'api-key';

  constructor(
    private readonly strategies: AuthStrategies,
    private readonly authenticator: ApiKeyAuthenticator,
    private readonly rateLimiter: TeamRateLimiter,
  ) {}

  onModuleInit(): void {
    this.strategies.register(this);
  }

  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers[API_KEY_HEADER];
    const presented = Array.isArray(header) ? header[0] : header;
    request.tenant = await this.authenticator.authenticate(presented?.trim());
    await this.rateLimiter.consume(request.tenant, reply);
    if (request.tenant.brandId !== null && routeTagsOf(request).brandKeys !== 'own-brand') {
      throw new ForbiddenError('brand_key');
    }
  }
}
