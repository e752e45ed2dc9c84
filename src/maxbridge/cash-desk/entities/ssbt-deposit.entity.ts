import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from '../../wallet/entities/wallet-user.entity';

/**
 * Cash put into a self-service betting terminal (SSBT): opened `Pending` by the terminal, then
 * credited to the wallet once (`Success`, by the retail commit or the front end's deposit,
 * whichever comes first) or `Rejected`. Its id is the seed's `reservationId`.
 */
@Entity('maxbridge_ssbt_deposits')
@Index('uq_maxbridge_ssbt_deposits_reference', ['reference'], { unique: true })
@Index('idx_maxbridge_ssbt_deposits_user', ['userId', 'createdAt'])
export class SsbtDepositEntity {
  /** A GUID: the seed's `reservationId`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_maxbridge_ssbt_deposits_user' })
  user?: WalletUserEntity;

  /** Cents. */
  @Column({ type: 'bigint' })
  amount: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** The payment service of the terminal in the payment directory (the seed's `deviceId`). */
  @Column({ type: 'int' })
  deviceId: number;

  /** The terminal's transaction id (the seed's `reference` and `transactionId`): once only. */
  @Column({ type: 'varchar', length: 64 })
  reference: string;

  /** `Pending`, `Success`, `Rejected` (the seed's list also has `Failed` and `RolledBack`). */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  /** The wallet's ledger row that credited it. */
  @Column({ type: 'bigint', nullable: true })
  ledgerEntryId: string | null;

  /** `retail` (commit) or `front-end` (deposit): which call credited it. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  creditedVia: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(nullableTimestampColumn())
  settledAt: Date | null;
}
