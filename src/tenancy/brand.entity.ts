import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../database/columns';
import { TeamEntity } from './team.entity';

/** A gambling brand (site, app) of a team. */
@Entity('brands')
@Unique('uq_brands_team_name', ['teamId', 'name'])
export class BrandEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_brands_team' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column(timestampColumn())
  createdAt: Date;
}
