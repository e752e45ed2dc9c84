import { ApiProperty } from '@nestjs/swagger';
import { MonitorOkDto, MonitorPageDto } from '../../monitor-api/dto/monitor-envelope.dto';
import { WEBHOOK_EVENT_TYPES } from '../endpoints/webhook-endpoints.service';

const TIME = 'UTC, microseconds';

/** A webhook endpoint as every route shows it (its secret only where it is made). */
export class WebhookDto {
  @ApiProperty({ example: '0b7f7f0e-5c0a-4f5e-9a53-3f1f0d3c2a11' })
  id: string;

  @ApiProperty({ example: 'https://compliance.example.sn/hooks/betting-monitor' })
  url: string;

  @ApiProperty({ type: String, nullable: true, example: 'AML desk, Dakar' })
  description: string | null;

  @ApiProperty({
    enum: ['*', ...WEBHOOK_EVENT_TYPES],
    isArray: true,
    example: ['alert.created', 'alert.updated'],
    description: '`["*"]`: every type, those added later included',
  })
  events: string[];

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 10,
    description: 'Deliveries a second at most; null: no limit of its own',
  })
  rate_limit: number | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['gone', 'failing'],
    example: null,
    description:
      'Why the service turned it off: `gone` (it answered 410), `failing` (every attempt failed for days). Null when on, or turned off by you',
  })
  disabled_reason: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: `Until when the secret before the last rotation still signs beside the new one (${TIME})`,
  })
  previous_secret_expires_at: string | null;

  @ApiProperty({ description: TIME, example: '2026-02-02T10:15:42.906113Z' })
  created_at: string;

  @ApiProperty({ description: TIME, example: '2026-02-02T10:15:42.906113Z' })
  updated_at: string;
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=',
    description: 'The signing secret: shown here only, keep it',
  })
  secret: string;
}

export class WebhookPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [WebhookDto] })
  items: WebhookDto[];
}

export class WebhookListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookPageDto })
  data: WebhookPageDto;
}

export class WebhookResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookDto })
  data: WebhookDto;
}

export class WebhookWithSecretResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookWithSecretDto })
  data: WebhookWithSecretDto;
}

class WebhookAttemptDto {
  @ApiProperty({ description: TIME, example: '2026-02-02T10:15:42.951020Z' })
  at: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 503,
    description: 'Null when no answer came',
  })
  status_code: number | null;

  @ApiProperty({ example: 41 })
  latency_ms: number;

  @ApiProperty({ type: String, nullable: true, example: 'answered 503' })
  error: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Service Unavailable',
    description: 'The first 1,000 bytes of the answer',
  })
  response_head: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({
    description: 'Its `webhook-id` header',
    example: '5f0c3a52-1a8e-4c55-9d4c-6f1b8f4a7e21',
  })
  id: string;

  @ApiProperty({ example: 'alert.created' })
  event_type: string;

  @ApiProperty({ enum: ['pending', 'paused', 'succeeded', 'failed'], example: 'pending' })
  status: string;

  @ApiProperty({ example: 1 })
  attempt_count: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: `When pending: its next attempt (${TIME})`,
  })
  next_attempt_at: string | null;

  @ApiProperty({ description: TIME })
  created_at: string;

  @ApiProperty({ type: String, nullable: true, description: TIME })
  last_attempt_at: string | null;

  @ApiProperty({ type: () => [WebhookAttemptDto] })
  attempts: WebhookAttemptDto[];
}

export class WebhookDeliveryPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [WebhookDeliveryDto] })
  items: WebhookDeliveryDto[];
}

export class WebhookDeliveryListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookDeliveryPageDto })
  data: WebhookDeliveryPageDto;
}

class WebhookTestDto {
  @ApiProperty({ example: '5f0c3a52-1a8e-4c55-9d4c-6f1b8f4a7e21' })
  delivery_id: string;
}

export class WebhookTestResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookTestDto })
  data: WebhookTestDto;
}

class WebhookReplayDto {
  @ApiProperty({ description: 'Deliveries queued again', example: 12 })
  replayed: number;
}

export class WebhookReplayResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => WebhookReplayDto })
  data: WebhookReplayDto;
}
