import { Module } from '@nestjs/common';
import { CashDeskModule } from './cash-desk/cash-desk.module';
import { CoreSessionModule } from './core-session/core-session.module';
import { FrontEndController } from './front-end/front-end.controller';
import { MaxBridgeTextCodesWire, MaxBridgeWire } from './maxbridge.wire';
import { PaymentController } from './payment/payment.controller';
import { NonceHashStrategy } from './signing/nonce-hash.strategy';
import { NonceStore } from './signing/nonce.store';
import { WalletModule } from './wallet/wallet.module';

/**
 * MaxBridge (seed 003), the cash-desk bridge: the cash desk's signed routes over the wallet, the
 * retail system's and terminals' routes (CashDeskModule), and the player's front end behind the
 * core session, answered in the seed's `{code, message}` wire. Served when MAXBRIDGE_ENABLED
 * (see AppModule).
 */
@Module({
  imports: [WalletModule, CashDeskModule, CoreSessionModule],
  controllers: [PaymentController, FrontEndController],
  providers: [MaxBridgeWire, MaxBridgeTextCodesWire, NonceHashStrategy, NonceStore],
})
export class MaxBridgeModule {}
