import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_CODES } from '../consistency-checks';
import { BET_SLIP_STATES, BETTING_EVENT_TYPES, LEG_RESULTS, LEG_STATES } from './betting-event.dto';

const text = (example: string) => ({ type: String, nullable: true, example });
const time = (description: string) => ({
  type: String,
  format: 'date-time',
  nullable: true,
  description: `${description}, ISO 8601 in UTC with microseconds`,
  example: '2024-01-15T21:00:00.000000Z',
});

/** A selection: the seed's leg fields, null where nothing said. */
export class BetLegViewDto {
  @ApiProperty({ example: 'leg_001' }) leg_id: string;
  @ApiProperty({ example: 1.8 }) odds: number;
  @ApiProperty(text('66')) sport_id: string | null;
  @ApiProperty(text('Football')) sport_name: string | null;
  @ApiProperty(text('evt_fla_palm_001')) event_id: string | null;
  @ApiProperty(text('Flamengo vs. Palmeiras')) event_name: string | null;
  @ApiProperty(text('tourn_brasileirao_2024')) tournament_id: string | null;
  @ApiProperty(text('Brazilian Championship 2024')) tournament_name: string | null;
  @ApiProperty(text('mkt_winner')) market_id: string | null;
  @ApiProperty(text('Match Winner')) market_name: string | null;
  @ApiProperty(text('sel_flamengo')) selection_id: string | null;
  @ApiProperty(text('Flamengo')) selection_name: string | null;
  @ApiProperty(time('Real event start time')) event_start_time: string | null;
  @ApiProperty(time('Real event end time')) event_end_time: string | null;
  @ApiProperty({ enum: LEG_STATES, nullable: true, example: 'won' }) leg_state: string | null;
  @ApiProperty({ enum: LEG_RESULTS, nullable: true, example: 'won' }) result: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In cents', example: 18000 })
  amount_won: number | null;
}

/** A consistency check the event failed: recorded for the AML rules, never a rejection. */
export class ConsistencyCheckDto {
  @ApiProperty({ enum: CHECK_CODES, example: 'total_odds_mismatch' }) code: string;
  @ApiProperty({
    example: 'total_odds 7 is more than 1 % away from the product of the leg odds (6.237)',
  })
  message: string;
  @ApiPropertyOptional({ description: 'The leg concerned (amount_won_mismatch)' })
  leg_id?: string;
}

/** One event of a slip's log, as it was sent (optional fields it left out are null). */
export class BettingEventViewDto {
  @ApiProperty({ example: 'evt_ab3k7q2mz5xw4c6n8p9r2t4v' }) id: string;
  @ApiProperty({ enum: BETTING_EVENT_TYPES }) event: string;
  @ApiProperty({ description: 'CPF, 11 digits', example: '01234567890' }) tax_id: string;
  @ApiProperty({ description: '`event_date` as sent, or the time of arrival when absent' })
  event_date: string;
  @ApiProperty({ description: 'When the event arrived' }) received_at: string;
  @ApiProperty({ example: 40000 }) last_player_balance: number;
  @ApiProperty({ example: 102500 }) current_player_balance: number;
  @ApiProperty({ enum: BET_SLIP_STATES, nullable: true }) bet_slip_state: string | null;
  @ApiProperty({ example: 10000 }) total_stake: number;
  @ApiProperty({ example: 6.25 }) total_odds: number;
  @ApiProperty({ example: 3 }) leg_count: number;
  @ApiProperty({ type: Boolean, nullable: true }) is_live: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) is_free_bet: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) bonus_amount: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) is_each_way: boolean | null;
  @ApiProperty({ type: Object, nullable: true }) meta: Record<string, unknown> | null;
  @ApiProperty({ type: [ConsistencyCheckDto] }) checks: ConsistencyCheckDto[];
  @ApiProperty({ type: [BetLegViewDto] }) bet_legs: BetLegViewDto[];
}

/** A bet slip as it stands, derived from its events. */
export class SlipSummaryDto {
  @ApiProperty({ example: 'slip_multiple_456' }) bet_slip_id: string;
  @ApiProperty({ description: "CPF of the slip's first event, 11 digits" }) tax_id: string;
  @ApiProperty({ enum: BET_SLIP_STATES }) state: string;
  @ApiProperty({ description: 'In cents' }) total_stake: number;
  @ApiProperty() total_odds: number;
  @ApiProperty() leg_count: number;
  @ApiProperty() is_live: boolean;
  @ApiProperty() is_free_bet: boolean;
  @ApiProperty() is_each_way: boolean;
  @ApiProperty({ description: 'In cents' }) bonus_amount: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'What the settled slip paid, in cents: 0 if a leg was lost, else the largest leg `amount_won` (for a ' +
      "multiple, the accumulator's running value), else the balance credit of the settling result. Null while " +
      'open or when cancelled.',
  })
  payout: number | null;
  @ApiProperty({
    description:
      'Some event came out of order: a result or cancellation before any bet, or a bet dated after the slip was closed',
  })
  out_of_order: boolean;
  @ApiProperty() events_count: number;
  @ApiProperty({ description: '`event_date` of the earliest event' }) first_event_at: string;
  @ApiProperty({ description: '`event_date` of the latest event' }) last_event_at: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When the slip was settled or cancelled',
  })
  closed_at: string | null;
  @ApiProperty({
    type: [BetLegViewDto],
    description: "Each selection, every event's view of it merged",
  })
  bet_legs: BetLegViewDto[];
}

/** A slip with its event log. */
export class SlipDetailDto extends SlipSummaryDto {
  @ApiProperty({ type: [BettingEventViewDto], description: 'Every event, in arrival order' })
  events: BettingEventViewDto[];
}

export class PlayerSlipsPageDto {
  @ApiProperty({ example: '01234567890' }) tax_id: string;
  @ApiProperty({ example: 2 }) total: number;
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) page_size: number;
  @ApiProperty({ type: [SlipSummaryDto], description: 'Newest first' }) items: SlipSummaryDto[];
}

export class BettingEventCreatedDto {
  @ApiProperty({ example: 'evt_xyz789abc123' }) id: string;
}

export class BettingEventStatusDto {
  @ApiProperty({ example: 'evt_xyz789abc123' }) id: string;
  @ApiProperty({
    enum: ['RECEIVED', 'PROCESSED', 'FAILED'],
    description:
      'RECEIVED: stored, waiting for processing (player activity, detection); PROCESSED: done; ' +
      'FAILED: processing gave up after 3 attempts (support requeues it once the cause is fixed)',
  })
  status: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-02-07T06:19:00.681884Z',
    description: 'When processing ended (PROCESSED or FAILED); null while RECEIVED',
  })
  processed_at: string | null;
}
