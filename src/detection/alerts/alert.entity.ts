import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/**
 * An alert: one per player and rule while OPEN or ACKNOWLEDGED and its last hit within the
 * rule's cooldown; later hits join it (alert_hits). Its reason is its latest hit's figures.
 */
@Entity('alerts')
@Index('uq_alerts_uuid', ['uuid'], { unique: true })
@Index('idx_alerts_player_rule', ['teamId', 'playerId', 'ruleCode', 'status'])
@Index('idx_alerts_team_created', ['teamId', 'createdAt'])
@Index('idx_alerts_team_severity', ['teamId', 'severity', 'id'])
export class AlertEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'int' })
  playerId: number;

  @Column({ type: 'varchar', length: 40 })
  ruleCode: string;

  /** The version of the team's rule settings that raised it. */
  @Column({ type: 'int' })
  ruleVersion: number;

  @Column({ type: 'varchar', length: 8 })
  severity: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  assignee: string | null;

  /** The latest hit's figures, JSON: the reason is rendered from them and the rule code. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'int' })
  hitCount: number;

  @Column(timestampColumn())
  firstHitAt: Date;

  @Column(timestampColumn())
  lastHitAt: Date;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;

  @Column(nullableTimestampColumn())
  closedAt: Date | null;
}
