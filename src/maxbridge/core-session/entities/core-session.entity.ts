import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from '../../wallet/entities/wallet-user.entity';

/** A player's session with the core, opened by a login: its token names it (`ssid`). */
@Entity('maxbridge_sessions')
@Index('idx_maxbridge_sessions_user', ['userId'])
export class CoreSessionEntity {
  /** A UUID: the token's `ssid`. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  ssid: string;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_maxbridge_sessions_user' })
  user?: WalletUserEntity;

  @Column({ type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  expiresAt: Date;

  /** Set by a logout: the token no longer opens anything. */
  @Column(nullableTimestampColumn())
  closedAt: Date | null;
}
