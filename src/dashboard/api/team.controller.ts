import { Bodyless } from '../../common/http/route-tags';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DetectionDocs } from '../../detection/api/detection.docs';
import { AllowlistService } from '../../detection/settings/allowlist.service';
import { TenancyService } from '../../tenancy/tenancy.service';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import { OverviewService } from '../overview/overview.service';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';
import { TeamSettingsDto } from './dashboard.dto';

/** The overview, and the team's settings: its time zone, the identifiers its rules skip. */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api')
export class DashboardTeamController {
  constructor(
    private readonly overview: OverviewService,
    private readonly tenancy: TenancyService,
    private readonly allowlist: AllowlistService,
  ) {}

  @Get('overview')
  @DashboardApi()
  @ApiOperation({
    summary: 'The overview: events per minute, processing lag, alerts per day, riskiest players',
    description:
      'Read from aggregates, never raw events: events received, processed and failed per minute ' +
      'over the last hour (UTC minutes), the age in seconds of the team’s oldest event waiting ' +
      'for processing, alerts per day of the team’s time zone over 30 days by severity and rule, ' +
      'and the 10 players with the highest stored risk.',
  })
  get(@CurrentSession() session: DashboardSession) {
    return this.overview.of(session.user.teamId);
  }

  @Get('settings')
  @DashboardApi()
  @ApiOperation({ summary: 'The team’s settings: its time zone for per-day figures' })
  async settings(@CurrentSession() session: DashboardSession) {
    return { time_zone: await this.tenancy.timeZoneOf(session.user.teamId) };
  }

  @Put('settings')
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Changes the team’s time zone (admins)',
    description: 'An IANA time zone (`Africa/Dakar`, `America/Sao_Paulo`, `UTC`); otherwise 400.',
  })
  async changeSettings(@CurrentSession() session: DashboardSession, @Body() body: TeamSettingsDto) {
    return { time_zone: await this.tenancy.setTimeZone(session.user.teamId, body.time_zone) };
  }

  @Get('allowlist')
  @DashboardApi()
  @ApiOperation({
    summary: 'Identifiers the rules skip (a shop’s IP, a test phone)',
    description: 'As `GET /api/v1/allowlist` (page, size), without the envelope.',
  })
  listAllowlist(
    @CurrentSession() session: DashboardSession,
    @Query() query: Record<string, unknown>,
  ) {
    return this.allowlist.list(session.user.teamId, query);
  }

  @Post('allowlist')
  @DashboardApi('admin')
  @ApiBody(DetectionDocs.addAllowlistBody)
  @ApiOperation({
    summary: 'Allowlists an identifier (admins)',
    description: 'As `POST /api/v1/allowlist`: `kind` (ip, phone, session), `value`, `note`.',
  })
  async addAllowlist(@CurrentSession() session: DashboardSession, @Body() body: unknown) {
    return (await this.allowlist.add(session.user.teamId, body)).entry;
  }

  @Delete('allowlist/:kind/:value')
  @Bodyless()
  @HttpCode(204)
  @DashboardApi('admin')
  @ApiOperation({ summary: 'Takes an identifier off the allowlist (admins)' })
  async removeAllowlist(
    @CurrentSession() session: DashboardSession,
    @Param('kind') kind: string,
    @Param('value') value: string,
  ): Promise<void> {
    await this.allowlist.remove(session.user.teamId, kind, value);
  }
}
