import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SEVERITIES } from '../engine/rule-settings';
import { AlertDto } from './alert.dto';
import { MonitorOkDto, MonitorPageDto } from '../../monitor-api/dto/monitor-envelope.dto';

const TIME = 'UTC, microseconds';
const LEVELS = ['LOW', 'MEDIUM', 'HIGH'];

export class PlayerProfileDto {
  @ApiProperty({ type: String, nullable: true, example: '+221771234567' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'SEN' })
  country: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1 })
  kyc_level: number | null;

  @ApiProperty({
    description: `Event time of the player’s first event, ${TIME}`,
    example: '2026-01-12T18:03:27.000000Z',
  })
  first_seen_at: string;

  @ApiProperty({
    description: `Event time of the latest event, ${TIME}`,
    example: '2026-02-04T18:10:00.000000Z',
  })
  last_seen_at: string;

  @ApiProperty({ example: 42 })
  events_count: number;
}

/** A count and its sum in minor units. */
export class MoneyCounterDto {
  @ApiProperty({ example: 5 })
  count: number;

  @ApiProperty({ description: 'Minor units (`amount_cents`)', example: 240000000 })
  amount: number;
}

/** A player's money in one currency over one window. */
export class WindowTotalsDto {
  @ApiProperty({ example: 'XOF' })
  currency: string;

  @ApiProperty({ type: () => MoneyCounterDto })
  deposits: MoneyCounterDto;

  @ApiProperty({ type: () => MoneyCounterDto })
  withdrawals: MoneyCounterDto;

  @ApiProperty({ type: () => MoneyCounterDto })
  stakes: MoneyCounterDto;

  @ApiProperty({ type: () => MoneyCounterDto })
  wins: MoneyCounterDto;
}

/** Per currency (one entry each, none without events), by event time to the hour. */
export class PlayerCountersDto {
  @ApiProperty({ type: () => [WindowTotalsDto], description: 'The last 24 hours' })
  '24h': WindowTotalsDto[];

  @ApiProperty({ type: () => [WindowTotalsDto], description: 'The last 7 days' })
  '7d': WindowTotalsDto[];

  @ApiProperty({ type: () => [WindowTotalsDto], description: 'The last 30 days' })
  '30d': WindowTotalsDto[];
}

export class SharedIdentifierDto {
  @ApiProperty({ enum: ['ip', 'phone', 'session'], example: 'phone' })
  kind: string;

  @ApiProperty({ example: '+221771234567' })
  value: string;
}

/** Another player who used one of this player's identifiers (allowlisted ones left out). */
export class LinkedPlayerDto {
  @ApiProperty({ example: 'pl_98765xyz' })
  external_id: string;

  @ApiProperty({ type: () => [SharedIdentifierDto] })
  shared: SharedIdentifierDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: `When that player last used a shared identifier, ${TIME}`,
    example: '2026-02-04T21:47:31.000000Z',
  })
  last_seen_at: string | null;
}

/** One factor of a risk score; which fields it has depends on `factor`. */
export class RiskFactorDto {
  @ApiProperty({
    enum: ['alert', 'linked_players', 'low_kyc_withdrawals'],
    description:
      '`alert`: an alert’s severity points, halving every 30 days after its last hit (half for RESOLVED); ' +
      '`linked_players`: 5 points per linked player, at most 15; `low_kyc_withdrawals`: 10 points',
    example: 'alert',
  })
  factor: string;

  @ApiProperty({ description: 'Points this factor adds, one decimal', example: 11.5 })
  points: number;

  @ApiPropertyOptional({
    description: '`alert`: the alert’s uuid',
    example: '0d5f1c9e-8a51-4a4f-9b55-31c1c1e0f3a2',
  })
  alert_id?: string;

  @ApiPropertyOptional({ description: '`alert`: its rule', example: 'RAPID_DEPOSITS' })
  rule?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: '`alert`', example: 'MEDIUM' })
  severity?: string;

  @ApiPropertyOptional({ description: '`alert`: its status', example: 'ACKNOWLEDGED' })
  status?: string;

  @ApiPropertyOptional({
    description: '`alert`: the severity’s points (LOW 5, MEDIUM 12, HIGH 25, CRITICAL 40)',
    example: 12,
  })
  base_points?: number;

  @ApiPropertyOptional({
    description: '`alert`: the share of the points left (age, RESOLVED)',
    example: 0.96,
  })
  decay?: number;

  @ApiPropertyOptional({ description: '`alert`: whole days since its last hit', example: 1 })
  age_days?: number;

  @ApiPropertyOptional({ description: '`linked_players`: how many', example: 2 })
  players?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '`low_kyc_withdrawals`: the player’s KYC level (null when unknown)',
    example: 1,
  })
  kyc_level?: number | null;

  @ApiPropertyOptional({
    description: '`low_kyc_withdrawals`: withdrawals within 30 days',
    example: 1,
  })
  withdrawals?: number;

  @ApiProperty({
    description: 'The factor in words, in the language of `Accept-Language`',
    example:
      'Alert "Rapid succession of deposits" (medium severity, acknowledged), last hit 1 day ago: 12 points × 0.96 = 11.5',
  })
  description: string;
}

export class RiskDto {
  @ApiProperty({ description: '0 to 100: the factors’ points, rounded, at most 100', example: 32 })
  score: number;

  @ApiProperty({
    enum: LEVELS,
    description: 'LOW below 30, MEDIUM below 60, HIGH from 60',
    example: 'MEDIUM',
  })
  level: string;

  @ApiProperty({ type: () => [RiskFactorDto], description: 'Highest points first' })
  factors: RiskFactorDto[];
}

/** A player as compliance reads it: profile, counters, open alerts, links and explained risk. */
export class PlayerRiskViewDto {
  @ApiProperty({
    description: 'Your player id (for an AML bettor, its CPF)',
    example: 'pl_12345abc',
  })
  external_id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '11 digits, for a bettor of the AML Betting Events API',
    example: null,
  })
  cpf: string | null;

  @ApiProperty({ type: () => PlayerProfileDto })
  profile: PlayerProfileDto;

  @ApiProperty({ type: () => PlayerCountersDto })
  counters: PlayerCountersDto;

  @ApiProperty({
    type: () => [AlertDto],
    description: 'OPEN and ACKNOWLEDGED alerts, newest first',
  })
  open_alerts: AlertDto[];

  @ApiProperty({
    type: () => [LinkedPlayerDto],
    description: 'At most 50, the most recently seen first',
  })
  linked_players: LinkedPlayerDto[];

  @ApiProperty({ type: () => RiskDto, description: 'Computed now' })
  risk: RiskDto;
}

export class PlayerRiskLevelDto {
  @ApiProperty({ example: 32 })
  score: number;

  @ApiProperty({ enum: LEVELS, example: 'MEDIUM' })
  level: string;
}

/** A player in the list by risk: the stored score. */
export class PlayerRiskSummaryDto {
  @ApiProperty({ example: 'pl_12345abc' })
  external_id: string;

  @ApiProperty({ type: () => PlayerRiskLevelDto })
  risk: PlayerRiskLevelDto;

  @ApiProperty({
    description: `When the stored score was computed, ${TIME}`,
    example: '2026-02-05T08:50:00.318204Z',
  })
  computed_at: string;
}

export class PlayerRiskPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [PlayerRiskSummaryDto], description: 'Highest score first' })
  items: PlayerRiskSummaryDto[];
}

export class PlayerRiskListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => PlayerRiskPageDto })
  data: PlayerRiskPageDto;
}

export class PlayerRiskViewResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => PlayerRiskViewDto })
  data: PlayerRiskViewDto;
}
