import { Module } from '@nestjs/common';
import { ApiKeyStrategy } from './api-key.strategy';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TenancyModule } from './tenancy.module';

/** Enforces `@ApiKeyAuth()` on every route that declares it. Imported once, by the application. */
@Module({
  imports: [TenancyModule, RateLimitModule],
  providers: [ApiKeyStrategy],
})
export class ApiKeyAuthModule {}
