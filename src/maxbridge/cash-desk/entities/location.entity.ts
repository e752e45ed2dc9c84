import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../../database/columns';

/** A retail cash desk where reserved withdrawals are paid out (seed 003, "retails"). */
@Entity('maxbridge_locations')
@Index('idx_maxbridge_locations_city', ['cityId', 'districtId'])
export class LocationEntity {
  /** A GUID, as the seed's. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'double' })
  lat: number;

  @Column({ type: 'double' })
  longitude: number;

  /** JSON: per weekday `{"open":"09:00","close":"18:00"}`, or `""` when closed (the seed's shape). */
  @Column({ type: 'text' })
  openHours: string;

  @Column({ type: 'int', nullable: true })
  cityId: number | null;

  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Column(timestampColumn())
  createdAt: Date;
}
