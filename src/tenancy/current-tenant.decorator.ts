import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Tenant } from './tenant';

/** The calling team, as resolved by `@ApiKeyAuth()`. */
export const CurrentTenant = createParamDecorator(
  (_: unknown, context: ExecutionContext): Tenant => {
    const tenant = context.switchToHttp().getRequest<FastifyRequest>().tenant;
    if (!tenant) throw new Error('@CurrentTenant() used on a route without @ApiKeyAuth()');
    return tenant;
  },
);
