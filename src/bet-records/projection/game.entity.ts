import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../../database/columns';
import { ProviderEntity } from './provider.entity';

/** A game of a provider ("baccarat_main" of "evolution"); the integer id is ours. */
@Entity('games')
@Unique('uq_games_provider_code', ['providerId', 'code'])
export class GameEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  providerId: number;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'fk_games_provider' })
  provider?: ProviderEntity;

  @Column({ type: 'varchar', length: 100 })
  code: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column(timestampColumn())
  createdAt: Date;
}
