import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { declareAuthScheme } from '../common/auth/auth-scheme';
import { ApiKeyGuard } from './api-key.guard';
import { TeamRateLimitGuard } from './rate-limit/team-rate-limit.guard';

/** The Swagger security scheme name of the `X-API-Key` header. */
export const API_KEY_SECURITY = 'api-key';

/**
 * The team's API key in `X-API-Key`, then the team's rate limit. Unauthenticated calls are not
 * counted: they have no team to count against.
 */
export const ApiKeyAuth = () =>
  applyDecorators(
    declareAuthScheme('api-key'),
    UseGuards(ApiKeyGuard, TeamRateLimitGuard),
    ApiSecurity(API_KEY_SECURITY),
  );
