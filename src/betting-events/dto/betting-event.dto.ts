import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { MAX_AMOUNT_CENTS, MAX_ODDS } from '../../common/money/limits';
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  IsCents,
  IsCpf,
  IsOneOf,
  IsIsoDateTime,
  IsPositiveOdds,
  IsSmallJsonObject,
  IsText,
  SEED_MESSAGES,
} from '../betting-event.rules';

export const BETTING_EVENT_TYPES = ['new_bet', 'result', 'cancellation'] as const;
export const BET_SLIP_STATES = ['open', 'settled', 'cancelled'] as const;
export const LEG_STATES = ['open', 'won', 'lost', 'void'] as const;
export const LEG_RESULTS = ['won', 'lost', 'void', 'push'] as const;

/** An optional free text of at most `max` characters. */
const OptionalText = (label: string, max: number) =>
  applyDecorators(IsOptional(), IsText(label, max));

/** Most selections a slip may hold (the seed is silent; books cap accumulators well below). */
export const MAX_LEGS = 100;
/** Largest `meta`, as JSON text: it is stored whole with each event. */
export const MAX_META_BYTES = 16_384;

/** One selection of a bet slip (seed 001, "Structure of bet_legs"). */
export class BetLegDto {
  @ApiProperty({
    description: 'Unique selection identifier',
    example: 'leg_xyz789',
    maxLength: 100,
  })
  @IsText('leg_id', 100, { required: true, identifier: true })
  leg_id: string;

  @ApiProperty({ description: 'Odds of this selection, > 0', example: 1.85, maximum: MAX_ODDS })
  @IsDefined({ message: SEED_MESSAGES.odds })
  @IsPositiveOdds()
  odds: number;

  @ApiPropertyOptional({ example: '66' }) @OptionalText('sport_id', 100) sport_id?: string;
  @ApiPropertyOptional({ example: 'Football' })
  @OptionalText('sport_name', 200)
  sport_name?: string;
  @ApiPropertyOptional({ example: 'evt_abc123' }) @OptionalText('event_id', 100) event_id?: string;
  @ApiPropertyOptional({ example: 'Inter Milan vs. Fluminense' })
  @OptionalText('event_name', 300)
  event_name?: string;
  @ApiPropertyOptional({ example: 'tourn_copa_libertadores' })
  @OptionalText('tournament_id', 100)
  tournament_id?: string;
  @ApiPropertyOptional({ example: 'Copa Libertadores 2024' })
  @OptionalText('tournament_name', 300)
  tournament_name?: string;
  @ApiPropertyOptional({ example: 'mkt_winner' })
  @OptionalText('market_id', 100)
  market_id?: string;
  @ApiPropertyOptional({ example: 'Match Winner' })
  @OptionalText('market_name', 300)
  market_name?: string;
  @ApiPropertyOptional({ example: 'sel_inter_milan' })
  @OptionalText('selection_id', 100)
  selection_id?: string;
  @ApiPropertyOptional({ example: 'Inter Milan' })
  @OptionalText('selection_name', 300)
  selection_name?: string;

  @ApiPropertyOptional({
    description: 'Real event start time, ISO 8601',
    example: '2024-01-15T20:00:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_start_time', 'year 2100')
  event_start_time?: string;

  @ApiPropertyOptional({
    description: 'Real event end time, ISO 8601',
    example: '2024-01-15T22:00:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_end_time', 'year 2100')
  event_end_time?: string;

  @ApiPropertyOptional({ enum: LEG_STATES, example: 'open' })
  @IsOptional()
  @IsOneOf('leg_state', LEG_STATES)
  leg_state?: (typeof LEG_STATES)[number];

  @ApiPropertyOptional({ enum: LEG_RESULTS, example: 'won' })
  @IsOptional()
  @IsOneOf('result', LEG_RESULTS)
  result?: (typeof LEG_RESULTS)[number];

  @ApiPropertyOptional({
    description: 'Won on this selection, in cents',
    maximum: MAX_AMOUNT_CENTS,
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
        return (
          typeof value !== 'number' ||
          !Array.isArray(legs) ||
          legs.length === 0 ||
          value === legs.length
        );
      },
      defaultMessage: () => 'leg_count must equal the number of bet_legs',
    },
  });

/** At most `max` legs (a value that is no array is the other rules' to refuse). */
const HoldsAtMost = (max: number) =>
  ValidateBy({
    name: 'holdsAtMost',
    validator: {
      validate: (legs) => !Array.isArray(legs) || legs.length <= max,
      defaultMessage: () => `bet_legs must hold at most ${max} selections`,
    },
  });

/** No two legs of one event share a `leg_id`: legs are merged by it. */
const HasDistinctLegIds = () =>
  ValidateBy({
    name: 'hasDistinctLegIds',
    validator: {
      validate: (legs) => {
        if (!Array.isArray(legs)) return true;
        const ids = legs.map((leg) => (leg as { leg_id?: unknown } | null)?.leg_id);
        return new Set(ids).size === ids.length;
      },
      defaultMessage: () => 'Each selection must have its own leg_id',
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
  @IsOneOf('event', BETTING_EVENT_TYPES)
  event: (typeof BETTING_EVENT_TYPES)[number];

  @ApiProperty({
    description: 'Balance before the event, in cents',
    example: 20000,
    minimum: 0,
    maximum: MAX_AMOUNT_CENTS,
  })
  @IsDefined({ message: 'last_player_balance is required' })
  @IsCents('last_player_balance must be an integer number of cents, 0 or more')
  last_player_balance: number;

  @ApiProperty({
    description: 'Balance after the event, in cents',
    example: 25000,
    minimum: 0,
    maximum: MAX_AMOUNT_CENTS,
  })
  @IsDefined({ message: 'current_player_balance is required' })
  @IsCents('current_player_balance must be an integer number of cents, 0 or more')
  current_player_balance: number;

  @ApiPropertyOptional({
    description: 'ISO 8601; now when absent',
    example: '2024-01-15T15:30:00Z',
  })
  @IsOptional()
  @IsIsoDateTime('event_date', 'a day ahead')
  event_date?: string;

  @ApiProperty({
    description: 'Unique bet slip identifier',
    example: 'slip_abc123def456',
    maxLength: 100,
  })
  @IsText('bet_slip_id', 100, { required: true, identifier: true })
  bet_slip_id: string;

  @ApiPropertyOptional({ enum: BET_SLIP_STATES, example: 'open' })
  @IsOptional()
  @IsOneOf('bet_slip_state', BET_SLIP_STATES)
  bet_slip_state?: (typeof BET_SLIP_STATES)[number];

  @ApiProperty({
    description: 'Total staked, in cents, > 0',
    example: 5000,
    minimum: 1,
    maximum: MAX_AMOUNT_CENTS,
  })
  @IsDefined({ message: SEED_MESSAGES.stake })
  @IsCents(SEED_MESSAGES.stake, 1)
  total_stake: number;

  @ApiProperty({
    description: 'Combined odds of the slip, > 0',
    example: 2.5,
    maximum: MAX_ODDS,
  })
  @IsDefined({ message: SEED_MESSAGES.odds })
  @IsPositiveOdds()
  total_odds: number;

  @ApiProperty({
    description: 'Number of selections: equals the length of bet_legs',
    example: 1,
    minimum: 1,
    maximum: MAX_LEGS,
  })
  @IsDefined({ message: 'leg_count is required' })
  @IsCents(`leg_count must be an integer from 1 to ${MAX_LEGS}`, 1, MAX_LEGS)
  @MatchesLegCount()
  leg_count: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_live?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_free_bet?: boolean;

  @ApiPropertyOptional({
    description: 'Bonus used, in cents',
    example: 1000,
    minimum: 0,
    maximum: MAX_AMOUNT_CENTS,
  })
  @IsOptional()
  @IsCents('bonus_amount must be an integer number of cents, 0 or more')
  bonus_amount?: number;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() is_each_way?: boolean;

  @ApiProperty({
    type: [BetLegDto],
    description: `Each selection of the slip: at least one, at most ${MAX_LEGS}, each with its own leg_id`,
    minItems: 1,
    maxItems: MAX_LEGS,
  })
  @IsDefined({ message: SEED_MESSAGES.legs })
  @IsArray({ message: SEED_MESSAGES.legs })
  @ArrayNotEmpty({ message: SEED_MESSAGES.legs })
  @HoldsAtMost(MAX_LEGS)
  @HasDistinctLegIds()
  @ValidateNested({ each: true, message: 'each of bet_legs must be an object' })
  @Type(() => BetLegDto)
  // Anything but an array is refused as "no selection", once (not also as nested objects). A leg
  // that is itself an array would pass as a list of legs (an empty one as none): it is made null,
  // which the nested validation refuses at the leg's own path (`bet_legs[1]`).
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((leg) => (Array.isArray(leg) ? null : leg)) : undefined,
  )
  bet_legs: BetLegDto[];

  @ApiPropertyOptional({
    description: `Any JSON object, up to ${MAX_META_BYTES} bytes as JSON; stored as sent`,
    example: { channel: 'web' },
  })
  @IsOptional()
  @IsSmallJsonObject('meta', MAX_META_BYTES)
  meta?: Record<string, unknown>;
}
