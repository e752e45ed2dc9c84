import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceNotFoundError } from '../../common/errors/app-error';
import { TagRoutes } from '../../common/http/route-tags';
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
import { DashboardUsersService } from '../users/dashboard-users.service';
import type { Role } from '../users/roles';
import {
  AcceptInvitationDto,
  DashboardUserDto,
  InvitationDto,
  InviteDto,
  UserChangeDto,
} from './dashboard.dto';
import { userView } from './dashboard.views';

/** The team's dashboard users: admins invite, change roles and deactivate. */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api/users')
export class UsersController {
  constructor(
    private readonly users: DashboardUsersService,
    private readonly sessions: DashboardSessionsService,
  ) {}

  @Get()
  @DashboardApi('admin')
  @ApiOperation({ summary: 'The team’s dashboard users (admins)' })
  @ApiOkResponse({ type: [DashboardUserDto] })
  async list(@CurrentSession() session: DashboardSession): Promise<DashboardUserDto[]> {
    return (await this.users.list(session.user.teamId)).map(userView);
  }

  @Post()
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Invites a user (admins)',
    description:
      'Answers a one-time link, valid 7 days, shown this once: hand it to the person (no mail ' +
      'is sent). Opening it lets them choose their password. 409 `email_taken` when the email ' +
      'already has a dashboard user.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  async invite(
    @CurrentSession() session: DashboardSession,
    @Body() body: InviteDto,
  ): Promise<InvitationDto> {
    const invitation = await this.users.invite(session.user.teamId, body.email, body.role as Role);
    return {
      user: userView(invitation.user),
      link: `/dashboard#/invitation/${invitation.token}`,
      expires_at: invitation.expiresAt,
    };
  }

  @Patch(':id')
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Changes a user’s role, or deactivates them (admins)',
    description:
      'Their sessions end with the change: they log in again with their new role. The team’s ' +
      'last active admin cannot be demoted or deactivated (409 `last_admin`). Another team’s ' +
      'user: 404.',
  })
  @ApiOkResponse({ type: DashboardUserDto })
  async update(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Body() body: UserChangeDto,
  ): Promise<DashboardUserDto> {
    if (!/^\d{1,9}$/.test(id)) throw new ResourceNotFoundError('User', id);
    const { user, endsSessions } = await this.users.update(session.user.teamId, Number(id), {
      role: body.role as Role | undefined,
      active: body.active,
    });
    if (endsSessions) await this.sessions.endAllOf(user.id);
    return userView(user);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @TagRoutes({ auth: 'public', wire: DASHBOARD_WIRE })
  @DashboardErrors()
  @ApiOperation({
    summary: 'Opens an invitation: sets the invited user’s password',
    description:
      'The link works once, within 7 days: 404 `invitation_invalid` otherwise. Then log in.',
  })
  @ApiOkResponse({ type: DashboardUserDto })
  async accept(@Body() body: AcceptInvitationDto): Promise<DashboardUserDto> {
    return userView(await this.users.acceptInvitation(body.token, body.password));
  }
}
