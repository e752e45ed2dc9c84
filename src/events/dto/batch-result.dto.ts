import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BatchEntryDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null when the event was refused',
    example: '550e8400-e29b-41d4-a716-446655440000',
  })
  uuid: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Your event_id (null when it could not be read)',
    example: 'evt_001',
  })
  external_event_id: string | null;

  @ApiPropertyOptional({
    description:
      'Why the event was refused (every problem, separated by "; "), in the language asked for',
    example: 'event_type invalide: INVALID',
  })
  error?: string;
}

export class BatchResultDto {
  @ApiProperty({
    description: 'Events stored now or before (repeats of the same content)',
    example: 2,
  })
  success_count: number;

  @ApiProperty({ example: 1 })
  failed_count: number;

  @ApiProperty({ type: [BatchEntryDto], description: 'One entry per event sent, in input order' })
  events: BatchEntryDto[];
}

export class BatchResponseDto {
  @ApiProperty({ enum: [true], example: true })
  success: true;

  @ApiProperty({ type: BatchResultDto })
  data: BatchResultDto;
}
