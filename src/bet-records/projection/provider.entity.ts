import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** A game or sports-book provider ("evolution"), known by its code; the integer id is ours. */
@Entity('providers')
@Unique('uq_providers_code', ['code'])
export class ProviderEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  code: string;

  @Column(timestampColumn())
  createdAt: Date;
}
