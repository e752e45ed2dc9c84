import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MonitorErrorCode } from '../monitor-error-code';

export class MonitorErrorDetailDto {
  @ApiProperty({
    description: 'The invalid field, as a path in the request body',
    example: 'event.type',
  })
  field: string;

  @ApiProperty({
    description: 'Why it is invalid, in the language asked for',
    example: 'event_type invalide: INVALID',
  })
  message: string;
}

export class MonitorErrorInfoDto {
  @ApiProperty({
    enum: MonitorErrorCode,
    enumName: 'MonitorErrorCode',
    example: MonitorErrorCode.ValidationError,
  })
  code: MonitorErrorCode;

  @ApiProperty({
    description: 'Human-readable; English by default, French with `Accept-Language: fr`',
    example: 'Validation failed',
  })
  message: string;

  @ApiPropertyOptional({
    type: [MonitorErrorDetailDto],
    description: 'One entry per invalid field (400 only)',
  })
  details?: MonitorErrorDetailDto[];

  @ApiPropertyOptional({
    description: 'On a 500 only: quote it to support; the cause is logged under this id',
    example: 'err_5f0c2a9d13b7e4a1',
  })
  error_id?: string;
}

/** The error body of every Betting Monitor API route. */
export class MonitorErrorDto {
  @ApiProperty({ enum: [false], example: false })
  success: false;

  @ApiProperty({ type: MonitorErrorInfoDto })
  error: MonitorErrorInfoDto;
}
