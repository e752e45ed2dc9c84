import { ApiProperty } from '@nestjs/swagger';
import { EVENT_STATUSES, type EventStatus } from '../event-status';

export class EventStatusDto {
  @ApiProperty({ example: '550e8400-e29b-41d4-a716-446655440000' })
  uuid: string;

  @ApiProperty({
    enum: EVENT_STATUSES,
    description:
      'RECEIVED: stored, waiting for processing. PROCESSED: the fraud rules have seen it. FAILED: processing ' +
      'failed after retries (support is alerted by the logs). PROCESSING is never seen: an event is processed ' +
      'and marked in one transaction.',
    example: 'PROCESSED',
  })
  status: EventStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'UTC, microseconds; null until processed',
    example: '2026-01-31T12:00:05.000000Z',
  })
  processed_at: string | null;

  @ApiProperty({
    type: () => [EventAlertDto],
    description:
      'The alerts this event raised or joined (empty until it is processed, and when no rule fired). Alerts are ' +
      'the team’s: always empty for a brand’s key, to which `/api/v1/alerts` is refused too',
  })
  alerts: EventAlertDto[];
}

export class EventAlertDto {
  @ApiProperty({
    description: 'The alert’s uuid (GET /api/v1/alerts/{id})',
    example: '0d5f1c9e-8a51-4a4f-9b55-31c1c1e0f3a2',
  })
  id: string;

  @ApiProperty({ example: 'RAPID_DEPOSITS' })
  rule: string;

  @ApiProperty({ enum: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], example: 'MEDIUM' })
  severity: string;

  @ApiProperty({ enum: ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'], example: 'OPEN' })
  status: string;
}
