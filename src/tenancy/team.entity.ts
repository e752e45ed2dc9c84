import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../database/columns';
import type { Plan } from '../config/plan';

/** A customer company: owns brands, API keys and all data sent with them. */
@Entity('teams')
@Unique('uq_teams_name', ['name'])
export class TeamEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  plan: Plan;

  @Column(timestampColumn())
  createdAt: Date;

  /** The IANA time zone of the team's per-day figures (the dashboard's overview). */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timeZone: string;
}
