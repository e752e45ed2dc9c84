import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from '../../wallet/entities/wallet-user.entity';
import { LocationEntity } from './location.entity';

/**
 * A withdraw reservation: cash the user will collect at a desk. Lockless: no money is held, but
 * the balance covered the amount when it was made; the withdrawal that pays it debits the wallet.
 * `openUserId` is the user's id while the reservation is open (Approved) and null once it is paid,
 * cancelled or expired: its unique index is the database's guarantee of one open reservation per
 * user, whatever the concurrency.
 */
@Entity('maxbridge_reservations')
@Index('uq_maxbridge_reservations_code', ['code'], { unique: true })
@Index('uq_maxbridge_reservations_open_user', ['openUserId'], { unique: true })
@Index('idx_maxbridge_reservations_user', ['userId', 'createdAt'])
export class ReservationEntity {
  /** A GUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The numeric pickup code, unique. */
  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 8 })
  confirmationPin: string;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_maxbridge_reservations_user' })
  user?: WalletUserEntity;

  @Column({ type: 'int', nullable: true })
  openUserId: number | null;

  /** Cents. */
  @Column({ type: 'bigint' })
  amount: string;

  /** Cents: 0 until the withdrawal that pays it charges one. */
  @Column({ type: 'bigint' })
  fee: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 36 })
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'location_id',
    foreignKeyConstraintName: 'fk_maxbridge_reservations_location',
  })
  location?: LocationEntity;

  /** `Approved` (open), `Paid`, `Expired`, `Cancelled`. */
  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /** The balance the caller said the user had (recorded, never trusted). */
  @Column({ type: 'bigint', nullable: true })
  declaredBalance: string | null;

  /** Who made it: `retail`, `core` or `front-end`. */
  @Column({ type: 'varchar', length: 16 })
  createdVia: string;

  /** The withdrawal (ledger row) that paid it. */
  @Column({ type: 'bigint', nullable: true })
  ledgerEntryId: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  expiresAt: Date;

  @Column(nullableTimestampColumn())
  closedAt: Date | null;
}
