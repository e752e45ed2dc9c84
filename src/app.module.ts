import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CommonModule } from './common/common.module';
import { BetRecordsModule } from './bet-records/bet-records.module';
import { BettingEventsModule } from './betting-events/betting-events.module';
import { ConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { LookupsModule } from './lookups/lookups.module';
import { MaxBridgeModule } from './maxbridge/maxbridge.module';
import { ObservabilityModule } from './observability/observability.module';
import { ProcessingModule } from './processing/processing.module';
import { RedisModule } from './redis/redis.module';
import { ApiKeyAuthModule } from './tenancy/api-key-auth.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ENTITIES } from './entities';

type Imports = NonNullable<ModuleMetadata['imports']>;

@Module({})
export class AppModule {
  /** `extraImports`: fixture modules that tests add to the very same application. */
  static forRoot(config: AppConfig, extraImports: Imports = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // A service may start before its database does (compose, orchestrators): wait about 20 s.
        DatabaseModule.forRoot(config, { connectAttempts: 10, entities: ENTITIES }),
        RedisModule,
        CommonModule,
        ObservabilityModule,
        ApiKeyAuthModule,
        LookupsModule,
        EventsModule,
        BettingEventsModule,
        BetRecordsModule,
        ProcessingModule,
        WebhooksModule,
        DashboardModule,
        ...(config.maxbridge.enabled ? [MaxBridgeModule] : []),
        ...extraImports,
      ],
    };
  }
}
