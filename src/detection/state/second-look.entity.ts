import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/**
 * Events that read other players' data, waiting for their second look (rule.ts, `crossPlayer`):
 * written with their batch, taken by the loop holding their partition once the batch committed
 * (or, after a crash, by the loop that takes the partition over).
 */
@Entity('detection_second_looks')
@Index('idx_detection_second_looks_partition', ['partitionNo', 'id'])
export class DetectionSecondLookEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'smallint' })
  partitionNo: number;

  /** The events as the rules see them, with what their batch counted (SecondLook[]), JSON; at most 50 a row. */
  @Column({ type: 'text' })
  events: string;

  @Column(timestampColumn())
  createdAt: Date;
}
