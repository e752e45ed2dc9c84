import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SqlDatabase } from '../database/sql-database';
import { REDIS_CLIENT, type RedisClient } from '../redis/redis.module';
import { MaxBridgeWire } from './maxbridge.wire';
import { PaymentController } from './payment/payment.controller';
import { NonceHashStrategy } from './signing/nonce-hash.strategy';
import { NONCE_STORE } from './signing/nonce-store';
import { RedisNonceStore } from './signing/redis-nonce.store';
import { SqlNonceStore } from './signing/sql-nonce.store';
import { WalletModule } from './wallet/wallet.module';

/**
 * MaxBridge (seed 003), the cash-desk bridge: signed routes over the wallet, answered in the
 * seed's `{code, message}` wire. Served when MAXBRIDGE_ENABLED (see AppModule).
 */
@Module({
  imports: [WalletModule],
  controllers: [PaymentController],
  providers: [
    MaxBridgeWire,
    NonceHashStrategy,
    {
      provide: NONCE_STORE,
      inject: [APP_CONFIG, REDIS_CLIENT, SqlDatabase],
      useFactory: (config: AppConfig, redis: RedisClient, database: SqlDatabase) =>
        redis ? new RedisNonceStore(redis, config.redisKeyPrefix) : new SqlNonceStore(database),
    },
  ],
})
export class MaxBridgeModule {}
