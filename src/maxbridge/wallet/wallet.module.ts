import { Module } from '@nestjs/common';
import { WalletAdminService } from './wallet-admin.service';
import { WalletRepository } from './wallet.repository';
import { WalletService } from './wallet.service';

/**
 * The player wallet ("PAM & Wallet" of seed 003): users, statuses, accounts per currency,
 * identity documents, and the ledger that every balance change writes a row to.
 */
@Module({
  providers: [WalletRepository, WalletService, WalletAdminService],
  exports: [WalletService, WalletAdminService],
})
export class WalletModule {}
