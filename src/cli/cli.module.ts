import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { WalletModule } from '../maxbridge/wallet/wallet.module';
import { TenancyModule } from '../tenancy/tenancy.module';

/** What the administration commands need: the database, tenancy and the wallet; no HTTP server. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config, { connectAttempts: 1 }),
        TenancyModule,
        WalletModule,
      ],
    };
  }
}
