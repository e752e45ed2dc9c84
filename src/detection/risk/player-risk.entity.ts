import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/**
 * A player's stored risk score, for `GET /api/v1/players` to list players by risk. Refreshed
 * when the player's alerts, links or low-KYC withdrawals change and, as it decays, by the risk
 * refresher.
 */
@Entity('player_risk')
@Index('idx_player_risk_team_score', ['teamId', 'score'])
export class PlayerRiskEntity {
  @PrimaryColumn({ type: 'int' })
  playerId: number;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'varchar', length: 8 })
  level: string;

  @Column({ type: 'text' })
  factors: string;

  @Column(timestampColumn())
  computedAt: Date;
}
