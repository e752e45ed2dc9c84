import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LookupsModule } from './lookups/lookups.module';
import { ObservabilityModule } from './observability/observability.module';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';

type Imports = NonNullable<ModuleMetadata['imports']>;

@Module({})
export class AppModule {
  /** `extraImports`: fixture modules that tests add to the very same application. */
  static forRoot(config: AppConfig, extraImports: Imports = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        RedisModule,
        CommonModule,
        ObservabilityModule,
        TenancyModule,
        LookupsModule,
        ...extraImports,
      ],
    };
  }
}
