import { ApiProperty } from '@nestjs/swagger';
import type { LookupTables } from '../lookups.repository';

export class LookupItemDto {
  @ApiProperty({ description: 'Stable numeric id', example: 1 })
  id: number;

  @ApiProperty({ description: 'The code to send in events', example: 'DEPOSIT' })
  code: string;

  @ApiProperty({ description: 'Display name', example: 'Deposit' })
  name: string;
}

export class OperatorItemDto extends LookupItemDto {
  @ApiProperty({
    description:
      'ISO 3166-1 alpha-3 country; null for operators not tied to a country (bank transfer, card)',
    example: 'SEN',
    nullable: true,
    type: String,
  })
  country: string | null;
}

/** `GET /api/v1/lookups`: the seed's object, bare (no `success` envelope). */
export class LookupsResponseDto {
  @ApiProperty({ type: [LookupItemDto], description: 'Values of `event.type`' })
  event_types: LookupItemDto[];

  @ApiProperty({ type: [LookupItemDto], description: 'Values of `game.type`' })
  game_types: LookupItemDto[];

  @ApiProperty({ type: [LookupItemDto], description: 'Values of `metadata.device_type`' })
  device_types: LookupItemDto[];

  @ApiProperty({
    type: [OperatorItemDto],
    description: 'Values of `metadata.operator` (deposits and withdrawals)',
  })
  operators: OperatorItemDto[];

  static from(tables: LookupTables): LookupsResponseDto {
    const item = ({ id, code, name }: LookupItemDto): LookupItemDto => ({ id, code, name });
    return {
      event_types: tables.eventTypes.map(item),
      game_types: tables.gameTypes.map(item),
      device_types: tables.deviceTypes.map(item),
      operators: tables.operators.map(({ id, code, name, country }) => ({
        id,
        code,
        name,
        country,
      })),
    };
  }
}
