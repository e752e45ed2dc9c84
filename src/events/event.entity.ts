import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../database/columns';
import { TeamEntity } from '../tenancy/team.entity';
import type { EventStatus } from './event-status';

/**
 * One monitor event as the operator sent it, flattened. Written by raw multi-row inserts (see
 * EventRepository); this entity describes the table for migrations and the drift check.
 */
@Entity('events')
@Unique('uq_events_uuid', ['uuid'])
@Unique('uq_events_team_external', ['teamId', 'externalEventId'])
@Index('idx_events_team_player_time', ['teamId', 'playerExternalId', 'eventTime'])
export class EventEntity {
  /** Arrival order. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_events_team' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 100 })
  externalEventId: string;

  /** The brand of the API key that sent it, when the key is limited to one. */
  @Column({ type: 'int', nullable: true })
  brandId: number | null;

  /** SHA-256 of the normalised event: a repeat with the same hash is the same event. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;

  @Column(timestampColumn())
  eventTime: Date;

  /** YYYYMM of `eventTime` (UTC). */
  @Column({ type: 'int' })
  eventMonth: number;

  /** In currency units, as sent (5000 = 5,000 XOF). */
  @Column({ type: 'bigint' })
  amount: string;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'bigint', nullable: true })
  balanceBefore: string | null;

  @Column({ type: 'bigint', nullable: true })
  balanceAfter: string | null;

  @Column({ type: 'varchar', length: 100 })
  playerExternalId: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  playerPhone: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  playerCountry: string | null;

  @Column({ type: 'int', nullable: true })
  playerKycLevel: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  gameType: string | null;

  /** `game.id`: the operator's code for the game. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  gameCode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  gameName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sport: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  competition: string | null;

  @Column({ type: 'double', nullable: true })
  odds: number | null;

  /** `game.bet_id`: the operator's id of the bet this event belongs to. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  betRef: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  providerCode: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  deviceType: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  operatorCode: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sessionId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  userAgent: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: EventStatus;

  @Column(timestampColumn())
  receivedAt: Date;

  @Column(nullableTimestampColumn())
  processedAt: Date | null;

  /** Processing attempts that failed; the event is FAILED after the last one. */
  @Column({ type: 'int' })
  failedAttempts: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** Its processing partition (see processing/queue/partition.ts); 0 on rows older than the queue. */
  @Column({ type: 'smallint', default: 0 })
  partitionNo: number;
}
