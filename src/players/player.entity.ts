import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { timestampColumn } from '../database/columns';
import { TeamEntity } from '../tenancy/team.entity';

/**
 * A player of a team, known by the team's own id for them. The integer `id` is ours: bet
 * records and risk views refer to players by it.
 */
@Entity('players')
@Unique('uq_players_team_external', ['teamId', 'externalId'])
@Index('uq_players_team_cpf', ['teamId', 'cpf'], { unique: true })
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

  /**
   * The player's CPF (11 digits), for the AML Betting Events API, which knows players by it. A
   * betting event's player is the one with this CPF, or else the one whose external id is the CPF
   * (bare or formatted), or else a new player whose external id is the CPF's digits.
   */
  @Column({ type: 'varchar', length: 11, nullable: true })
  cpf: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  country: string | null;

  @Column({ type: 'int', nullable: true })
  kycLevel: number | null;

  /** Event time of the player's earliest and latest processed monitor events and betting events. */
  @Column(timestampColumn())
  firstSeenAt: Date;

  @Column(timestampColumn())
  lastSeenAt: Date;

  /** Processed monitor events of this player; each event counts once. */
  @Column({ type: 'int' })
  eventsCount: number;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(timestampColumn())
  updatedAt: Date;
}
