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
import { BettingSlipEntity } from './betting-slip.entity';

/**
 * One call of `POST /betting-events`, as sent: the append-only log of a bet slip. Optional fields
 * the operator left out stay null, so that the slip's state can tell "not said" from "false".
 */
@Entity('betting_events')
@Unique('uq_betting_events_public_id', ['publicId'])
@Unique('uq_betting_events_slip_content', ['slipId', 'contentHash'])
@Index('idx_betting_events_player', ['playerId', 'id'])
export class BettingEventEntity {
  /** Arrival order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The `evt_...` id answered to the operator. */
  @Column({ type: 'varchar', length: 40 })
  publicId: string;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_betting_events_team' })
  team?: TeamEntity;

  @Column({ type: 'bigint' })
  slipId: string;

  @ManyToOne(() => BettingSlipEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'slip_id', foreignKeyConstraintName: 'fk_betting_events_slip' })
  slip?: BettingSlipEntity;

  @Column({ type: 'int' })
  playerId: number;

  @ManyToOne(() => PlayerEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'player_id', foreignKeyConstraintName: 'fk_betting_events_player' })
  player?: PlayerEntity;

  /** SHA-256 of the body (its known fields, keys sorted): a repeat with the same hash is the same event. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** new_bet, result or cancellation. */
  @Column({ type: 'varchar', length: 16 })
  eventType: string;

  /** 11 digits. */
  @Column({ type: 'varchar', length: 11 })
  taxId: string;

  /** In cents. */
  @Column({ type: 'bigint' })
  lastPlayerBalance: string;

  @Column({ type: 'bigint' })
  currentPlayerBalance: string;

  /** As sent, or the time of arrival when absent. */
  @Column(timestampColumn())
  eventDate: Date;

  @Column({ type: 'varchar', length: 12, nullable: true })
  betSlipState: string | null;

  @Column({ type: 'bigint' })
  totalStake: string;

  @Column({ type: 'double' })
  totalOdds: number;

  @Column({ type: 'int' })
  legCount: number;

  @Column({ type: 'boolean', nullable: true })
  isLive: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  isFreeBet: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  isEachWay: boolean | null;

  @Column({ type: 'bigint', nullable: true })
  bonusAmount: string | null;

  /** The `meta` object, as JSON text. */
  @Column({ type: 'text', nullable: true })
  meta: string | null;

  /** The consistency checks this event failed, as a JSON array (see consistency-checks.ts). */
  @Column({ type: 'text' })
  checks: string;

  @Column(timestampColumn())
  receivedAt: Date;

  /** RECEIVED (queued for processing), PROCESSED or FAILED. */
  @Column({ type: 'varchar', length: 12, default: 'RECEIVED' })
  status: string;

  @Column(nullableTimestampColumn())
  processedAt: Date | null;

  /** Processing attempts that failed, once FAILED. */
  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}
