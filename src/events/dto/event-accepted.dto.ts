import { ApiProperty } from '@nestjs/swagger';

export class EventAcceptedDto {
  @ApiProperty({
    description: 'Our id of the event: use it for its status',
    example: '550e8400-e29b-41d4-a716-446655440000',
  })
  uuid: string;

  @ApiProperty({ description: 'YYYYMM of the event time (UTC)', example: 202602 })
  event_month: number;

  @ApiProperty({ description: 'Your event_id', example: 'evt_20250203_143245_abc123' })
  external_event_id: string;

  @ApiProperty({ description: 'amount x 100', example: 10000000 })
  amount_cents: number;

  @ApiProperty({ description: 'Amount in currency units, as sent', example: 100000 })
  amount: number;

  @ApiProperty({ example: 'XOF' })
  currency: string;

  @ApiProperty({
    description:
      'When the event was first received (UTC, microseconds); a repeat answers the first time',
    example: '2026-02-07T06:19:00.681884Z',
  })
  received_at: string;
}

/** 202: the event is committed; processing comes next. */
export class EventAcceptedResponseDto {
  @ApiProperty({ enum: [true], example: true })
  success: true;

  @ApiProperty({ type: EventAcceptedDto })
  data: EventAcceptedDto;
}
