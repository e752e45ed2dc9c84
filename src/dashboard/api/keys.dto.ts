import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCleanText } from './dashboard.dto';

export class KeyRequestDto {
  @ApiPropertyOptional({ description: 'What the key is for', example: 'staging' })
  @IsOptional()
  @IsString()
  @IsCleanText('label')
  @MaxLength(100)
  label?: string;

  @ApiPropertyOptional({ description: 'Limits the key to one of the team’s brands', example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  brand_id?: number;
}

export class ApiKeyDto {
  @ApiProperty({
    description: 'Shown in lists; the key itself is never shown again',
    example: 'bmk_V3br6AtB',
  })
  prefix: string;

  @ApiProperty({ type: Number, nullable: true, example: null })
  brand_id: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'staging' })
  label: string | null;

  @ApiProperty({ example: '2026-12-06T10:15:42.906Z' })
  created_at: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  last_used_at: string | null;

  @ApiProperty({ type: String, nullable: true, example: null })
  revoked_at: string | null;
}

export class IssuedKeyDto {
  @ApiProperty({ description: 'Shown this once: copy it now', example: 'bmk_V3br6AtB…' })
  api_key: string;

  @ApiProperty({ type: () => ApiKeyDto })
  key: ApiKeyDto;
}

export class BrandDto {
  @ApiProperty({ example: 3 })
  id: number;

  @ApiProperty({ example: 'Acme Bet' })
  name: string;
}
