import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../errors/app-error';
import { routeTagsOf, routeTagsOfHandler, TagRoutes } from '../http/route-tags';

/** How a route authenticates. Every route declares one, through a composite decorator. */
export type AuthScheme =
  'public' | 'api-key' | 'nonce-hash' | 'retail-key' | 'core-session' | 'dashboard-session';

/**
 * What an API key limited to one brand may do on a route (see `@BrandKeys()`): be served and see
 * only its brand's data, or be refused because the route's data is team-wide.
 */
export type BrandKeyAccess = 'own-brand' | 'refused';

/** Open to anyone: operations endpoints only. */
export const Public = () => TagRoutes({ auth: 'public' });

/**
 * How one scheme checks a request. It runs in Fastify's `onRequest` hook, before the body is
 * read: a caller without credentials costs no parsing, and whatever it sets on the reply (rate
 * limit headers) is on every answer, errors included.
 */
export interface AuthStrategy {
  readonly scheme: Exclude<AuthScheme, 'public'>;
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /**
   * For schemes that sign the body: runs once the body is read (Fastify's `preValidation`), with
   * the exact bytes received in `request.rawBody`.
   */
  verifyBody?(request: FastifyRequest): Promise<void>;
}

/** The strategies of the application, by scheme; each auth module registers its own. */
@Injectable()
export class AuthStrategies {
  private readonly byScheme = new Map<string, AuthStrategy>();

  register(strategy: AuthStrategy): void {
    this.byScheme.set(strategy.scheme, strategy);
  }

  /** Runs the strategy of the scheme the matched route declared (none for public routes). */
  async authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.strategyOf(request)?.authenticate(request, reply);
  }

  /** Whether the route's scheme checks the body too (decided without a promise: see bootstrap). */
  verifiesBody(request: FastifyRequest): boolean {
    return !!this.strategyOf(request)?.verifyBody;
  }

  /** The second step of body-signing schemes, once the body is read. */
  async verifyBody(request: FastifyRequest): Promise<void> {
    await this.strategyOf(request)?.verifyBody?.(request);
  }

  private strategyOf(request: FastifyRequest): AuthStrategy | null {
    const scheme = routeTagsOf(request).auth;
    if (!scheme || scheme === 'public' || request.is404) return null;
    const strategy = this.byScheme.get(scheme);
    if (!strategy) throw new Error(`No authentication strategy is registered for "${scheme}"`);
    return strategy;
  }
}

/**
 * Global guard: a route that declares no authentication scheme is refused, so that forgetting the
 * decorator closes a route instead of opening it. Declared schemes are enforced by the
 * authentication hooks, before the body is even read.
 */
@Injectable()
export class DefaultDenyGuard implements CanActivate {
  private readonly logger = new Logger(DefaultDenyGuard.name);

  canActivate(context: ExecutionContext): boolean {
    if (routeTagsOfHandler(context.getHandler()).auth) return true;
    this.logger.error(
      `${context.getClass().name}.${context.getHandler().name} declares no authentication scheme; refused`,
    );
    throw new UnauthorizedError('no_auth_declared');
  }
}
