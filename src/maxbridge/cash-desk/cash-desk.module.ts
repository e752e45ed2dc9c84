import { Module } from '@nestjs/common';
import { WalletModule } from '../wallet/wallet.module';
import { CashOutService } from './cash-out.service';
import { CoreReservationsController } from './core/core-reservations.controller';
import { LocationsRepository } from './locations/locations.repository';
import { LocationsService } from './locations/locations.service';
import { ReservationsRepository } from './reservations/reservations.repository';
import { ReservationsService } from './reservations/reservations.service';
import { RetailKeyStrategy } from './retail/retail-key.strategy';
import { RetailKeysService } from './retail/retail-keys.service';
import { RetailController } from './retail/retail.controller';
import { SsbtDepositsController } from './retail/ssbt-deposits.controller';
import { SsbtDepositsRepository } from './ssbt/ssbt-deposits.repository';
import { SsbtDepositsService } from './ssbt/ssbt-deposits.service';
import { RetailWire } from './retail/retail.wire';

/**
 * MaxBridge's cash desks (seed 003, part 2): desks, withdraw reservations, the retail system's
 * keys and routes, SSBT deposits, and the core's reservation route.
 */
@Module({
  imports: [WalletModule],
  controllers: [RetailController, SsbtDepositsController, CoreReservationsController],
  providers: [
    CashOutService,
    LocationsRepository,
    LocationsService,
    ReservationsRepository,
    ReservationsService,
    RetailKeysService,
    RetailKeyStrategy,
    RetailWire,
    SsbtDepositsRepository,
    SsbtDepositsService,
  ],
  exports: [
    CashOutService,
    LocationsService,
    ReservationsService,
    RetailKeysService,
    SsbtDepositsService,
  ],
})
export class CashDeskModule {}
