import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../database/columns';

/** A team's webhook endpoint: where alerts are pushed, which event types, signed with what. */
@Entity('webhook_endpoints')
@Index('uq_webhook_endpoints_uuid', ['uuid'], { unique: true })
@Index('idx_webhook_endpoints_team', ['teamId', 'id'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  uuid: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  /** The event types it receives, as a JSON array (`["*"]` for every type). */
  @Column({ type: 'varchar', length: 200 })
  eventTypes: string;

  /** Deliveries per second at most; null: only the dispatcher's concurrency bounds it. */
  @Column({ type: 'int', nullable: true })
  rateLimit: number | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Why the service disabled it (`gone`: answered 410; `failing`: failed for too long). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  disabledReason: string | null;

  @Column({ type: 'varchar', length: 64 })
  secret: string;

  /** The secret before the last rotation, still signing beside the new one until `previousSecretUntil`. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  previousSecret: string | null;

  @Column(nullableTimestampColumn())
  previousSecretUntil: Date | null;

  /** Since when every attempt failed (null after a success). */
  @Column(nullableTimestampColumn())
  failingSince: Date | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
