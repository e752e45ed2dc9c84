import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TagRoutes, Bodyless } from '../../common/http/route-tags';
import { MicroTime } from '../../common/time/micro-time';
import {
  CurrentSession,
  DASHBOARD_TAG,
  DashboardApi,
  DashboardErrors,
} from '../dashboard-api.decorator';
import { DASHBOARD_WIRE } from '../dashboard.wire';
import {
  DashboardSessionsService,
  type DashboardSession,
} from '../sessions/dashboard-sessions.service';
import { SESSION_COOKIE } from '../sessions/session-cookie';
import { LoginDto, SessionDto } from './dashboard.dto';
import { userView } from './dashboard.views';

/** The cookie: HttpOnly, SameSite=Strict, the dashboard's paths only, Secure over HTTPS. */
const cookie = (request: FastifyRequest, value: string, maxAgeSeconds: number) =>
  `${SESSION_COOKIE}=${value}; Path=/dashboard; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict` +
  (request.protocol === 'https' ? '; Secure' : '');

/** Logging in and out of the dashboard, and what the page needs to know of its session. */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api')
export class SessionController {
  constructor(private readonly sessions: DashboardSessionsService) {}

  @Post('login')
  @HttpCode(200)
  @TagRoutes({ auth: 'public', wire: DASHBOARD_WIRE })
  @DashboardErrors()
  @ApiOperation({
    summary: 'Logs in to the dashboard',
    description:
      'Sets the session cookie `bm_dashboard` (HttpOnly, SameSite=Strict, Path=/dashboard) and ' +
      'answers the CSRF token to send in `X-CSRF-Token` with every change. A wrong email or ' +
      'password: 401 `wrong_credentials`; after 3 failures each wrong answer is slower, and ' +
      'after DASHBOARD_LOGIN_MAX_FAILURES (10) in 15 minutes the email is refused with 429 ' +
      '`login_blocked` for DASHBOARD_LOGIN_BLOCK (15 minutes). A session lasts ' +
      'DASHBOARD_SESSION_TTL (12 h).',
  })
  @ApiOkResponse({ type: SessionDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const opened = await this.sessions.login(body.email, body.password, {
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    });
    const maxAge = Math.max(0, Math.floor((opened.expiresAt.micros / 1000 - Date.now()) / 1000));
    reply.header('set-cookie', cookie(request, opened.cookie, maxAge));
    return {
      user: userView(opened.user),
      team_id: opened.user.teamId,
      csrf_token: opened.csrfToken,
      expires_at: opened.expiresAt.toIso(),
    };
  }

  @Get('session')
  @DashboardApi()
  @ApiOperation({
    summary: 'The session: who is logged in, their team, and the CSRF token',
    description: '401 `not_logged_in` without a live session (none, expired, ended, revoked).',
  })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentSession() session: DashboardSession): SessionDto {
    return {
      user: userView(session.user),
      team_id: session.user.teamId,
      csrf_token: this.sessions.csrfTokenOf(session),
      expires_at: MicroTime.fromDatabaseText(session.expiresAt).toIso(),
    };
  }

  @Post('logout')
  @Bodyless()
  @HttpCode(204)
  @DashboardApi()
  @ApiOperation({
    summary: 'Logs out: the session ends on every instance, and its cookie is cleared',
  })
  async logout(
    @CurrentSession() session: DashboardSession,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.logout(session);
    reply.header('set-cookie', cookie(request, '', 0));
  }
}
