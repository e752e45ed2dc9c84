import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../../../database/columns';

/**
 * A key of the MaxBet retail system or an SSBT terminal (`Authorization: <key>`), stored as its
 * SHA-256: the key itself is shown once, when `maxbridge retail-key create` makes it.
 */
@Entity('maxbridge_retail_keys')
@Index('uq_maxbridge_retail_keys_hash', ['keyHash'], { unique: true })
export class RetailKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  /** The first characters of the key, to tell keys apart in a list. */
  @Column({ type: 'varchar', length: 12 })
  prefix: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  label: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(nullableTimestampColumn())
  revokedAt: Date | null;
}
