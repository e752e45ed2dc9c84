import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { timestampColumn } from '../database/columns';
import { TeamEntity } from '../tenancy/team.entity';

/**
 * A player of a team, known by the team's own id for them. The integer `id` is ours: bet
 * records and risk views refer to players by it.
 */
@Entity('players')
@Unique('uq_players_team_external', ['teamId', 'externalId'])
export class PlayerEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_players_team' })
  team?: TeamEntity;

  @Column({ type: 'varchar', length: 100 })
  externalId: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  country: string | null;

  @Column({ type: 'int', nullable: true })
  kycLevel: number | null;

  /** Event time of the player's earliest and latest processed events. */
  @Column(timestampColumn())
  firstSeenAt: Date;

  @Column(timestampColumn())
  lastSeenAt: Date;

  /** Processed events of this player; each event counts once. */
  @Column({ type: 'int' })
  eventsCount: number;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
