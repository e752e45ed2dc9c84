import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** One event's hit on an alert, with the figures that triggered it. */
@Entity('alert_hits')
@Index('idx_alert_hits_alert_time', ['alertId', 'eventTime', 'id'])
@Index('idx_alert_hits_event', ['stream', 'eventId'])
export class AlertHitEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  alertId: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'varchar', length: 8 })
  stream: string;

  /** The event's row id in its stream's table. */
  @Column({ type: 'bigint' })
  eventId: string;

  /** How the operator knows the event: its `uuid`, or the AML `evt_...` id. */
  @Column({ type: 'varchar', length: 64 })
  eventRef: string;

  @Column(timestampColumn())
  eventTime: Date;

  @Column({ type: 'varchar', length: 8 })
  severity: string;

  @Column({ type: 'text' })
  figures: string;

  @Column(timestampColumn())
  createdAt: Date;
}
