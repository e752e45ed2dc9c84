import { Bodyless } from '../../common/http/route-tags';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceNotFoundError } from '../../common/errors/app-error';
import { TenancyService, type ApiKeyView } from '../../tenancy/tenancy.service';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';
import { ApiKeyDto, BrandDto, IssuedKeyDto, KeyRequestDto } from './keys.dto';

/**
 * Settings -> API keys: the team's keys, made and revoked through the same service as the
 * command line's (TenancyService). A key is shown once, when made; only its prefix afterwards.
 */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api')
export class KeysController {
  constructor(private readonly tenancy: TenancyService) {}

  @Get('keys')
  @DashboardApi('admin')
  @ApiOperation({ summary: 'The team’s API keys, revoked ones included (admins)' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  async list(@CurrentSession() session: DashboardSession): Promise<ApiKeyDto[]> {
    return (await this.tenancy.listApiKeys(session.user.teamId)).map(keyView);
  }

  @Get('brands')
  @DashboardApi('admin')
  @ApiOperation({ summary: 'The team’s brands, to scope a new key to one (admins)' })
  @ApiOkResponse({ type: [BrandDto] })
  async brands(@CurrentSession() session: DashboardSession): Promise<BrandDto[]> {
    return (await this.tenancy.listBrands(session.user.teamId)).map((brand) => ({
      id: brand.id,
      name: brand.name,
    }));
  }

  @Post('keys')
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Makes an API key (admins)',
    description:
      'Answers the key in `api_key`, shown this once (only its hash is stored). `brand_id` ' +
      'limits it to one of the team’s brands; another team’s brand: 404.',
  })
  @ApiCreatedResponse({ type: IssuedKeyDto })
  async create(
    @CurrentSession() session: DashboardSession,
    @Body() body: KeyRequestDto,
  ): Promise<IssuedKeyDto> {
    const issued = await this.tenancy.createApiKey(session.user.teamId, {
      brandId: body.brand_id ?? undefined,
      label: body.label ?? undefined,
    });
    return { api_key: issued.api_key, key: keyView(issued.key) };
  }

  @Post('keys/:prefix/revoke')
  @Bodyless()
  @HttpCode(200)
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Revokes an API key at once (admins)',
    description: 'Revoking twice keeps the first time. Another team’s key: 404.',
  })
  @ApiOkResponse({ type: ApiKeyDto })
  async revoke(
    @CurrentSession() session: DashboardSession,
    @Param('prefix') prefix: string,
  ): Promise<ApiKeyDto> {
    const own = await this.tenancy.listApiKeys(session.user.teamId);
    if (!own.some((key) => key.prefix === prefix))
      throw new ResourceNotFoundError('API key', prefix);
    return keyView(await this.tenancy.revokeApiKey(prefix));
  }
}

const keyView = (key: ApiKeyView): ApiKeyDto => ({
  prefix: key.prefix,
  brand_id: key.brand_id,
  label: key.label,
  created_at: key.created_at,
  last_used_at: key.last_used_at,
  revoked_at: key.revoked_at,
});
