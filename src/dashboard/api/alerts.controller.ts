import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { AlertsService } from '../../detection/alerts/alerts.service';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';

/**
 * The alert queue analysts work: the same service, filters, texts and audit trail as
 * `/api/v1/alerts`, with the user named as the actor of each change.
 */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api/alerts')
export class DashboardAlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @DashboardApi()
  @ApiOperation({
    summary: 'The team’s alerts, a page at a time',
    description:
      'The filters, sorts and pages of `GET /api/v1/alerts` (status, severity, rule, player, ' +
      'assignee, from, to; sort; page, size), answered without the monitor’s envelope: ' +
      '`{items, total, page, page_size}`. Reasons in the language of `Accept-Language` (en, fr, ' +
      'pt-BR).',
  })
  list(
    @CurrentSession() session: DashboardSession,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    return this.alerts.list(session.user.teamId, query, language);
  }

  @Get(':id')
  @DashboardApi()
  @ApiParam({ name: 'id', description: 'The alert’s uuid' })
  @ApiOperation({ summary: 'An alert with its reason, events and history' })
  get(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    return this.alerts.get(session.user.teamId, id, language);
  }

  @Patch(':id')
  @DashboardApi('analyst')
  @ApiParam({ name: 'id', description: 'The alert’s uuid' })
  @ApiBody({
    description:
      'As `PATCH /api/v1/alerts/:id`: `status`, `assignee` (null unassigns), `note`; any subset',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'] },
        assignee: { type: 'string', nullable: true, example: 'awa.diallo@operator.sn' },
        note: { type: 'string', example: 'Salary day; the player’s usual pattern' },
      },
    },
  })
  @ApiOperation({
    summary: 'Works an alert (analysts and admins)',
    description:
      'Acknowledge, resolve or mark a false positive, assign, note: each change is an entry of ' +
      'the alert’s audit trail, naming this user (`{"kind":"user","id":"<user id>"}`). An ' +
      'illegal move: 409.',
  })
  update(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Body() body: unknown,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const actor = { kind: 'user' as const, id: String(session.user.id) };
    return this.alerts.update(session.user.teamId, id, body, actor, language);
  }
}
