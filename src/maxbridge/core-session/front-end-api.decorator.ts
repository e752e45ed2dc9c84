import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { TagRoutes } from '../../common/http/route-tags';
import { MAXBRIDGE_WIRE } from '../maxbridge.wire';
import type { CoreSession } from './core-sessions.service';

export const SESSION_COOKIE_SECURITY = 'maxbridge-session';
export const REQUESTED_WITH_SECURITY = 'maxbridge-requested-with';
export const FRONT_END_TAG = 'MaxBridge front end';

/**
 * A route behind the core session: the session's token in `Cookie`, `X-Requested-With` and
 * `X-UserID`, answered in codes. Without a tag, for a controller that has its own.
 */
export const CoreSessionRoute = () =>
  applyDecorators(
    TagRoutes({ auth: 'core-session', wire: MAXBRIDGE_WIRE }),
    ApiSecurity({ [SESSION_COOKIE_SECURITY]: [], [REQUESTED_WITH_SECURITY]: [] }),
    ApiHeader({
      name: 'X-UserID',
      required: false,
      description:
        'The player’s id in the PAM&Wallet, as the seed sends it: the session’s user (else 126)',
      example: '12345',
    }),
  );

/** The player's front end: core-session routes, under the front end's tag. */
export const FrontEndApi = () => applyDecorators(CoreSessionRoute(), ApiTags(FRONT_END_TAG));

/** The session the request's token opened (set by CoreSessionStrategy). */
export const PlayerSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CoreSession => {
    const session = context.switchToHttp().getRequest<FastifyRequest>().coreSession;
    if (!session) throw new Error('PlayerSession used on a route without the core-session scheme');
    return session;
  },
);
