import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../../database/columns';
import { WalletAccountEntity } from './wallet-account.entity';

/**
 * One change of one account's balance, never updated nor deleted: an account's balance is the sum
 * of its rows' `amount`, and each row keeps the balance it left. The id is the `sis_transaction_id`
 * of the wire.
 */
@Entity('wallet_ledger')
@Index('idx_wallet_ledger_account', ['accountId', 'id'])
@Index('uq_wallet_ledger_provider_tx', ['providerTransactionId'], { unique: true })
@Index('uq_wallet_ledger_core_tx', ['coreTransactionId'], { unique: true })
export class WalletLedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  accountId: number;

  @ManyToOne(() => WalletAccountEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_wallet_ledger_account' })
  account?: WalletAccountEntity;

  /** LedgerEntryType: `withdraw`, `deposit`, `adjustment`. */
  @Column({ type: 'varchar', length: 16 })
  type: string;

  /** Signed, in cents: negative for a debit. */
  @Column({ type: 'bigint' })
  amount: string;

  /** In cents, part of a withdrawal's amount; null when none was charged. */
  @Column({ type: 'bigint', nullable: true })
  fee: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'bigint' })
  balanceAfter: string;

  /** The other system's id for this transaction (the retail system's `transaction_id`): once only. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  providerTransactionId: string | null;

  /** Our core system's id, given to the other side. */
  @Column({ type: 'varchar', length: 32 })
  coreTransactionId: string;

  /** The payment service in the payment directory. */
  @Column({ type: 'int', nullable: true })
  serviceId: number | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  /** Who made an adjustment and why, for the audit. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column(timestampColumn())
  createdAt: Date;
}
