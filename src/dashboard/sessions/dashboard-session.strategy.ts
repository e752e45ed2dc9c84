import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthStrategies, type AuthStrategy } from '../../common/auth/auth-scheme';
import { routeTagsOf } from '../../common/http/route-tags';
import { DashboardError } from '../dashboard.wire';
import { allows } from '../users/roles';
import { DashboardSessionsService, type DashboardSession } from './dashboard-sessions.service';
import { cookieValue, csrfHolds, SESSION_COOKIE } from './session-cookie';

declare module 'fastify' {
  interface FastifyRequest {
    dashboardSession?: DashboardSession;
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The dashboard's routes: the session cookie (401 without a live session), `X-CSRF-Token` on
 * every change (403), and the route's least role (403 for a viewer who tries a change).
 */
@Injectable()
export class DashboardSessionStrategy implements AuthStrategy, OnModuleInit {
  readonly scheme = 'dashboard-session';

  constructor(
    private readonly strategies: AuthStrategies,
    private readonly sessions: DashboardSessionsService,
  ) {}

  onModuleInit(): void {
    this.strategies.register(this);
  }

  async authenticate(request: FastifyRequest): Promise<void> {
    const session = await this.sessions.authenticate(
      cookieValue(request.headers.cookie, SESSION_COOKIE),
    );
    if (!session) throw new DashboardError('not_logged_in');
    if (!READS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (
        !csrfHolds(Array.isArray(given) ? given[0] : given, session.token, this.sessions.secrets)
      ) {
        throw new DashboardError('csrf_failed');
      }
    }
    const least = routeTagsOf(request).role;
    if (least && !allows(session.user.role, least)) {
      throw new DashboardError('forbidden_role', { role: least });
    }
    request.dashboardSession = session;
  }
}
