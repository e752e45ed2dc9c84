import { Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { BetLegColumns } from './bet-leg.columns';
import { BettingSlipEntity } from './betting-slip.entity';

/** A slip's selection as it stands: every event's view of the leg, merged (see slip-fold.ts). */
@Entity('betting_slip_legs')
@Unique('uq_betting_slip_legs_ref', ['slipId', 'legRef'])
export class BettingSlipLegEntity extends BetLegColumns {
  @PrimaryColumn({ type: 'bigint' })
  slipId: string;

  /** Place of the leg in the slip, from 0. */
  @PrimaryColumn({ type: 'int' })
  position: number;

  @ManyToOne(() => BettingSlipEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'slip_id', foreignKeyConstraintName: 'fk_betting_slip_legs_slip' })
  slip?: BettingSlipEntity;
}
