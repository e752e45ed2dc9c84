import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional } from 'class-validator';
import {
  IsIpAddress,
  IsKeyText,
  IsLanguageTag,
  IsPositiveId,
  IsShortText,
  IsWholeCents,
} from './payment.rules';

/** `POST /api/payment/withdraw` (seed 003): cash paid out at a retail desk, from the wallet. */
export class WithdrawRequestDto {
  @ApiProperty({ description: 'Identifier of user in the PAM&Wallet', example: 12345, minimum: 1 })
  @IsDefined({ message: 'user_id is required' })
  @IsPositiveId('user_id')
  user_id: number;

  @ApiProperty({
    description:
      "Transaction amount in cents, debited from the user's balance (fee included). " +
      "Negative: 143; zero: 144; outside the user's limits: 153; above the balance: 154.",
    example: 5000,
  })
  @IsDefined({ message: 'amount is required' })
  @IsWholeCents('amount')
  amount: number;

  @ApiProperty({
    description: 'ISO 4217 three-letter currency code; unknown: 145, no account in it: 146',
    example: 'EUR',
  })
  @IsDefined({ message: 'currency is required' })
  @IsShortText('currency', 8)
  currency: string;

  @ApiProperty({
    description: 'Id of payment service in the Payment Directory',
    example: 7,
    minimum: 1,
  })
  @IsDefined({ message: 'service_id is required' })
  @IsPositiveId('service_id')
  service_id: number;

  @ApiPropertyOptional({ description: 'IPv4 or IPv6 of the client', example: '203.0.113.7' })
  @IsOptional()
  @IsIpAddress('ip')
  ip?: string | null;

  @ApiPropertyOptional({ description: 'User language', example: 'en' })
  @IsOptional()
  @IsLanguageTag('lang')
  lang?: string | null;

  @ApiPropertyOptional({
    description:
      'Transaction fee amount in cents, part of `amount`: null or absent for none, never 0 (214), ' +
      'never above `amount` (251)',
    example: 100,
    nullable: true,
  })
  @IsOptional()
  @IsWholeCents('fee')
  fee?: number | null;

  @ApiProperty({
    description:
      'Transaction identifier in the retail system (text up to 64 characters, or a whole number): ' +
      'one withdrawal per id, ever; a repeat answers 151 and debits nothing',
    example: 'c0a80101-7d4e-4b8e-9a51-3f6f2b9c1d20',
  })
  @IsDefined({ message: 'transaction_id is required' })
  @Transform(({ value }: { value: unknown }) =>
    Number.isSafeInteger(value) && (value as number) >= 0 ? String(value) : value,
  )
  @IsKeyText('transaction_id', 64)
  transaction_id: string;
}
