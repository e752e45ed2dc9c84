import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BettingEventsErrorInfoDto {
  @ApiProperty({ example: 'Invalid input data' }) message: string;

  @ApiPropertyOptional({
    description: 'Each failing field (nested ones by path, `bet_legs[1].odds`) with its messages',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { tax_id: ['Tax ID must be in valid format'] },
  })
  details?: Record<string, string[]>;

  @ApiProperty({ description: 'The HTTP status, repeated', example: 400 }) status: number;

  @ApiPropertyOptional({ description: 'On a 500: quote it to support, it is in our logs' })
  error_id?: string;
}

/** Every error of the AML API (seed 001): `{"error":{"message","details"?,"status"}}`. */
export class BettingEventsErrorDto {
  @ApiProperty({ type: BettingEventsErrorInfoDto }) error: BettingEventsErrorInfoDto;
}
