import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CommonModule } from './common/common.module';
import { BetsModule } from './bets/bets.module';
import { SportsBetsModule } from './sports-bets/sports-bets.module';
import { BettingEventsModule } from './betting-events/betting-events.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DetectionModule } from './detection/detection.module';
import { EventsModule } from './events/events.module';
import { LookupsModule } from './lookups/lookups.module';
import { MaxBridgeModule } from './maxbridge/maxbridge.module';
import { ObservabilityModule } from './observability/observability.module';
import { RedisModule } from './redis/redis.module';
import { ApiKeyAuthModule } from './tenancy/api-key-auth.module';

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
        DatabaseModule.forRoot(config, { connectAttempts: 10 }),
        RedisModule,
        CommonModule,
        ObservabilityModule,
        ApiKeyAuthModule,
        LookupsModule,
        EventsModule,
        DetectionModule,
        BettingEventsModule,
        BetsModule,
        SportsBetsModule,
        ...(config.maxbridge.enabled ? [MaxBridgeModule] : []),
        ...extraImports,
      ],
    };
  }
}
