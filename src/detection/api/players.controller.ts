import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import type { TextLanguage } from '../../common/i18n/language';
import { RequestTextLanguage } from '../../common/i18n/request-language.decorator';
import { MonitorApi } from '../../monitor-api/monitor-api.decorator';
import { refuseQueryParameters } from '../../monitor-api/request-checks';
import { ApiKeyAuth, BrandKeys } from '../../tenancy/api-key-auth.decorator';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { PlayerViewService } from '../risk/player-view.service';
import { DetectionDocs } from './detection.docs';
import { PlayerListQuery } from './detection.queries';
import { DetectionResponses } from './detection.responses';

const ok = <T>(data: T) => ({ success: true as const, data });

@Controller('api/v1/players')
@MonitorApi('Betting Monitor: players')
@ApiKeyAuth()
@BrandKeys('refused')
export class PlayersController {
  constructor(private readonly players: PlayerViewService) {}

  @Get()
  @ApiOperation(DetectionDocs.listPlayers)
  @PlayerListQuery()
  @DetectionResponses.listPlayers()
  async list(@CurrentTenant() tenant: Tenant, @Query() query: Record<string, unknown>) {
    return ok(await this.players.list(tenant.teamId, query));
  }

  @Get('cpf/:cpf')
  @ApiOperation(DetectionDocs.getPlayerByCpf)
  @DetectionResponses.getPlayerByCpf()
  @ApiParam({
    name: 'cpf',
    description: 'The bettor’s CPF, 11 digits, bare or formatted',
    example: '01234567890',
  })
  async byCpf(
    @CurrentTenant() tenant: Tenant,
    @Param('cpf') cpf: string,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    refuseQueryParameters(query);
    return ok(await this.players.byCpf(tenant.teamId, cpf, language));
  }

  @Get(':external_id')
  @ApiOperation(DetectionDocs.getPlayer)
  @DetectionResponses.getPlayer()
  @ApiParam({
    name: 'external_id',
    description: 'Your player id (`player.id` of your events)',
    example: 'pl_12345abc',
  })
  async get(
    @CurrentTenant() tenant: Tenant,
    @Param('external_id') externalId: string,
    @Query() query: Record<string, unknown>,
    @RequestTextLanguage() language: TextLanguage,
  ) {
    refuseQueryParameters(query);
    return ok(await this.players.byExternalId(tenant.teamId, externalId, language));
  }
}
