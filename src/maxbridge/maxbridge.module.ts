import { Module } from '@nestjs/common';
import { CashDeskModule } from './cash-desk/cash-desk.module';
import { MaxBridgeWire } from './maxbridge.wire';
import { PaymentController } from './payment/payment.controller';
import { NonceHashStrategy } from './signing/nonce-hash.strategy';
import { NonceStore } from './signing/nonce.store';
import { WalletModule } from './wallet/wallet.module';

/**
 * MaxBridge (seed 003), the cash-desk bridge: signed routes over the wallet, answered in the
 * seed's `{code, message}` wire. Served when MAXBRIDGE_ENABLED (see AppModule).
 */
@Module({
  imports: [WalletModule, CashDeskModule],
  controllers: [PaymentController],
  providers: [MaxBridgeWire, NonceHashStrategy, NonceStore],
})
export class MaxBridgeModule {}
