import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsWholeCents } from '../../payment/dto/payment.rules';
import { IsGuid, IsKnownCurrency, IsUserIdValue } from './cash-desk.rules';

/**
 * A code-wrapped reservation (`create-reservation` of the core, `withdraw-reservation` of the
 * front end): an unknown currency answers 99 "Invalid Currency" before missing fields (112).
 */
export class CreateReservationRequestDto {
  @ApiProperty({
    description: 'User id in the PAM&Wallet (a number, or digits in a string)',
    example: 2147483647,
  })
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;

  @ApiProperty({ description: 'Amount in cents; negative: 143, zero: 144', example: 1000000 })
  @IsDefined({ message: 'amount is required' })
  @IsWholeCents('amount')
  amount: number;

  @ApiProperty({
    description: 'ISO 4217 three-letter code; unknown: 99 Invalid Currency',
    example: 'BAM',
  })
  @IsDefined({ message: 'currency is required' })
  @IsKnownCurrency('currency')
  currency: string;

  @ApiProperty({
    description: 'GUID of the cash desk where the cash is to be collected; unknown: 400',
    example: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  })
  @IsDefined({ message: 'locationId is required' })
  @IsGuid('locationId')
  locationId: string;
}
