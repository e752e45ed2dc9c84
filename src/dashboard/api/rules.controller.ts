import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { DetectionDocs } from '../../detection/api/detection.docs';
import { RuleSettingsService } from '../../detection/settings/rule-settings.service';
import { ruleActivityView, ruleView, versionView } from '../../detection/settings/rule.view';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';

const CODE = { name: 'code', example: 'RAPID_DEPOSITS' };

/**
 * The rules screen: each rule's mode, severity and parameters beside their defaults, its hits per
 * day (live and shadow), its versions. Admins change them, named as the version's author.
 */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api/rules')
export class DashboardRulesController {
  constructor(private readonly settings: RuleSettingsService) {}

  @Get()
  @DashboardApi()
  @ApiOperation({
    summary: 'The team’s rules: mode, severity, parameters beside their defaults',
    description:
      'Every rule of the pack as `GET /api/v1/rules` shows it, without the monitor’s envelope; ' +
      'titles in the language of `Accept-Language` (en, fr, pt-BR).',
  })
  async list(
    @CurrentSession() session: DashboardSession,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const rules = await this.settings.rulesOf(session.user.teamId);
    return rules.map((rule) => ruleView(rule, language));
  }

  @Get(':code')
  @DashboardApi()
  @ApiParam(CODE)
  @ApiOperation({
    summary: 'A rule, its hits per day (live and shadow, 30 days) and latest shadow hits',
    description: 'As `GET /api/v1/rules/:code`, without the envelope.',
  })
  async get(
    @CurrentSession() session: DashboardSession,
    @Param('code') code: string,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const teamId = session.user.teamId;
    const [rule, activity] = await Promise.all([
      this.settings.ruleFor(teamId, code),
      this.settings.activityOf(teamId, code),
    ]);
    return ruleActivityView(rule, activity, language);
  }

  @Put(':code')
  @DashboardApi('admin')
  @ApiParam(CODE)
  @ApiBody(DetectionDocs.putRuleBody)
  @ApiOperation({
    summary: 'Changes a rule’s mode, severity or parameters: its next version (admins)',
    description:
      'As `PUT /api/v1/rules/:code`; the version’s author is this user ' +
      '(`{"kind":"user","id":"<user id>"}`).',
  })
  async put(
    @CurrentSession() session: DashboardSession,
    @Param('code') code: string,
    @Body() body: unknown,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const author = { kind: 'user' as const, id: String(session.user.id) };
    return ruleView(await this.settings.update(session.user.teamId, code, body, author), language);
  }

  @Get(':code/versions')
  @DashboardApi()
  @ApiParam(CODE)
  @ApiOperation({ summary: 'A rule’s versions, newest first', description: 'As the API’s.' })
  async versions(@CurrentSession() session: DashboardSession, @Param('code') code: string) {
    return (await this.settings.versionsOf(session.user.teamId, code)).map(versionView);
  }
}
