import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  IsCents,
  IsCpf,
  IsIsoDateTime,
  IsJsonObject,
  IsPositiveOdds,
  IsRequiredText,
  SEED_MESSAGES,
} from '../betting-event.rules';

export const BETTING_EVENT_TYPES = ['new_bet', 'result', 'cancellation'] as const;
export const BET_SLIP_STATES = ['open', 'settled', 'cancelled'] as const;
export const LEG_STATES = ['open', 'won', 'lost', 'void'] as const;
export const LEG_RESULTS = ['won', 'lost', 'void', 'push'] as const;

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;
/** An optional free text of at most `max` characters. */
const OptionalText = (max: number) => applyDecorators(IsOptional(), IsString(), MaxLength(max));

/** One selection of a bet slip (seed 001, "Structure of bet_legs"). */
export class BetLegDto {
  @ApiProperty({
    description: 'Unique selection identifier',
    example: 'leg_xyz789',
    maxLength: 100,
  })
  @IsRequiredText('leg_id', 100)
  leg_id: string;

  @ApiProperty({ description: 'Odds of this selection, > 0', example: 1.85 })
  @IsDefined({ message: SEED_MESSAGES.odds })
  @IsPositiveOdds()
  odds: number;

  @ApiPropertyOptional({ example: '66' }) @OptionalText(100) sport_id?: string;
  @ApiPropertyOptional({ example: 'Football' }) @OptionalText(200) sport_name?: string;
  @ApiPropertyOptional({ example: 'evt_abc123' }) @OptionalText(100) event_id?: string;
  @ApiPropertyOptional({ example: 'Inter Milan vs. Fluminense' })
  @OptionalText(300)
  event_name?: string;
  @ApiPropertyOptional({ example: 'tourn_copa_libertadores' })
  @OptionalText(100)
  tournament_id?: string;
  @ApiPropertyOptional({ example: 'Copa Libertadores 2024' })
  @OptionalText(300)
  tournament_name?: string;
  @ApiPropertyOptional({ example: 'mkt_winner' }) @OptionalText(100) market_id?: string;
  @ApiPropertyOptional({ example: 'Match Winner' }) @OptionalText(300) market_name?: string;
  @ApiPropertyOptional({ example: 'sel_inter_milan' }) @OptionalText(100) selection_id?: string;
  @ApiPropertyOptional({ example: 'Inter Milan' }) @OptionalText(300) selection_name?: string;

  @ApiPropertyOptional({
    description: 'Real event start time, ISO 8601',
    example: '2024-01-15T20:00:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_start_time')
  event_start_time?: string;

  @ApiPropertyOptional({
    description: 'Real event end time, ISO 8601',
    example: '2024-01-15T22:00:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_end_time')
  event_end_time?: string;

  @ApiPropertyOptional({ enum: LEG_STATES, example: 'open' })
  @IsOptional()
  @IsIn(LEG_STATES, { message: `leg_state ${oneOf(LEG_STATES)}` })
  leg_state?: (typeof LEG_STATES)[number];

  @ApiPropertyOptional({ enum: LEG_RESULTS, example: 'won' })
  @IsOptional()
  @IsIn(LEG_RESULTS, { message: `result ${oneOf(LEG_RESULTS)}` })
  result?: (typeof LEG_RESULTS)[number];

  @ApiPropertyOptional({
    description: 'Won on this selection, in cents',
    example: 18000,
    minimum: 0,
  })
  @IsOptional()
  @IsCents('amount_won must be an integer number of cents, 0 or more')
  amount_won?: number;
}

/** `leg_count` equals the number of `bet_legs` sent (when there are legs: none is its own error). */
const MatchesLegCount = () =>
  ValidateBy({
    name: 'matchesLegCount',
    validator: {
      validate: (value, args) => {
        const legs = (args?.object as { bet_legs?: unknown }).bet_legs;
        return !Array.isArray(legs) || legs.length === 0 || value === legs.length;
      },
      defaultMessage: () => 'leg_count must equal the number of bet_legs',
    },
  });

/** `POST /betting-events` (seed 001, "Body Parameters"). */
export class BettingEventDto {
  @ApiProperty({
    description: "Player's CPF, bare or formatted, with valid check digits",
    example: '012.345.678-90',
  })
  @IsDefined({ message: SEED_MESSAGES.taxId })
  @IsCpf()
  tax_id: string;

  @ApiProperty({ enum: BETTING_EVENT_TYPES, example: 'new_bet' })
  @IsDefined({ message: 'event is required' })
  @IsIn(BETTING_EVENT_TYPES, { message: `event ${oneOf(BETTING_EVENT_TYPES)}` })
  event: (typeof BETTING_EVENT_TYPES)[number];

  @ApiProperty({ description: 'Balance before the event, in cents', example: 20000, minimum: 0 })
  @IsDefined({ message: 'last_player_balance is required' })
  @IsCents('last_player_balance must be an integer number of cents, 0 or more')
  last_player_balance: number;

  @ApiProperty({ description: 'Balance after the event, in cents', example: 25000, minimum: 0 })
  @IsDefined({ message: 'current_player_balance is required' })
  @IsCents('current_player_balance must be an integer number of cents, 0 or more')
  current_player_balance: number;

  @ApiPropertyOptional({
    description: 'ISO 8601; now when absent',
    example: '2024-01-15T15:30:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_date')
  event_date?: string;

  @ApiProperty({
    description: 'Unique bet slip identifier',
    example: 'slip_abc123def456',
    maxLength: 100,
  })
  @IsRequiredText('bet_slip_id', 100)
  bet_slip_id: string;

  @ApiPropertyOptional({ enum: BET_SLIP_STATES, example: 'open' })
  @IsOptional()
  @IsIn(BET_SLIP_STATES, { message: `bet_slip_state ${oneOf(BET_SLIP_STATES)}` })
  bet_slip_state?: (typeof BET_SLIP_STATES)[number];

  @ApiProperty({ description: 'Total staked, in cents, > 0', example: 5000, minimum: 1 })
  @IsDefined({ message: SEED_MESSAGES.stake })
  @IsCents(SEED_MESSAGES.stake, 1)
  total_stake: number;

  @ApiProperty({ description: 'Combined odds of the slip, > 0', example: 2.5 })
  @IsDefined({ message: SEED_MESSAGES.odds })
  @IsPositiveOdds()
  total_odds: number;

  @ApiProperty({
    description: 'Number of selections: equals the length of bet_legs',
    example: 1,
    minimum: 1,
  })
  @IsDefined({ message: 'leg_count is required' })
  @IsCents('leg_count must be an integer, 1 or more', 1)
  @MatchesLegCount()
  leg_count: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_live?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_free_bet?: boolean;

  @ApiPropertyOptional({ description: 'Bonus used, in cents', example: 1000, minimum: 0 })
  @IsOptional()
  @IsCents('bonus_amount must be an integer number of cents, 0 or more')
  bonus_amount?: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_each_way?: boolean;

  @ApiProperty({ type: [BetLegDto], description: 'Each selection of the slip, at least one' })
  @IsDefined({ message: SEED_MESSAGES.legs })
  @IsArray({ message: SEED_MESSAGES.legs })
  @ArrayNotEmpty({ message: SEED_MESSAGES.legs })
  @ValidateNested({ each: true, message: 'each of bet_legs must be an object' })
  @Type(() => BetLegDto)
  bet_legs: BetLegDto[];

  @ApiPropertyOptional({ description: 'Any JSON object', example: { channel: 'web' } })
  @IsOptional()
  @IsJsonObject('meta must be a JSON object')
  meta?: Record<string, unknown>;
}
