import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';
import { PlayerEntity } from '../../players/player.entity';
import { TeamEntity } from '../../tenancy/team.entity';

/**
 * A bet slip's current state, derived from its betting events (`betting_events`) in the same
 * transaction that appends each one: never written any other way.
 */
@Entity('betting_slips')
@Unique('uq_betting_slips_team_ref', ['teamId', 'slipRef'])
@Index('idx_betting_slips_player', ['playerId', 'id'])
export class BettingSlipEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_betting_slips_team' })
  team?: TeamEntity;

  /**
   * The brand of the key that opened the slip (null: a team-wide key). Only that brand's keys, and
   * the team-wide ones, see the slip or add events to it.
   */
  @Column({ type: 'int', nullable: true })
  brandId: number | null;

  /** The operator's `bet_slip_id`. */
  @Column({ type: 'varchar', length: 100 })
  slipRef: string;

  @Column({ type: 'int' })
  playerId: number;

  @ManyToOne(() => PlayerEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_betting_slips_player' })
  player?: PlayerEntity;

  /** The CPF of the slip's first event, 11 digits. */
  @Column({ type: 'varchar', length: 11 })
  taxId: string;

  /** open, settled or cancelled. */
  @Column({ type: 'varchar', length: 12 })
  state: string;

  /** In cents. */
  @Column({ type: 'bigint' })
  totalStake: string;

  @Column({ type: 'double' })
  totalOdds: number;

  @Column({ type: 'int' })
  legCount: number;

  @Column({ type: 'boolean' })
  isLive: boolean;

  @Column({ type: 'boolean' })
  isFreeBet: boolean;

  @Column({ type: 'boolean' })
  isEachWay: boolean;

  /** In cents. */
  @Column({ type: 'bigint' })
  bonusAmount: string;

  /** What the slip paid, in cents, once known (see slip-fold.ts); null while open. */
  @Column({ type: 'bigint', nullable: true })
  payout: string | null;

  /** Some event came out of order (a result before any bet, a bet dated after the slip closed). */
  @Column({ type: 'boolean' })
  outOfOrder: boolean;

  @Column({ type: 'int' })
  eventsCount: number;

  /** `event_date` of the slip's earliest and latest events. */
  @Column(timestampColumn())
  firstEventAt: Date;

  @Column(timestampColumn())
  lastEventAt: Date;

  /** When the slip was settled or cancelled (the `event_date` that did it); null while open. */
  @Column(nullableTimestampColumn())
  closedAt: Date | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
