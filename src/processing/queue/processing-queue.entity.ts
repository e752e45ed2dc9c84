import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../../database/columns';
import type { StreamName } from './event-stream';

/**
 * One event waiting for processing, of either stream. `seq` is the one processing sequence of
 * both streams (arrival order); the row leaves the queue when its event is PROCESSED or FAILED.
 */
@Entity('processing_queue')
@Unique('uq_processing_queue_event', ['stream', 'eventId'])
export class ProcessingQueueEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  /** See partition.ts. */
  @Column({ type: 'smallint' })
  partitionNo: number;

  @Column({ type: 'varchar', length: 8 })
  stream: StreamName;

  /** The event's row id in its stream's table (`events`, `betting_events`). */
  @Column({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column(timestampColumn())
  receivedAt: Date;

  /** Failed processing attempts so far. */
  @Column({ type: 'int', default: 0 })
  attempts: number;
}
