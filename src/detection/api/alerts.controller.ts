import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { MonitorApi } from '../../monitor-api/monitor-api.decorator';
import { refuseQueryParameters } from '../../monitor-api/request-checks';
import { ApiKeyAuth, BrandKeys } from '../../tenancy/api-key-auth.decorator';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { AlertsService } from '../alerts/alerts.service';
import { DetectionDocs } from './detection.docs';
import { AlertListQuery } from './detection.queries';
import { DetectionResponses } from './detection.responses';

const ok = <T>(data: T) => ({ success: true as const, data });

@Controller('api/v1/alerts')
@MonitorApi('Betting Monitor: alerts')
@ApiKeyAuth()
@BrandKeys('refused')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation(DetectionDocs.listAlerts)
  @AlertListQuery()
  @DetectionResponses.listAlerts()
  async list(
    @CurrentTenant() tenant: Tenant,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    return ok(await this.alerts.list(tenant.teamId, query, language));
  }

  @Get(':id')
  @ApiOperation(DetectionDocs.getAlert)
  @DetectionResponses.getAlert()
  @ApiParam({ name: 'id', description: 'The alert’s uuid' })
  async get(
    @CurrentTenant() tenant: Tenant,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    refuseQueryParameters(query);
    return ok(await this.alerts.get(tenant.teamId, id, language));
  }

  @Patch(':id')
  @ApiOperation(DetectionDocs.patchAlert)
  @ApiParam({ name: 'id', description: 'The alert’s uuid' })
  @ApiBody(DetectionDocs.patchAlertBody)
  @DetectionResponses.patchAlert()
  async patch(
    @CurrentTenant() tenant: Tenant,
    @Param('id') id: string,
    @Body() body: unknown,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    const actor = { kind: 'key' as const, id: String(tenant.apiKeyId) };
    return ok(await this.alerts.update(tenant.teamId, id, body, actor, language));
  }
}
