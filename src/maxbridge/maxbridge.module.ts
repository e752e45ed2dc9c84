import { Module } from '@nestjs/common';
import { MaxBridgeWire } from './maxbridge.wire';
import { PaymentController } from './payment/payment.controller';
import { NonceHashStrategy } from './signing/nonce-hash.strategy';
import { NONCE_STORE } from './signing/nonce-store';
import { SqlNonceStore } from './signing/sql-nonce.store';
import { WalletModule } from './wallet/wallet.module';

/**
 * MaxBridge (seed 003), the cash-desk bridge: signed routes over the wallet, answered in the
 * seed's `{code, message}` wire. Served when MAXBRIDGE_ENABLED (see AppModule). Used nonces are
 * claimed in the database only: the seed's signature carries no time, so the claims are all that
 * refuses a replay, and they must survive whatever Redis loses (Redis claims measured no faster).
 */
@Module({
  imports: [WalletModule],
  controllers: [PaymentController],
  providers: [MaxBridgeWire, NonceHashStrategy, { provide: NONCE_STORE, useClass: SqlNonceStore }],
})
export class MaxBridgeModule {}
