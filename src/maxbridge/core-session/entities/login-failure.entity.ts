import { Column, Entity, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../../database/columns';

/**
 * Recent failed logins of one username or one client address (`user:<name>`, `ip:<address>`):
 * past a few, each answer is slowed down; past more, the subject is blocked for a while (124).
 * Shared by every instance, as the database is.
 */
@Entity('maxbridge_login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  subject: string;

  @Column({ type: 'int' })
  failures: number;

  /** When the current count started: counts older than the window start again from zero. */
  @Column(timestampColumn())
  windowStart: Date;

  @Column(nullableTimestampColumn())
  blockedUntil: Date | null;
}
