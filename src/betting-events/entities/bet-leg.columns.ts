import { Column } from 'typeorm';
import { nullableTimestampColumn } from '../../database/columns';

/**
 * The columns of one selection (seed 001, "Structure of bet_legs"), shared by the legs as sent
 * (`betting_event_legs`) and the slip's current legs (`betting_slip_legs`). The seed's `*_id`
 * fields are stored as `*_ref`: they are the operator's identifiers, not ours.
 */
export abstract class BetLegColumns {
  @Column({ type: 'varchar', length: 100 })
  legRef: string;

  @Column({ type: 'double' })
  odds: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sportRef: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  sportName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sportEventRef: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sportEventName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  tournamentRef: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  tournamentName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  marketRef: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  marketName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  selectionRef: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  selectionName: string | null;

  @Column(nullableTimestampColumn())
  eventStartTime: Date | null;

  @Column(nullableTimestampColumn())
  eventEndTime: Date | null;

  /** open, won, lost or void. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  legState: string | null;

  /** won, lost, void or push. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  result: string | null;

  /** In cents. */
  @Column({ type: 'bigint', nullable: true })
  amountWon: string | null;
}
