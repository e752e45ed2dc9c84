import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional } from 'class-validator';
import { IsGuid, IsUserIdValue } from '../cash-desk/dto/cash-desk.rules';
import { IsKeyText, IsPositiveId, IsShortText } from '../payment/dto/payment.rules';

/** `POST /paymentswebapi/api/integrations/get-locations`: every filter optional, the body too. */
export class FrontEndLocationsRequestDto {
  @ApiPropertyOptional({ description: 'Id of a city in the MaxBet retail system', example: 3 })
  @IsOptional()
  @IsPositiveId('cityId')
  cityId?: number;

  @ApiPropertyOptional({ description: 'Id of a district in the MaxBet retail system', example: 12 })
  @IsOptional()
  @IsPositiveId('districtId')
  districtId?: number;

  @ApiPropertyOptional({
    description: 'Part of the cash desk’s name, any case',
    example: 'Plateau',
  })
  @IsOptional()
  @IsShortText('name', 200)
  name?: string;
}

/** `POST /api/v1/ssbt/transactions/get-transaction-details`: one of the two ids. */
export class TransactionDetailsRequestDto {
  @ApiPropertyOptional({
    description: 'The SSBT deposit’s id (its reservation id)',
    example: '00000000-0000-0000-0000-000000000000',
  })
  @IsOptional()
  @IsGuid('reservation_id')
  reservation_id?: string;

  @ApiPropertyOptional({
    description:
      'The terminal’s transaction id (the deposit’s reference), instead of reservation_id',
    example: '00000000-0000-0000-0000-000000000000',
  })
  @IsOptional()
  @IsKeyText('transaction_id', 64)
  transaction_id?: string;
}

/** `POST /api/v1/transactions/deposit` */
export class FrontEndDepositRequestDto {
  @ApiProperty({
    description: 'The SSBT deposit to credit (its reservation id)',
    example: '00000000-0000-0000-0000-000000000000',
  })
  @IsDefined({ message: 'reservation_id is required' })
  @IsGuid('reservation_id')
  reservation_id: string;

  @ApiProperty({ description: 'The player (the session’s user)', example: '1234' })
  @IsDefined({ message: 'user_id is required' })
  @IsUserIdValue('user_id')
  user_id: number | string;
}
