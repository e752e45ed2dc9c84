import { ApiProperty } from '@nestjs/swagger';
import { IDENTIFIER_KINDS } from '../engine/detection-event';
import { MonitorOkDto, MonitorPageDto } from '../../monitor-api/dto/monitor-envelope.dto';

/** An identifier shared honestly: SHARED_IDENTIFIER skips it and it links no players. */
export class AllowlistEntryDto {
  @ApiProperty({ enum: IDENTIFIER_KINDS, example: 'ip' })
  kind: string;

  @ApiProperty({ example: '41.82.10.5' })
  value: string;

  @ApiProperty({ type: String, nullable: true, example: 'Dakar Plateau shop' })
  note: string | null;

  @ApiProperty({ description: 'UTC, microseconds', example: '2026-02-02T10:15:42.906113Z' })
  created_at: string;
}

export class AllowlistPageDto extends MonitorPageDto {
  @ApiProperty({ type: () => [AllowlistEntryDto] })
  items: AllowlistEntryDto[];
}

export class AllowlistListResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => AllowlistPageDto })
  data: AllowlistPageDto;
}

export class AllowlistEntryResponseDto extends MonitorOkDto {
  @ApiProperty({ type: () => AllowlistEntryDto })
  data: AllowlistEntryDto;
}
