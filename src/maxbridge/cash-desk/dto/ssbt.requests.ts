import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsKeyText, IsPositiveId } from '../../payment/dto/payment.rules';
import { IsGuid, IsKnownCurrency, IsPositiveCents, IsUserIdValue } from './cash-desk.rules';

const RESERVATION_ID = {
  description: 'The SSBT deposit’s id (the seed’s `reservationId`), a GUID',
  example: '00000000-0000-0000-0000-000000000000',
};

/** `GET /api/ssbt-deposit/details?reservationId=` and `POST /api/ssbt-deposit/reject?reservationId=` */
export class SsbtDepositQueryDto {
  @ApiProperty(RESERVATION_ID)
  @IsDefined({ message: 'reservationId is required' })
  @IsGuid('reservationId')
  reservationId: string;
}

/** `POST /api/ssbt-deposit/commit` */
export class SsbtCommitRequestDto {
  @ApiProperty(RESERVATION_ID)
  @IsDefined({ message: 'reservationId is required' })
  @IsGuid('reservationId')
  reservationId: string;

  @ApiProperty({ description: 'User id in the PAM&Wallet', example: 1234 })
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;
}

/** `POST /api/ssbt-deposit/create` (not in the seed: a terminal opens a deposit) */
export class SsbtCreateRequestDto {
  @ApiProperty({ description: 'User id in the PAM&Wallet', example: 1234 })
  @IsDefined({ message: 'userId is required' })
  @IsUserIdValue('userId')
  userId: number | string;

  @ApiProperty({ description: 'Cash put in, in cents', example: 1000 })
  @IsDefined({ message: 'amount is required' })
  @IsPositiveCents('amount')
  amount: number;

  @ApiProperty({ description: 'ISO 4217 three-letter currency code', example: 'EUR' })
  @IsDefined({ message: 'currency is required' })
  @IsKnownCurrency('currency')
  currency: string;

  @ApiProperty({
    description: 'The terminal’s payment service in the payment directory (the seed’s `deviceId`)',
    example: 1345,
  })
  @IsDefined({ message: 'deviceId is required' })
  @IsPositiveId('deviceId')
  deviceId: number;

  @ApiProperty({
    description:
      'The terminal’s transaction id (up to 64 characters): once only; sent again with the same facts, it answers the deposit it opened',
    example: '7d1f0c2a-93b4-4e6f-a8d2-0b5c6e7f8a91',
  })
  @IsDefined({ message: 'reference is required' })
  @IsKeyText('reference', 64)
  reference: string;
}
