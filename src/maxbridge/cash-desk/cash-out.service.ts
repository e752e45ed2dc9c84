import { Injectable } from '@nestjs/common';
import { WalletService, type WithdrawalReceipt } from '../wallet/wallet.service';
import type { WithdrawalRequest } from '../wallet/withdrawal.rules';
import { ReservationsService } from './reservations/reservations.service';

/**
 * Cash paid out at a desk: the wallet's withdrawal, which pays the user's open reservation when it
 * matches it (currency, and amount without the fee), in the same transaction as the debit.
 */
@Injectable()
export class CashOutService {
  constructor(
    private readonly wallet: WalletService,
    private readonly reservations: ReservationsService,
  ) {}

  withdraw(request: WithdrawalRequest): Promise<WithdrawalReceipt> {
    return this.wallet.withdraw(request, (session, ledgerEntryId, now) =>
      this.reservations.payMatching(session, request, ledgerEntryId, now),
    );
  }
}
