import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { BetRecordsApi } from '../bet-records-api.decorator';
import { BetRecordsErrorDto } from '../dto/bet-records-error.dto';
import { SportsBetListQueryDto } from '../dto/record-list.query';
import { parseRecordId } from '../record-id';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { SportsBetDetailDto, SportsBetPageDto } from './dto/sports-bet.dto';
import { SPORTS_BET_DETAIL_EXAMPLE, SPORTS_BET_PAGE_EXAMPLE } from './dto/sports-bet.examples';
import { SportsBetsService } from './sports-bets.service';
import { BrandKeys } from '../../tenancy/api-key-auth.decorator';

@Controller('api/sports-bet')
@BetRecordsApi('Bet Records: sports bets')
export class SportsBetsController {
  constructor(private readonly sportsBets: SportsBetsService) {}

  @Get('list')
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: 'List sports bets',
    description:
      "The key's team's sports bets, newest first (id descending). They come from two sources: SPORTS and " +
      'ESPORTS monitor events with a `game.bet_id` (BET_PLACED makes a single bet with one line; BET_WON, ' +
      'CASHOUT, JACKPOT, BET_LOST and REFUND settle or cancel it), and AML bet slips (`POST /betting-events`: ' +
      '`bet_id` is the slip id, one line per leg, `parlay` 1 beyond one leg, amounts from cents; a cancelled ' +
      'slip pays its stake back). Money in units with two decimals.',
  })
  @ApiOkResponse({ type: SportsBetPageDto, example: SPORTS_BET_PAGE_EXAMPLE })
  list(@CurrentTenant() tenant: Tenant, @Query() query: SportsBetListQueryDto) {
    return this.sportsBets.list(tenant, query);
  }

  @Get(':sports_bet_id')
  @BrandKeys('own-brand')
  @ApiOperation({ summary: 'One sports bet with its lines (legs)' })
  @ApiParam({
    name: 'sports_bet_id',
    description: 'The numeric id of the sports bet',
    example: 30001,
  })
  @ApiOkResponse({ type: SportsBetDetailDto, example: SPORTS_BET_DETAIL_EXAMPLE })
  @ApiNotFoundResponse({
    description: "No such sports bet for the key's team",
    type: BetRecordsErrorDto,
    example: { detail: 'Sports bet 30001 not found' },
  })
  get(
    @CurrentTenant() tenant: Tenant,
    @Param('sports_bet_id') id: string,
  ): Promise<SportsBetDetailDto> {
    return this.sportsBets.get(tenant, parseRecordId(id, 'sports_bet_id'));
  }
}
