import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { RULE_MODES, SEVERITIES } from '../engine/rule-settings';
import { AlertReasonDto, PlayerRefDto } from './alert.dto';
import { MonitorOkDto, MonitorPageDto } from '../../monitor-api/dto/monitor-envelope.dto';

const TIME = 'UTC, microseconds';

/** A number, or a map (per currency for `money`, per key for `modes`). */
const NUMBER_OR_MAP = [
  { type: 'number' },
  { type: 'object', additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'string' }] } },
];

/** One parameter of a rule: its kind, effective value, default and bounds. */
export class RuleParameterDto {
  @ApiProperty({ enum: ['money', 'integer', 'number', 'modes'], example: 'integer' })
  kind: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'For an integer, a code that is the same in every language: `count`, `level`, `minutes`, `hours` or `days`. ' +
      'For `money` and `modes`, words in the request’s language (cents per currency; mode per key). Null for a number.',
    example: 'count',
  })
  unit: string | null;

  @ApiProperty({
    oneOf: NUMBER_OR_MAP,
    description:
      'Your effective value: a number, or a map of minor units per currency (`money`) or of modes per key (`modes`)',
    example: 4,
  })
  value: number | Record<string, number | string>;

  @ApiProperty({ oneOf: NUMBER_OR_MAP, description: 'The pack’s default', example: 5 })
  default: number | Record<string, number | string>;

  @ApiPropertyOptional({ description: 'Lowest value (integer and number only)', example: 2 })
  min?: number;

  @ApiPropertyOptional({ description: 'Highest value (integer and number only)', example: 100 })
  max?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'The keys of a `modes` parameter',
    example: ['ip', 'phone', 'session'],
  })
  keys?: string[];

  @ApiProperty({ example: 'Deposits within the window that make a hit, this one included' })
  description: string;
}

export class RuleDefaultsDto {
  @ApiProperty({ enum: RULE_MODES, example: 'on' })
  mode: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;
}

/** A rule of the pack with your effective settings. */
@ApiExtraModels(RuleParameterDto)
export class RuleDto {
  @ApiProperty({ example: 'RAPID_DEPOSITS' })
  code: string;

  @ApiProperty({
    description: 'In the language of `Accept-Language`',
    example: 'Rapid succession of deposits',
  })
  title: string;

  @ApiProperty({
    description: 'The regulatory situation the rule serves, in the language of Accept-Language',
    example:
      'Unusual frequency of deposits: Portaria SPA/MF 1.143/2024 (splitting of deposits); GIABA typologies (mobile-money layering)',
  })
  reference: string;

  @ApiProperty({
    enum: RULE_MODES,
    description: '`off`: not evaluated; `shadow`: hits recorded, no alert; `on`: alerts',
    example: 'shadow',
  })
  mode: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;

  @ApiProperty({ description: 'Your settings’ version; 1 is the pack’s defaults', example: 2 })
  version: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: `When this version was made, ${TIME}; null for version 1`,
    example: '2026-02-04T09:12:03.402118Z',
  })
  updated_at: string | null;

  @ApiProperty({ type: () => RuleDefaultsDto, description: 'The pack’s mode and severity' })
  defaults: RuleDefaultsDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(RuleParameterDto) },
    description: 'By name; every rule has `cooldown_hours`',
  })
  parameters: Record<string, RuleParameterDto>;
}

export class RuleHitsDayDto {
  @ApiProperty({ description: 'Processing day, UTC', example: '2026-02-04' })
  day: string;

  @ApiProperty({ description: 'Hits that raised or joined alerts', example: 1 })
  on: number;

  @ApiProperty({ description: 'Hits recorded in shadow mode', example: 2 })
  shadow: number;
}

/** A hit recorded in shadow mode: what the rule would have alerted on. */
export class ShadowHitDto {
  @ApiProperty({ type: () => PlayerRefDto })
  player: PlayerRefDto;

  @ApiProperty({ enum: ['monitor', 'aml'], example: 'monitor' })
  stream: string;

  @ApiProperty({
    description: 'The event’s `uuid` (monitor) or its `evt_...` id (aml)',
    example: '3f2b8c1d-5e6a-4b7c-8d9e-0f1a2b3c4d5e',
  })
  event_id: string;

  @ApiProperty({ description: TIME, example: '2026-02-05T07:41:09.000000Z' })
  event_time: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;

  @ApiProperty({ example: 2 })
  rule_version: number;

  @ApiProperty({ type: () => AlertReasonDto })
  reason: AlertReasonDto;

  @ApiProperty({ description: TIME, example: '2026-02-05T07:41:10.022716Z' })
  detected_at: string;
}

/** A rule with what it found lately. */
export class RuleDetailDto extends RuleDto {
  @ApiProperty({
    type: () => [RuleHitsDayDto],
    description: 'The last 30 days with hits, newest first',
  })
  hits_by_day: RuleHitsDayDto[];

  @ApiProperty({ type: () => [ShadowHitDto], description: 'The latest 20, newest first' })
  shadow_hits: ShadowHitDto[];
}

export class RuleAuthorDto {
  @ApiProperty({ enum: ['key', 'user'], example: 'key' })
  kind: string;

  @ApiProperty({ description: 'The API key’s id', example: '3' })
  id: string;
}

/** One version of a rule's settings. */
export class RuleVersionDto {
  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ enum: RULE_MODES, example: 'shadow' })
  mode: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Only the parameters you changed (a money or modes map: only the keys changed)',
    example: { count: 4 },
  })
  parameters: Record<string, unknown>;

  @ApiProperty({
    type: () => RuleAuthorDto,
    nullable: true,
    description: 'null for version 1, the pack’s defaults',
  })
  author: RuleAuthorDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: `${TIME}; null for version 1`,
    example: '2026-02-04T09:12:03.402118Z',
  })
  created_at: string | null;
}

export class RulePageDto extends MonitorPageDto {
  @ApiProperty({
    type: () => [RuleDto],
    description: 'Every rule of the pack, in the order they run',
  })
  items: RuleDto[];
}

export class RuleVersionPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [RuleVersionDto], description: 'Newest first' })
  items: RuleVersionDto[];
}

export class RuleListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => RulePageDto })
  data: RulePageDto;
}

export class RuleResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => RuleDto })
  data: RuleDto;
}

export class RuleDetailResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => RuleDetailDto })
  data: RuleDetailDto;
}

export class RuleVersionListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => RuleVersionPageDto })
  data: RuleVersionPageDto;
}
