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

  /** The looks (SecondLook[]: each event with what its batch counted), JSON, 48 KB a row at most. */
  @Column({ type: 'text' })
  events: string;

  @Column(timestampColumn())
  createdAt: Date;
}
