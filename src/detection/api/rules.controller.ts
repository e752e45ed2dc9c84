import { Bodyless } from '../../common/http/route-tags';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { MonitorApi } from '../../monitor-api/monitor-api.decorator';
import { refuseQueryParameters } from '../../monitor-api/request-checks';
import { ApiKeyAuth, BrandKeys } from '../../tenancy/api-key-auth.decorator';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { AllowlistService } from '../settings/allowlist.service';
import { RuleSettingsService } from '../settings/rule-settings.service';
import { ruleActivityView, ruleView, versionView } from '../settings/rule.view';
import { DetectionDocs } from './detection.docs';
import { DetectionResponses } from './detection.responses';

const ok = <T>(data: T) => ({ success: true as const, data });

@Controller('api/v1')
@MonitorApi('Betting Monitor: rules')
@ApiKeyAuth()
@BrandKeys('refused')
export class RulesController {
  constructor(
    private readonly settings: RuleSettingsService,
    private readonly allowlist: AllowlistService,
  ) {}

  @Get('rules')
  @ApiOperation(DetectionDocs.listRules)
  @DetectionResponses.listRules()
  async list(
    @CurrentTenant() tenant: Tenant,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    refuseQueryParameters(query);
    const rules = await this.settings.rulesOf(tenant.teamId);
    return ok({
      items: rules.map((rule) => ruleView(rule, language)),
      total: rules.length,
      page: 1,
      page_size: rules.length,
    });
  }

  @Get('rules/:code')
  @ApiOperation(DetectionDocs.getRule)
  @DetectionResponses.getRule()
  @ApiParam({ name: 'code', example: 'RAPID_DEPOSITS' })
  async get(
    @CurrentTenant() tenant: Tenant,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    refuseQueryParameters(query);
    const [rule, activity] = await Promise.all([
      this.settings.ruleFor(tenant.teamId, code),
      this.settings.activityOf(tenant.teamId, code),
    ]);
    return ok(ruleActivityView(rule, activity, language));
  }

  @Put('rules/:code')
  @ApiOperation(DetectionDocs.putRule)
  @ApiParam({ name: 'code', example: 'RAPID_DEPOSITS' })
  @ApiBody(DetectionDocs.putRuleBody)
  @DetectionResponses.putRule()
  async put(
    @CurrentTenant() tenant: Tenant,
    @Param('code') code: string,
    @Body() body: unknown,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const rule = await this.settings.update(tenant.teamId, code, body, {
      kind: 'key',
      id: String(tenant.apiKeyId),
    });
    return ok(ruleView(rule, language));
  }

  @Get('rules/:code/versions')
  @ApiOperation(DetectionDocs.ruleVersions)
  @DetectionResponses.ruleVersions()
  @ApiParam({ name: 'code', example: 'RAPID_DEPOSITS' })
  async versions(
    @CurrentTenant() tenant: Tenant,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
  ) {
    const { items, total, page, size } = await this.settings.versionsPage(
      tenant.teamId,
      code,
      query,
    );
    return ok({ items: items.map(versionView), total, page, page_size: size });
  }

  @Get('allowlist')
  @ApiOperation(DetectionDocs.listAllowlist)
  @DetectionResponses.listAllowlist()
  async listAllowlist(@CurrentTenant() tenant: Tenant, @Query() query: Record<string, unknown>) {
    return ok(await this.allowlist.list(tenant.teamId, query));
  }

  @Post('allowlist')
  @ApiOperation(DetectionDocs.addAllowlist)
  @ApiBody(DetectionDocs.addAllowlistBody)
  @DetectionResponses.addAllowlist()
  async addAllowlist(
    @CurrentTenant() tenant: Tenant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { created, entry } = await this.allowlist.add(tenant.teamId, body);
    reply.status(created ? 201 : 200);
    return ok(entry);
  }

  @Delete('allowlist/:kind/:value')
  @Bodyless()
  @HttpCode(204)
  @ApiOperation(DetectionDocs.removeAllowlist)
  @DetectionResponses.removeAllowlist()
  async removeAllowlist(
    @CurrentTenant() tenant: Tenant,
    @Param('kind') kind: string,
    @Param('value') value: string,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    refuseQueryParameters(query);
    await this.allowlist.remove(tenant.teamId, kind, value);
  }
}
