import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A live worker loop (of any instance) and its last heartbeat (epoch ms): partitions are shared among them. */
@Entity('processing_workers')
export class ProcessingWorkerEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  owner: string;

  @Column({ type: 'bigint' })
  heartbeatAt: string;
}
