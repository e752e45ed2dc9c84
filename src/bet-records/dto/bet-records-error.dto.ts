import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every error of the Bet Records API: `{"detail":"..."}`. */
export class BetRecordsErrorDto {
  @ApiProperty({ example: 'Bet 120001 not found' }) detail: string;
  @ApiPropertyOptional({ description: 'On a 500 only' }) error_id?: string;
}
