import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from './wallet-user.entity';

/**
 * A user's money in one currency. `balance` (cents) only changes together with a ledger row, and
 * never goes below zero: debits are conditional updates, and the database checks it as well.
 */
@Entity('wallet_accounts')
@Unique('uq_wallet_accounts_user_currency', ['userId', 'currency'])
@Check('chk_wallet_accounts_balance', 'balance >= 0')
export class WalletAccountEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_wallet_accounts_user' })
  user?: WalletUserEntity;

  /** ISO 4217 alphabetic code. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'bigint' })
  balance: string;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
