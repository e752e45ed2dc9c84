import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Events of a team and stream per minute (UTC): received (counted by the minute of arrival),
 * processed and failed (by the minute processing ended). For the dashboard's activity charts.
 */
@Entity('event_minute_counts')
export class EventMinuteCountEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  stream: string;

  /** The minute's start, `YYYY-MM-DD HH:MM:00`. */
  @PrimaryColumn({ type: 'datetime' })
  minute: Date;

  @Column({ type: 'int', default: 0 })
  received: number;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'int', default: 0 })
  failed: number;
}
