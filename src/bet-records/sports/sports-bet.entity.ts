import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/**
 * A sports bet (seed 002), projected from SPORTS/ESPORTS monitor events (`source` monitor) or
 * from an AML bet slip (`source` aml). Amounts in minor units (cents), shown as units with two
 * decimals. Written by raw SQL in the projecting transaction; this entity describes the table.
 */
@Entity('sports_bets')
@Unique('uq_sports_bets_team_source_ref', ['teamId', 'source', 'betRef'])
@Index('idx_sports_bets_team_id', ['teamId', 'id'])
@Index('idx_sports_bets_team_player', ['teamId', 'playerId', 'id'])
@Index('idx_sports_bets_team_brand', ['teamId', 'brandId', 'id'])
@Index('idx_sports_bets_team_brand_status', ['teamId', 'brandId', 'status', 'id'])
@Index('idx_sports_bets_team_status', ['teamId', 'status', 'id'])
export class SportsBetEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'int', nullable: true })
  brandId: number | null;

  @Column({ type: 'int' })
  playerId: number;

  @Column({ type: 'int', nullable: true })
  providerId: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  providerCode: string | null;

  /** monitor or aml. */
  @Column({ type: 'varchar', length: 8 })
  source: string;

  /** The bet's id at its source: `game.bet_id`, or the AML `bet_slip_id`. */
  @Column({ type: 'varchar', length: 100 })
  betRef: string;

  @Column({ type: 'double', nullable: true })
  odds: number | null;

  @Column({ type: 'bigint' })
  stake: string;

  @Column({ type: 'bigint' })
  payout: string;

  /** 1 when the bet has more than one leg. */
  @Column({ type: 'int' })
  parlay: number;

  @Column({ type: 'int' })
  status: number;

  @Column({ type: 'bigint', nullable: true })
  balanceBefore: string | null;

  @Column({ type: 'bigint', nullable: true })
  balanceAfter: string | null;

  @Column(nullableTimestampColumn())
  settledAt: Date | null;

  @Column(timestampColumn())
  createdAt: Date;
}
