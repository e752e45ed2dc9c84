import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** Detection's rolling state of a player (engine/player-state.ts), as JSON. */
@Entity('detection_player_states')
export class DetectionPlayerStateEntity {
  @PrimaryColumn({ type: 'int' })
  playerId: number;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'text' })
  state: string;

  /** Random, new with each write: a cached state is used only while it is still the stored one. */
  @Column({ type: 'bigint', default: 0 })
  revision: string;

  @Column(timestampColumn())
  updatedAt: Date;
}
