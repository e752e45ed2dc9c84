import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthorizedError } from '../errors/app-error';

/** How a route authenticates. Every route declares one, through a composite decorator. */
export type AuthScheme = 'public' | 'api-key';

export const AUTH_SCHEME = 'auth:scheme';

export const declareAuthScheme = (scheme: AuthScheme) => SetMetadata(AUTH_SCHEME, scheme);

/** Open to anyone: operations endpoints and documentation only. */
export const Public = () => declareAuthScheme('public');

/**
 * Global guard: a route that declares no authentication scheme is refused, so that forgetting
 * the decorator closes a route instead of opening it.
 */
@Injectable()
export class DefaultDenyGuard implements CanActivate {
  private readonly logger = new Logger(DefaultDenyGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const scheme = this.reflector.getAllAndOverride<AuthScheme | undefined>(AUTH_SCHEME, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (scheme) return true;
    this.logger.error(
      `${context.getClass().name}.${context.getHandler().name} declares no authentication scheme; refused`,
    );
    throw new UnauthorizedError('no_auth_declared');
  }
}
