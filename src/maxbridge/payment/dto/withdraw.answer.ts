import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WithdrawDataDto {
  @ApiProperty({
    description: 'Transaction identifier in the persistence service (our ledger row)',
    example: 1122,
  })
  sis_transaction_id: number;
  @ApiProperty({
    description: 'Transaction identifier in the Retail service (your `transaction_id`)',
    example: 'c0a80101-7d4e-4b8e-9a51-3f6f2b9c1d20',
  })
  provider_transaction_id: string;
  @ApiProperty({
    description: 'Transaction identifier in the Core system',
    example: '9f86d081884c7d65',
  })
  core_transaction_id: string;
}

export class WithdrawAnswerDto {
  @ApiProperty({ description: 'Status code (10: success)', example: 10 }) code: number;
  @ApiProperty({ example: 'success' }) message: string;
  @ApiPropertyOptional({ type: WithdrawDataDto }) data?: WithdrawDataDto;
}
