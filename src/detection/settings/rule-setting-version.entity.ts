import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** One version of a team's settings of a rule, with its author and time. */
@Entity('rule_setting_versions')
export class RuleSettingVersionEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleCode: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8 })
  mode: string;

  @Column({ type: 'varchar', length: 8 })
  severity: string;

  @Column({ type: 'text' })
  parameters: string;

  /** `key` (an API key's id) or `user` (a dashboard user, later). */
  @Column({ type: 'varchar', length: 8 })
  authorKind: string;

  @Column({ type: 'varchar', length: 100 })
  authorId: string;

  @Column(timestampColumn())
  createdAt: Date;
}
