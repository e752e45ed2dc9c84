import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { TagRoutes } from '../common/http/route-tags';

/** The Swagger security scheme name of the `X-API-Key` header. */
export const API_KEY_SECURITY = 'api-key';

/**
 * The team's API key in `X-API-Key`, then the team's rate limit, checked before the body is read.
 * Unauthenticated calls are not counted: they have no team to count against.
 */
export const ApiKeyAuth = () =>
  applyDecorators(TagRoutes({ auth: 'api-key' }), ApiSecurity(API_KEY_SECURITY));
