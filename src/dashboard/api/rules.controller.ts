import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { RuleSettingsService } from '../../detection/settings/rule-settings.service';
import { ruleView } from '../../detection/settings/rule.view';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';

/** The team's rules as `GET /api/v1/rules` shows them: the queue's rule filter, the rules screen. */
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
}
