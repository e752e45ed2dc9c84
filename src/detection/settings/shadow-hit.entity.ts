import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** What a rule in shadow mode (or a quieter part of it) found: recorded, no alert raised. */
@Entity('shadow_hits')
@Index('idx_shadow_hits_rule', ['teamId', 'ruleCode', 'id'])
export class ShadowHitEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'varchar', length: 40 })
  ruleCode: string;

  @Column({ type: 'int' })
  ruleVersion: number;

  @Column({ type: 'int' })
  playerId: number;

  @Column({ type: 'varchar', length: 8 })
  stream: string;

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
