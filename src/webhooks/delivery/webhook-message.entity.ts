import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/**
 * The outbox: one message per endpoint and event, written in the transaction of what it tells
 * (an alert raised or changed). Its body is rendered once, at its first attempt, and every
 * attempt sends those very bytes. A claimed message's `nextAttemptAt` moves past the attempt's
 * timeout: that is its lease, and an instance that dies mid-attempt leaves it due again.
 */
@Entity('webhook_messages')
@Index('uq_webhook_messages_uuid', ['uuid'], { unique: true })
@Index('idx_webhook_messages_due', ['status', 'nextAttemptAt'])
@Index('idx_webhook_messages_endpoint', ['endpointId', 'id'])
@Index('idx_webhook_messages_endpoint_due', ['endpointId', 'status', 'nextAttemptAt'])
@Index('idx_webhook_messages_subject', ['subject', 'eventType'])
@Index('idx_webhook_messages_created', ['createdAt'])
export class WebhookMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** The `webhook-id` header: the same on every attempt. */
  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'bigint' })
  endpointId: string;

  @Column({ type: 'varchar', length: 24 })
  eventType: string;

  /** What it is about: an alert's uuid. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  subject: string | null;

  /** Null until its first attempt renders it. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /**
   * `pending`; `paused` while its endpoint is turned off by the team; `succeeded`; `failed` (no
   * attempt left, or the service disabled the endpoint).
   */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'int' })
  attempts: number;

  /** Sent again by hand (redeliver, replay): one attempt, no retry after it. */
  @Column({ type: 'boolean', default: false })
  resent: boolean;

  @Column(timestampColumn())
  nextAttemptAt: Date;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(nullableTimestampColumn())
  lastAttemptAt: Date | null;
}
