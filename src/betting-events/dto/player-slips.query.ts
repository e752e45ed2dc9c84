import { DecimalQueryNumber } from '../../common/validation/decimal-query';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCpf } from '../betting-event.rules';

export const MAX_PAGE_SIZE = 100;
/** Deeper pages than any player has: it keeps the offset a safe integer. */
export const MAX_PAGE = 1_000_000;

export class PlayerSlipsParamsDto {
  @ApiProperty({ description: 'CPF, bare or formatted', example: '012.345.678-90' })
  @IsCpf()
  cpf: string;
}

export class PlayerSlipsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: `page must be an integer from 1 to ${MAX_PAGE}` })
  @Min(1, { message: `page must be an integer from 1 to ${MAX_PAGE}` })
  @Max(MAX_PAGE, { message: `page must be an integer from 1 to ${MAX_PAGE}` })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @DecimalQueryNumber()
  @IsInt({ message: `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `page_size must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  page_size: number = 20;
}
