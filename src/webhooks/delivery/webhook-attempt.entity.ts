import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** One attempt to deliver a message: when, what came back, how long it took. */
@Entity('webhook_attempts')
@Index('idx_webhook_attempts_message', ['messageId', 'id'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  messageId: string;

  @Column(timestampColumn())
  at: Date;

  /** Null when no answer came (refused address, connection error, timeout). */
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Column({ type: 'int' })
  latencyMs: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  /** The first bytes of the answer's body. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  responseHead: string | null;
}
