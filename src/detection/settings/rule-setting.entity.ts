import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/**
 * A team's current settings of a rule, when it changed them (else the pack's defaults, version
 * 1). `parameters` holds only what the team changed, as JSON; every change is also kept as a
 * version (rule_setting_versions).
 */
@Entity('rule_settings')
export class RuleSettingEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleCode: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 8 })
  mode: string;

  @Column({ type: 'varchar', length: 8 })
  severity: string;

  @Column({ type: 'text' })
  parameters: string;

  @Column(timestampColumn())
  updatedAt: Date;
}
