import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse, ApiSecurity } from '@nestjs/swagger';
import type { BrandKeyAccess } from '../common/auth/auth-scheme';
import { TagRoutes } from '../common/http/route-tags';

/** The Swagger security scheme name of the `X-API-Key` header. */
export const API_KEY_SECURITY = 'api-key';

/** The OpenAPI extension of each `X-API-Key` operation that says what a brand's key may do. */
export const BRAND_KEYS_EXTENSION = 'x-brand-keys';

/**
 * The team's API key in `X-API-Key`, then the team's rate limit, checked before the body is read.
 * Unauthenticated calls are not counted: they have no team to count against. Each route also says
 * what a key limited to one brand may do there (`@BrandKeys()`); a route that does not say
 * refuses such keys.
 */
export const ApiKeyAuth = () =>
  applyDecorators(TagRoutes({ auth: 'api-key' }), ApiSecurity(API_KEY_SECURITY));

/**
 * What a key limited to one brand may do on this route:
 * - `'own-brand'`: it is served, and sees and changes only its brand's data: the route's
 *   repository methods take the caller's `TenantScope` and filter by it in SQL;
 * - `'refused'`: the route's data is team-wide (alerts, players, webhooks, rules): 403 `FORBIDDEN`
 *   before the body is read. A route that declares nothing is treated the same way.
 */
export const BrandKeys = (access: BrandKeyAccess) =>
  applyDecorators(
    TagRoutes({ brandKeys: access }),
    ApiExtension(BRAND_KEYS_EXTENSION, access),
    ...(access === 'refused'
      ? [
          ApiForbiddenResponse({
            description: 'A key limited to one brand: this route serves team-wide keys only',
          }),
        ]
      : []),
  );
