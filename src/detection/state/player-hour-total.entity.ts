import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A player's money movements per hour (by event time) and currency, for the counters of
 * `GET /api/v1/players/:id` (24 h, 7 d, 30 d, to the hour). Written by the player's worker
 * only: one row per player, hour and currency.
 */
@Entity('player_hour_totals')
export class PlayerHourTotalEntity {
  @PrimaryColumn({ type: 'int' })
  playerId: number;

  /** `YYYY-MM-DD HH:00:00`. */
  @PrimaryColumn({ type: 'datetime' })
  hour: Date;

  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ type: 'int' })
  teamId: number;

  @Column({ type: 'int', default: 0 })
  deposits: number;

  @Column({ type: 'bigint', default: 0 })
  depositCents: string;

  @Column({ type: 'int', default: 0 })
  withdrawals: number;

  @Column({ type: 'bigint', default: 0 })
  withdrawalCents: string;

  @Column({ type: 'int', default: 0 })
  bets: number;

  @Column({ type: 'bigint', default: 0 })
  stakeCents: string;

  @Column({ type: 'int', default: 0 })
  wins: number;

  @Column({ type: 'bigint', default: 0 })
  winCents: string;
}
