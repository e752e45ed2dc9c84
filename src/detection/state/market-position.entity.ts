import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** A single AML bet's selection, for OPPOSITE_SIDES to find other bettors on the same market. */
@Entity('market_positions')
@Index('idx_market_positions_market', ['teamId', 'sportEventRef', 'marketRef', 'placedAt'])
@Index('idx_market_positions_slip', ['teamId', 'playerId', 'slipRef'])
export class MarketPositionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'varchar', length: 100 })
  sportEventRef: string;

  @Column({ type: 'varchar', length: 100 })
  marketRef: string;

  @Column({ type: 'varchar', length: 100 })
  selectionRef: string;

  @Column({ type: 'int' })
  playerId: number;

  /** Minor units. */
  @Column({ type: 'bigint' })
  stake: string;

  @Column(timestampColumn())
  placedAt: Date;

  /** The slip it stands for (`bet_slip_id`): a correction replaces it, a cancellation removes it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  slipRef: string | null;

  /** The AML event (`betting_events.id`) that placed it. */
  @Column({ type: 'bigint' })
  eventId: string;
}
