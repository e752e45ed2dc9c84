import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';
import { DashboardUserEntity } from '../users/dashboard-user.entity';

/**
 * A dashboard session, opened by a login. The cookie carries a random token signed with
 * DASHBOARD_SESSION_SECRET; only the token's SHA-256 is stored, so that a copy of this table
 * opens no session.
 */
@Entity('dashboard_sessions')
@Index('idx_dashboard_sessions_user', ['userId'])
export class DashboardSessionEntity {
  /** SHA-256 (hex) of the cookie's token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Shown to the user, to revoke one session among theirs. */
  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => DashboardUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_dashboard_sessions_user' })
  user?: DashboardUserEntity;

  @Column({ type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  userAgent: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  expiresAt: Date;

  /** Set by a logout or a revocation: the cookie no longer opens anything. */
  @Column(nullableTimestampColumn())
  revokedAt: Date | null;
}
