import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../../../database/columns';
import { WalletUserStatusEntity } from './wallet-user-status.entity';

/** A player of the wallet ("PAM & Wallet"), as the seed's `userinfo` describes them. */
@Entity('wallet_users')
@Unique('uq_wallet_users_user_name', ['userName'])
export class WalletUserEntity {
  /** `userID` on the wire. */
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  userName: string;

  /** scrypt, self-describing (see common/auth/password-hash.ts); for the core login. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fullName: string | null;

  /** `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthDate: string | null;

  /** Largest and smallest single transaction allowed, in cents. */
  @Column({ type: 'bigint' })
  transactionMaxLimit: string;

  @Column({ type: 'bigint' })
  transactionMinLimit: string;

  @Column({ type: 'int' })
  userStatusId: number;

  @ManyToOne(() => WalletUserStatusEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_status_id', foreignKeyConstraintName: 'fk_wallet_users_status' })
  userStatus?: WalletUserStatusEntity;

  /** ISO 4217 numeric code (`840` for USD). */
  @Column({ type: 'int' })
  preferredCurrencyId: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  registrationDomain: string | null;

  /** A JSON object, as given. */
  @Column({ type: 'text', nullable: true })
  additionalData: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
