import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional } from 'class-validator';
import { IsWholeCents } from '../../payment/dto/payment.rules';
import { IsGuid, IsKnownCurrency, IsPositiveCents, IsUserIdValue } from './cash-desk.rules';

const USER_ID = { description: 'User id in the PAM&Wallet', example: 12345 };

/** `GET /api/v1/get-locations?UserId=` */
export class GetLocationsQueryDto {
  @ApiPropertyOptional({
    ...USER_ID,
    description: 'User id in the PAM&Wallet (not needed to list)',
  })
  @IsOptional()
  @IsUserIdValue('UserId')
  UserId?: string;
}

/** `GET /api/v1/get-reservation?user_id=` */
export class GetReservationQueryDto {
  @ApiProperty(USER_ID)
  @IsDefined({ message: 'user_id is required' })
  @IsUserIdValue('user_id')
  user_id: string;
}

/** `POST /api/lockless-reservation/preferred-branch` */
export class PreferredBranchRequestDto {
  @ApiProperty(USER_ID)
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;
}

/** `POST /api/lockless-reservation/create` */
export class LocklessCreateRequestDto {
  @ApiProperty({
    description: 'GUID of the cash desk where the cash is to be collected',
    example: 'b841562f-e698-4b1f-a1ac-dfe82d57d61b',
  })
  @IsDefined({ message: 'locationId is required' })
  @IsGuid('locationId')
  locationId: string;

  @ApiProperty({ description: 'ISO 4217 three-letter currency code', example: 'EUR' })
  @IsDefined({ message: 'currency is required' })
  @IsKnownCurrency('currency')
  currency: string;

  @ApiProperty({ description: 'Amount in cents, more than zero', example: 100 })
  @IsDefined({ message: 'amount is required' })
  @IsPositiveCents('amount')
  amount: number;

  @ApiProperty({
    description:
      "The user's balance as the caller sees it, in cents: recorded with the reservation, not trusted (the wallet's own balance must cover the amount)",
    example: 5000,
  })
  @IsDefined({ message: 'balance is required' })
  @IsWholeCents('balance')
  balance: number;

  @ApiProperty(USER_ID)
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;
}

/** `POST /api/lockless-reservation/cancel` (not in the seed) */
export class LocklessCancelRequestDto {
  @ApiProperty(USER_ID)
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;

  @ApiPropertyOptional({
    description: 'The reservation to cancel; the user’s open one when absent',
    example: 'b841562f-e698-4b1f-a1ac-dfe82d57d61b',
  })
  @IsOptional()
  @IsGuid('id')
  id?: string;
}
