import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/**
 * A Live Casino or Slots bet (seed 002), projected from the monitor events that share its
 * `game.bet_id`. Amounts in minor units (cents), shown as units with two decimals. Written by
 * raw SQL in the worker's transaction; this entity describes the table.
 */
@Entity('bets')
@Unique('uq_bets_team_round', ['teamId', 'roundId'])
@Index('idx_bets_team_id', ['teamId', 'id'])
@Index('idx_bets_team_player', ['teamId', 'playerId', 'id'])
@Index('idx_bets_team_brand', ['teamId', 'brandId', 'id'])
@Index('idx_bets_team_brand_status', ['teamId', 'brandId', 'status', 'id'])
@Index('idx_bets_team_status', ['teamId', 'status', 'id'])
@Index('idx_bets_team_provider', ['teamId', 'providerId', 'id'])
export class BetEntity {
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

  @Column({ type: 'int', nullable: true })
  gameId: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  gameCode: string | null;

  /** The `event_id` of the placement (of the first event, until the placement arrives). */
  @Column({ type: 'varchar', length: 100 })
  transactionId: string;

  /** The event's `game.bet_id`: what links a placement to its settlement. */
  @Column({ type: 'varchar', length: 100 })
  roundId: string;

  @Column({ type: 'bigint' })
  betAmount: string;

  @Column({ type: 'bigint' })
  payoutAmount: string;

  /** 0 pending, 1 settled, 2 cancelled. */
  @Column({ type: 'int' })
  status: number;

  /** 0 lost, 1 won, 2 cashed out, 3 jackpot; null while pending or when cancelled. */
  @Column({ type: 'int', nullable: true })
  resultType: number | null;

  @Column({ type: 'bigint', nullable: true })
  balanceBefore: string | null;

  @Column({ type: 'bigint', nullable: true })
  balanceAfter: string | null;

  @Column(nullableTimestampColumn())
  settledAt: Date | null;

  /** Event time of the placement. */
  @Column(timestampColumn())
  createdAt: Date;
}
