import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A processing partition and the worker loop that holds it until `leaseExpiresAt` (epoch ms of
 * the holder's clock). The holder locks the row for each batch it processes: a loop that takes
 * the partition over waits for that batch, and the former holder's next batch finds it gone.
 */
@Entity('processing_partitions')
export class ProcessingPartitionEntity {
  @PrimaryColumn({ type: 'smallint' })
  partitionNo: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  owner: string | null;

  @Column({ type: 'bigint', nullable: true })
  leaseExpiresAt: string | null;
}
