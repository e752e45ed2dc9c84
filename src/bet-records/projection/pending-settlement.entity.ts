import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A monitor event that settles or cancels a bet not placed yet (its BET_PLACED has not been
 * processed): kept here, and applied when the placement is projected.
 */
@Entity('pending_settlements')
export class PendingSettlementEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  /** `bet` (Live/Slots) or `sports`. */
  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  /** The event's `game.bet_id`. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  betRef: string;

  /** The monitor event (`events.id`). */
  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @Column({ type: 'varchar', length: 40 })
  eventType: string;
}
