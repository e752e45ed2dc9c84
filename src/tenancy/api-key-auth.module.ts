import { Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TenancyModule } from './tenancy.module';

/** What an API module imports to put `@ApiKeyAuth()` on its routes. */
@Module({
  imports: [TenancyModule, RateLimitModule],
  providers: [ApiKeyGuard],
  exports: [TenancyModule, RateLimitModule, ApiKeyGuard],
})
export class ApiKeyAuthModule {}
