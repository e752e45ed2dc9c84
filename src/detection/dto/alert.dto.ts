import { ApiProperty } from '@nestjs/swagger';
import { ALERT_STATUSES } from '../alerts/alert-status';
import { SEVERITIES } from '../engine/rule-settings';
import { MonitorOkDto, MonitorPageDto } from '../../monitor-api/dto/monitor-envelope.dto';

const TIME = 'UTC, microseconds';

/** Why a rule fired: its code, the figures of the hit, and the same in words. */
export class AlertReasonDto {
  @ApiProperty({ description: 'The rule’s code', example: 'RAPID_DEPOSITS' })
  code: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The figures that triggered the rule, as it computed them; each rule has its own. Money is in minor ' +
      'units (`amount_cents`), with its `currency`.',
    example: {
      count: 5,
      total: 240000000,
      currency: 'XOF',
      span_minutes: 38,
      min_count: 5,
      window_minutes: 60,
    },
  })
  parameters: Record<string, unknown>;

  @ApiProperty({
    description: 'The figures in words, in the language of `Accept-Language`',
    example: '5 deposits totalling 2,400,000 XOF in 38 min; threshold 5 in 1 h',
  })
  text: string;
}

export class AlertRuleRefDto {
  @ApiProperty({ example: 'RAPID_DEPOSITS' })
  code: string;

  @ApiProperty({
    description: 'In the language of `Accept-Language`',
    example: 'Rapid succession of deposits',
  })
  title: string;

  @ApiProperty({
    description:
      'The version of your rule settings that raised the alert (GET /rules/{code}/versions)',
    example: 1,
  })
  version: number;
}

export class PlayerRefDto {
  @ApiProperty({
    description: 'Your player id (`player.id` of your events)',
    example: 'pl_12345abc',
  })
  external_id: string;
}

/** An alert as the queue shows it. */
export class AlertDto {
  @ApiProperty({ description: 'The alert’s uuid', example: '0d5f1c9e-8a51-4a4f-9b55-31c1c1e0f3a2' })
  id: string;

  @ApiProperty({ enum: ALERT_STATUSES, example: 'ACKNOWLEDGED' })
  status: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;

  @ApiProperty({ type: () => AlertRuleRefDto })
  rule: AlertRuleRefDto;

  @ApiProperty({ type: () => PlayerRefDto })
  player: PlayerRefDto;

  @ApiProperty({
    type: () => AlertReasonDto,
    description: 'The reason of the latest hit',
  })
  reason: AlertReasonDto;

  @ApiProperty({ type: String, nullable: true, example: 'aminata.diallo' })
  assignee: string | null;

  @ApiProperty({
    description: 'Hits joined to this alert (later hits within the rule’s `cooldown_hours`)',
    example: 1,
  })
  hit_count: number;

  @ApiProperty({
    description: `Event time of the first hit, ${TIME}`,
    example: '2026-02-03T14:32:45.000000Z',
  })
  first_hit_at: string;

  @ApiProperty({
    description: `Event time of the latest hit, ${TIME}`,
    example: '2026-02-03T14:32:45.000000Z',
  })
  last_hit_at: string;

  @ApiProperty({ description: TIME, example: '2026-02-03T14:32:46.184027Z' })
  created_at: string;

  @ApiProperty({ description: TIME, example: '2026-02-03T15:05:12.530911Z' })
  updated_at: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: `When it became RESOLVED or FALSE_POSITIVE, ${TIME}; null while OPEN or ACKNOWLEDGED`,
    example: null,
  })
  closed_at: string | null;
}

/** One event that hit the alert's rule. */
export class AlertEventDto {
  @ApiProperty({
    enum: ['monitor', 'aml'],
    description: '`monitor`: POST /api/v1/events; `aml`: the AML Betting Events API',
    example: 'monitor',
  })
  stream: string;

  @ApiProperty({
    description: 'The event’s `uuid` (monitor) or its `evt_...` id (aml)',
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  })
  event_id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Your own id of the event: the monitor event’s `event_id`, or the AML event’s slip’s `bet_slip_id` ' +
      '(null for an event no longer stored)',
    example: 'dep_20260203_0042',
  })
  operator_ref: string | null;

  @ApiProperty({ description: TIME, example: '2026-02-03T14:32:45.000000Z' })
  event_time: string;

  @ApiProperty({ enum: SEVERITIES, example: 'MEDIUM' })
  severity: string;

  @ApiProperty({ type: () => AlertReasonDto })
  reason: AlertReasonDto;

  @ApiProperty({
    description: `When the rule saw it, ${TIME}`,
    example: '2026-02-03T14:32:46.184027Z',
  })
  detected_at: string;
}

export class AlertEventsDto {
  @ApiProperty({ description: 'Events of the alert, all of them', example: 1 })
  total: number;

  @ApiProperty({
    type: () => [AlertEventDto],
    description: 'The latest 100 by event time, newest first',
  })
  items: AlertEventDto[];
}

export class AlertActorDto {
  @ApiProperty({
    enum: ['rule', 'key', 'user'],
    description: '`rule`: the rule that raised it; `key`: an API key (its id)',
    example: 'key',
  })
  kind: string;

  @ApiProperty({
    description: 'For a rule, `CODE@version`; for a key, its id',
    example: '3',
  })
  id: string;
}

/** One entry of an alert's audit trail. */
export class AlertHistoryEntryDto {
  @ApiProperty({ description: TIME, example: '2026-02-03T15:05:12.530911Z' })
  at: string;

  @ApiProperty({ type: () => AlertActorDto })
  actor: AlertActorDto;

  @ApiProperty({ enum: ['created', 'updated'], example: 'updated' })
  action: string;

  @ApiProperty({ type: String, nullable: true, enum: ALERT_STATUSES, example: 'OPEN' })
  from_status: string | null;

  @ApiProperty({ type: String, nullable: true, enum: ALERT_STATUSES, example: 'ACKNOWLEDGED' })
  to_status: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The assignee after this change',
    example: 'aminata.diallo',
  })
  assignee: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Checking with the PSP' })
  note: string | null;
}

/** An alert with its events and its history. */
export class AlertDetailDto extends AlertDto {
  @ApiProperty({ type: () => AlertEventsDto })
  events: AlertEventsDto;

  @ApiProperty({
    type: () => [AlertHistoryEntryDto],
    description: 'Creation, then every change, oldest first',
  })
  history: AlertHistoryEntryDto[];
}

export class AlertPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [AlertDto] })
  items: AlertDto[];
}

export class AlertListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => AlertPageDto })
  data: AlertPageDto;
}

export class AlertDetailResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => AlertDetailDto })
  data: AlertDetailDto;
}
