import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../../database/columns';
import { SportsBetEntity } from './sports-bet.entity';

/** A selection (leg) of a sports bet. */
@Entity('sports_bet_lines')
@Unique('uq_sports_bet_lines_position', ['sportsBetId', 'position'])
export class SportsBetLineEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  sportsBetId: string;

  @ManyToOne(() => SportsBetEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'sports_bet_id', foreignKeyConstraintName: 'fk_sports_bet_lines_bet' })
  sportsBet?: SportsBetEntity;

  /** Place of the line in the bet, from 0. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 100 })
  lineId: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  eventName: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  leagueName: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  market: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  homeName: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  awayName: string | null;

  @Column({ type: 'double', nullable: true })
  odds: number | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  score: string | null;

  @Column({ type: 'int' })
  status: number;

  @Column({ type: 'int' })
  isLive: number;

  @Column(timestampColumn())
  createdAt: Date;
}
