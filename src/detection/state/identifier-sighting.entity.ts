import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/**
 * A player seen with an identifier (IP, phone, session id): one row per player and identifier,
 * so that workers of different players never write the same row (SHARED_IDENTIFIER counts the
 * players of an identifier without locking it). Times are event times.
 */
@Entity('identifier_sightings')
@Index('idx_identifier_sightings_player', ['teamId', 'playerId'])
export class IdentifierSightingEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  value: string;

  @PrimaryColumn({ type: 'int' })
  playerId: number;

  @Column(timestampColumn())
  firstSeenAt: Date;

  @Column(timestampColumn())
  lastSeenAt: Date;
}
