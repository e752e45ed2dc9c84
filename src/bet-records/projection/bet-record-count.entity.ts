import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many bet records a team has per brand, provider and status: the `total` of a list filtered
 * by any of these is a sum over a few rows of this table instead of a count over the records.
 * Kept exact by the projections, in the transactions that write the records. `brand_id` and
 * `provider_id` are 0 where the record has none. Each key has a row per shard, summed when read,
 * so that concurrent writers (worker loops, instances, AML API requests) add to different rows.
 */
@Entity('bet_record_counts')
export class BetRecordCountEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  /** `bet` (Live/Slots) or `sports`. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'int' })
  brandId: number;

  @PrimaryColumn({ type: 'int' })
  providerId: number;

  @PrimaryColumn({ type: 'int' })
  status: number;

  /**
   * The processing partition of one of the writing transaction's players (CountDeltas). A row
   * alone means nothing, and may be negative: a bet counted in one shard when placed may move to
   * its settled status in another.
   */
  @PrimaryColumn({ type: 'smallint' })
  shard: number;

  @Column({ type: 'bigint' })
  total: string;
}
