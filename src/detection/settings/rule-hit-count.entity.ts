import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Hits of a team's rule per day (UTC, by processing time) and mode (`on` or `shadow`), in one
 * row per processing partition: workers of different partitions never update the same row.
 */
@Entity('rule_hit_counts')
export class RuleHitCountEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  ruleCode: string;

  /** `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  mode: string;

  /** The processing partition of the players counted here (see processing/queue/partition.ts). */
  @PrimaryColumn({ type: 'smallint' })
  shard: number;

  @Column({ type: 'int', default: 0 })
  hits: number;
}
