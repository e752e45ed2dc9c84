import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** One change of an alert (its creation included): the audit trail shown on the alert. */
@Entity('alert_audit')
@Index('idx_alert_audit_alert', ['alertId', 'id'])
export class AlertAuditEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  alertId: string;

  @Column(timestampColumn())
  at: Date;

  /** `rule` (detection), `key` (an API key) or `user` (a dashboard user, later). */
  @Column({ type: 'varchar', length: 8 })
  actorKind: string;

  @Column({ type: 'varchar', length: 100 })
  actorId: string;

  /** `created`, `updated`. */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  toStatus: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  assignee: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  note: string | null;
}
