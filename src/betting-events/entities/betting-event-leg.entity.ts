import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { BetLegColumns } from './bet-leg.columns';
import { BettingEventEntity } from './betting-event.entity';

/** A selection exactly as one betting event sent it (absent fields stay null). */
@Entity('betting_event_legs')
export class BettingEventLegEntity extends BetLegColumns {
  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  /** Place of the leg in the slip, from 0. */
  @PrimaryColumn({ type: 'int' })
  position: number;

  @ManyToOne(() => BettingEventEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_betting_event_legs_event' })
  event?: BettingEventEntity;
}
