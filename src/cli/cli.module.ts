import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { DashboardUsersModule } from '../dashboard/users/dashboard-users.module';
import { DatabaseModule } from '../database/database.module';
import { CashDeskModule } from '../maxbridge/cash-desk/cash-desk.module';
import { WalletModule } from '../maxbridge/wallet/wallet.module';
import { ProcessingStreamsModule } from '../processing/processing-streams.module';
import { TenancyModule } from '../tenancy/tenancy.module';
import { ENTITIES } from '../entities';

/**
 * What the administration commands need: the database, tenancy, the wallet and its cash desks, and the event streams
 * (to requeue FAILED events); no HTTP server, no processing worker.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot(config, { connectAttempts: 1, entities: ENTITIES }),
        TenancyModule,
        WalletModule,
        CashDeskModule,
        ProcessingStreamsModule,
        DashboardUsersModule,
      ],
    };
  }
}
