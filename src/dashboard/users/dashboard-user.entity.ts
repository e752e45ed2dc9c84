import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';
import { TeamEntity } from '../../tenancy/team.entity';

/**
 * A person who logs in to the dashboard: one team, one role. Invited users have no password
 * until they open their one-time link; deactivated ones keep their row (the audit trail names
 * them) and can no longer log in.
 */
@Entity('dashboard_users')
@Index('uq_dashboard_users_email', ['email'], { unique: true })
@Index('idx_dashboard_users_team', ['teamId'])
@Index('uq_dashboard_users_invite', ['inviteTokenHash'], { unique: true })
export class DashboardUserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_dashboard_users_team' })
  team?: TeamEntity;

  /** Lower-cased: the login. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** scrypt, self-describing (common/auth/password-hash.ts); null until an invitation is accepted. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  /** admin, analyst or viewer. */
  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Column({ type: 'boolean' })
  active: boolean;

  /** SHA-256 (hex) of the one-time invitation token, while it is open. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  inviteTokenHash: string | null;

  @Column(nullableTimestampColumn())
  inviteExpiresAt: Date | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
