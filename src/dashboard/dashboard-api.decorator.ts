import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiCookieAuth, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { DashboardErrorBodyDto } from './api/dashboard.dto';
import type { FastifyRequest } from 'fastify';
import { TagRoutes } from '../common/http/route-tags';
import { DASHBOARD_WIRE } from './dashboard.wire';
import type { DashboardSession } from './sessions/dashboard-sessions.service';
import type { Role } from './users/roles';

export const DASHBOARD_TAG = 'Dashboard';
export const DASHBOARD_COOKIE_SECURITY = 'dashboard-session';
export const DASHBOARD_CSRF_SECURITY = 'dashboard-csrf';

/**
 * A route of the dashboard's API: the session cookie, `X-CSRF-Token` on changes, and `least`,
 * the least role it serves (a viewer reads everything of the team, changes nothing).
 */
export const DashboardApi = (least?: Role) =>
  applyDecorators(
    TagRoutes({ auth: 'dashboard-session', wire: DASHBOARD_WIRE, ...(least && { role: least }) }),
    ApiCookieAuth(DASHBOARD_COOKIE_SECURITY),
    ApiSecurity(DASHBOARD_CSRF_SECURITY),
    ApiTags(DASHBOARD_TAG),
    DashboardErrors(),
  );

/** The dashboard's error answers, in its own shape. */
export const DashboardErrors = () =>
  applyDecorators(
    ApiResponse({ status: 400, description: '`invalid_request`', type: DashboardErrorBodyDto }),
    ApiResponse({
      status: 401,
      description: '`not_logged_in` (no live session), `wrong_credentials`',
      type: DashboardErrorBodyDto,
    }),
    ApiResponse({
      status: 403,
      description: '`csrf_failed` (X-CSRF-Token missing or wrong), `forbidden_role`',
      type: DashboardErrorBodyDto,
    }),
    ApiResponse({
      status: 404,
      description: '`not_found` (another team’s resources included)',
      type: DashboardErrorBodyDto,
    }),
  );

/** The session the request's cookie opened (set by DashboardSessionStrategy). */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): DashboardSession => {
    const session = context.switchToHttp().getRequest<FastifyRequest>().dashboardSession;
    if (!session) throw new Error('CurrentSession used on a route without the dashboard scheme');
    return session;
  },
);
