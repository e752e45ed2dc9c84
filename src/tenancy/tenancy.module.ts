import { Module } from '@nestjs/common';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ApiKeyRepository } from './api-key.repository';
import { BrandRepository } from './brand.repository';
import { DemoTeamService } from './demo-team.service';
import { TeamRepository } from './team.repository';
import { TenancyService } from './tenancy.service';

/** Teams, brands and API keys: administration (CLI) and key resolution. */
@Module({
  providers: [
    TeamRepository,
    BrandRepository,
    ApiKeyRepository,
    TenancyService,
    ApiKeyAuthenticator,
    DemoTeamService,
  ],
  exports: [TenancyService, ApiKeyAuthenticator, DemoTeamService],
})
export class TenancyModule {}
