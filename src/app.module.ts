import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config/app-config';
import { CommonModule } from './common/common.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LookupsModule } from './lookups/lookups.module';
import { loggingOptions } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { RedisModule } from './redis/redis.module';
import { TenancyModule } from './tenancy/tenancy.module';

export interface AppModuleOptions {
  /** Fixture modules added by tests to the very same application. */
  extraImports?: NonNullable<ModuleMetadata['imports']>;
  /** Where log lines go; standard output by default. */
  logStream?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, { extraImports = [], logStream }: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingOptions(config, logStream)),
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
