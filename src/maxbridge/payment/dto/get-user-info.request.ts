import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsPositiveId } from './payment.rules';

/** `POST /api/payment/get-user-info` (seed 003). */
export class GetUserInfoRequestDto {
  @ApiProperty({ description: 'Identifier of user in the PAM&Wallet', example: 12345, minimum: 1 })
  @IsDefined({ message: 'user_id is required' })
  @IsPositiveId('user_id')
  user_id: number;
}
