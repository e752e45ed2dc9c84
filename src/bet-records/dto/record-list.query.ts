import { DecimalQueryNumber } from '../../common/validation/decimal-query';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { INT_COLUMN_MAX } from '../../database/columns';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
/** Deeper pages than any list needs: it keeps the offset a safe integer. */
export const MAX_PAGE = 1_000_000;
const MAX_ID = INT_COLUMN_MAX;

const integer = (name: string, min: number, max: number) =>
  `${name} must be an integer from ${min} to ${max}`;

/** Query of both list routes (seed 002): paging, then the filters. */
export class SportsBetListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, description: 'Page number' })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: integer('page', 1, MAX_PAGE) })
  @Min(1, { message: integer('page', 1, MAX_PAGE) })
  @Max(MAX_PAGE, { message: integer('page', 1, MAX_PAGE) })
  page: number = 1;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 20,
    description: 'Items per page',
  })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: integer('size', 1, MAX_PAGE_SIZE) })
  @Min(1, { message: integer('size', 1, MAX_PAGE_SIZE) })
  @Max(MAX_PAGE_SIZE, { message: integer('size', 1, MAX_PAGE_SIZE) })
  size: number = 20;

  @ApiPropertyOptional({ minimum: 1, description: 'Only the bets of this brand', example: 42 })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: integer('brand_id', 1, MAX_ID) })
  @Min(1, { message: integer('brand_id', 1, MAX_ID) })
  @Max(MAX_ID, { message: integer('brand_id', 1, MAX_ID) })
  brand_id?: number;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Only the bets of this player (our integer player id)',
    example: 8801,
  })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: integer('player_id', 1, MAX_ID) })
  @Min(1, { message: integer('player_id', 1, MAX_ID) })
  @Max(MAX_ID, { message: integer('player_id', 1, MAX_ID) })
  player_id?: number;

  @ApiPropertyOptional({
    enum: [0, 1, 2],
    description: '0 pending, 1 settled, 2 cancelled / rolled back',
  })
  @IsOptional()
  @DecimalQueryNumber()
  @IsIn([0, 1, 2], { message: 'status must be 0 (pending), 1 (settled) or 2 (cancelled)' })
  status?: number;
}

export class BetListQueryDto extends SportsBetListQueryDto {
  @ApiPropertyOptional({
    description: 'Only the bets of this game provider; an unknown code gives an empty page',
    example: 'evolution',
    maxLength: 100,
  })
  @IsOptional()
  @ValidateBy({
    name: 'isProviderCode',
    validator: {
      validate: (value) => typeof value === 'string' && value.length <= 100,
      defaultMessage: () => 'provider_code must be a text of at most 100 characters',
    },
  })
  provider_code?: string;
}

/** The filters of a list, as the repositories take them. */
export interface RecordFilters {
  brandId?: number;
  playerId?: number;
  status?: number;
  providerId?: number;
}
