import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { BetRecordsApi } from '../bet-records-api.decorator';
import { BetRecordsErrorDto } from '../dto/bet-records-error.dto';
import { BetListQueryDto } from '../dto/record-list.query';
import { parseRecordId } from '../record-id';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { BetsService } from './bets.service';
import { BetDto, BetPageDto } from './dto/bet.dto';
import { BET_EXAMPLE, BET_PAGE_EXAMPLE } from './dto/bet.examples';
import { BrandKeys } from '../../tenancy/api-key-auth.decorator';

@Controller('api/bet')
@BetRecordsApi('Bet Records: Live/Slots bets')
export class BetsController {
  constructor(private readonly bets: BetsService) {}

  @Get('list')
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: 'List Live Casino and Slots bets',
    description:
      "The key's team's bets, newest first (id descending), filled from the monitor events that carry a " +
      '`game.bet_id` and a casino-like `game.type` (CASINO, LIVE_CASINO, VIRTUAL, LOTTERY, POKER): BET_PLACED ' +
      'opens a bet, BET_WON / CASHOUT / JACKPOT settle it with their amount as the payout, BET_LOST settles it ' +
      'with 0, REFUND cancels it (the refund as payout). A settlement processed before its placement waits ' +
      'and is applied when the placement comes. Money in units with two decimals. An unknown `provider_code` ' +
      'gives an empty page.',
  })
  @ApiOkResponse({ type: BetPageDto, example: BET_PAGE_EXAMPLE })
  list(@CurrentTenant() tenant: Tenant, @Query() query: BetListQueryDto) {
    return this.bets.list(tenant, query);
  }

  @Get(':bet_id')
  @BrandKeys('own-brand')
  @ApiOperation({ summary: 'One Live/Slots bet by its id' })
  @ApiParam({ name: 'bet_id', description: 'The numeric id of the bet', example: 120001 })
  @ApiOkResponse({ type: BetDto, example: BET_EXAMPLE })
  @ApiNotFoundResponse({
    description: "No such bet for the key's team",
    type: BetRecordsErrorDto,
    example: { detail: 'Bet 120001 not found' },
  })
  get(@CurrentTenant() tenant: Tenant, @Param('bet_id') id: string): Promise<BetDto> {
    return this.bets.get(tenant, parseRecordId(id, 'bet_id'));
  }
}
