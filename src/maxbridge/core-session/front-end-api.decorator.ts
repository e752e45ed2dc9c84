import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { TagRoutes } from '../../common/http/route-tags';
import { MAXBRIDGE_WIRE } from '../maxbridge.wire';
import type { CoreSession } from './core-sessions.service';

export const SESSION_COOKIE_SECURITY = 'maxbridge-session';
export const REQUESTED_WITH_SECURITY = 'maxbridge-requested-with';
export const FRONT_END_TAG = 'MaxBridge front end';

/** The player's front end: the core session's token in `Cookie`, answered in codes. */
export const FrontEndApi = () =>
  applyDecorators(
    TagRoutes({ auth: 'core-session', wire: MAXBRIDGE_WIRE }),
    ApiSecurity({ [SESSION_COOKIE_SECURITY]: [], [REQUESTED_WITH_SECURITY]: [] }),
    ApiTags(FRONT_END_TAG),
  );

/** The session the request's token opened (set by CoreSessionStrategy). */
export const PlayerSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CoreSession => {
    const session = context.switchToHttp().getRequest<FastifyRequest>().coreSession;
    if (!session) throw new Error('PlayerSession used on a route without the core-session scheme');
    return session;
  },
);
