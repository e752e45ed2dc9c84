import { Column, PrimaryColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/**
 * The columns of a login throttle's table (login-throttle.ts): recent failed logins of one
 * username or one client address (`user:<name>`, `ip:<address>`), shared by every instance as
 * the database is. Each login's entity names its own table.
 */
export abstract class LoginFailureColumns {
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
