import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { normalizeCpf } from '../common/br/cpf';
import { CurrentTenant } from '../tenancy/current-tenant.decorator';
import type { Tenant } from '../tenancy/tenant';
import { amlError, ApiInvalidParameter, BettingEventsApi } from './betting-events-api.decorator';
import { toEventStatus, toPlayerSlipsPage, toSlipDetail } from './betting-events.mapper';
import { BettingEventsService } from './betting-events.service';
import { BettingEventDto } from './dto/betting-event.dto';
import * as examples from './dto/betting-event.examples';
import { BettingEventsErrorDto } from './dto/betting-events-error.dto';
import { PlayerSlipsParamsDto, PlayerSlipsQueryDto } from './dto/player-slips.query';
import {
  BettingEventCreatedDto,
  BettingEventStatusDto,
  PlayerSlipsPageDto,
  SlipDetailDto,
} from './dto/slip-view.dto';
import { BrandKeys } from '../tenancy/api-key-auth.decorator';

@Controller('betting-events')
@BettingEventsApi()
export class BettingEventsController {
  constructor(private readonly bettingEvents: BettingEventsService) {}

  @Post()
  @BrandKeys('own-brand')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Register a betting event',
    description:
      "Appends the event to its bet slip's log and derives the slip's state again (open, settled, cancelled; " +
      'stake, odds, legs with their states and winnings) in the same transaction. **200 means stored.**\n\n' +
      "- `tax_id` is a CPF, bare or `000.000.000-00`, with valid check digits; the player is the team's player " +
      'with this CPF (the same players as the Betting Monitor API: a monitor player whose id is the CPF is the ' +
      'same person).\n' +
      '- Amounts and balances are integers in cents. `event_date` defaults to now; times name their zone.\n' +
      '- **Repeats**: the same body again for the same slip answers the first `id` and stores nothing.\n' +
      '- **Out of order**: a `result` or `cancellation` for a slip never seen is stored and flagged ' +
      '(`out_of_order` on the slip); the slip applies events in `event_date` order.\n' +
      '- **Consistency checks** are recorded on the event, never refused: balance moves against the stake or ' +
      'the winnings, `total_odds` more than 1 % from the product of the leg odds, `amount_won` against the leg ' +
      "odds (read as the running value of the accumulator, as in the seed's result example). See " +
      '`GET /betting-events/slips/{bet_slip_id}`.\n' +
      '- At most 100 legs, each with its own `leg_id`; `meta` up to 16 KiB as JSON; `null` is the same as ' +
      'absent for optional fields; unknown fields are ignored. A slip holds at most 100 distinct selections ' +
      'and 500 events: an event past either is a 400 and nothing is stored.\n' +
      "- **Brands**: a slip belongs to the brand of the key that opened it (a team-wide key's slip to the " +
      "team). `bet_slip_id` is unique per team: an event for a slip of another brand, or, from a brand's " +
      'key, for a slip a team-wide key opened, is a 409 that names nothing of that slip, and changes ' +
      'nothing. A team-wide key may add events to any slip of its team.',
  })
  @ApiBody({
    type: BettingEventDto,
    examples: {
      single: { summary: 'Single bet - new bet (seed)', value: examples.SINGLE_NEW_BET_EXAMPLE },
      multiple: {
        summary: 'Multiple bet - new bet (seed)',
        value: examples.MULTIPLE_NEW_BET_EXAMPLE,
      },
      result: { summary: 'Multiple bet result (seed)', value: examples.MULTIPLE_RESULT_EXAMPLE },
    },
  })
  @ApiOkResponse({
    description: 'Stored (or an exact repeat of a stored event: its id)',
    type: BettingEventCreatedDto,
    example: { id: 'evt_xyz789abc123' },
  })
  @ApiBadRequestResponse({
    description: 'Malformed JSON, or every invalid field with its messages',
    type: BettingEventsErrorDto,
    example: amlError(400, 'Invalid input data', {
      tax_id: ['Tax ID must be in valid format'],
      total_stake: ['Bet amount must be greater than zero'],
      total_odds: ['Odds must be a positive number'],
      bet_legs: ['Must contain at least one selection'],
    }),
  })
  @ApiConflictResponse({
    description: "`bet_slip_id` names a slip that the key's brand does not own",
    type: BettingEventsErrorDto,
    example: amlError(409, 'Bet slip slip_abc123def456 belongs to another brand'),
  })
  @ApiPayloadTooLargeResponse({
    description: 'The body exceeds the size limit (5 MiB by default)',
    type: BettingEventsErrorDto,
    example: amlError(413, 'Request body exceeds the limit of 5242880 bytes'),
  })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The body is not JSON',
    type: BettingEventsErrorDto,
    example: amlError(415, 'Invalid input data', {
      body: ['Content-Type must be application/json'],
    }),
  })
  record(
    @CurrentTenant() tenant: Tenant,
    @Body() body: BettingEventDto,
  ): Promise<BettingEventCreatedDto> {
    return this.bettingEvents.record(tenant, body);
  }

  @Get(':id/status')
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: "A betting event's processing status",
    description:
      'After the 200 of `POST /betting-events`, each event goes through the processing pipeline ' +
      "(the player's activity, then fraud and AML detection), in the order of arrival of its player's " +
      "events of both APIs. RECEIVED while it waits, then PROCESSED, or FAILED after 3 attempts. A brand's " +
      "key sees its brand's events only.",
  })
  @ApiParam({ name: 'id', example: 'evt_xyz789abc123', description: 'The id `POST` answered' })
  @ApiOkResponse({
    type: BettingEventStatusDto,
    example: {
      id: 'evt_xyz789abc123',
      status: 'PROCESSED',
      processed_at: '2026-02-07T06:19:00.681884Z',
    },
  })
  @ApiNotFoundResponse({
    description: "No event with this id for the key's team (for a brand's key: of its brand)",
    type: BettingEventsErrorDto,
    example: amlError(404, 'Betting event evt_unknown not found'),
  })
  async status(
    @CurrentTenant() tenant: Tenant,
    @Param('id') id: string,
  ): Promise<BettingEventStatusDto> {
    const status = await this.bettingEvents.status(tenant, id);
    return toEventStatus(status);
  }

  @Get('slips/:bet_slip_id')
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: 'A bet slip: its state, its legs and its event log',
    description:
      'For support staff and the AML team: the slip as derived from its events, each event as it was sent ' +
      '(with `received_at`) and the consistency checks it failed.',
  })
  @ApiParam({ name: 'bet_slip_id', example: 'slip_multiple_456' })
  @ApiOkResponse({ type: SlipDetailDto, example: examples.SLIP_DETAIL_EXAMPLE })
  @ApiNotFoundResponse({
    description: "No slip with this id for the key's team (for a brand's key: of its brand)",
    type: BettingEventsErrorDto,
    example: amlError(404, 'Bet slip slip_unknown not found'),
  })
  async getSlip(
    @CurrentTenant() tenant: Tenant,
    @Param('bet_slip_id') slipRef: string,
  ): Promise<SlipDetailDto> {
    const { slip, events } = await this.bettingEvents.getSlip(tenant, slipRef);
    return toSlipDetail(slip, events);
  }

  @Get('players/:cpf/slips')
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: "A player's bet slips, newest first",
    description:
      "By CPF, bare or formatted: every slip with an event under this CPF (a brand's key: its brand's " +
      'slips only; a slip whose events name two ' +
      'CPFs shows under both). A CPF never seen has no slips (`total: 0`), not a 404. Each slip with its ' +
      'legs; its event log is on the slip route.',
  })
  @ApiParam({ name: 'cpf', example: '012.345.678-90' })
  @ApiOkResponse({ type: PlayerSlipsPageDto, example: examples.PLAYER_SLIPS_EXAMPLE })
  @ApiInvalidParameter('page_size', 'page_size must be an integer from 1 to 100')
  async listPlayerSlips(
    @CurrentTenant() tenant: Tenant,
    @Param() params: PlayerSlipsParamsDto,
    @Query() query: PlayerSlipsQueryDto,
  ): Promise<PlayerSlipsPageDto> {
    const page = await this.bettingEvents.listPlayerSlips(
      tenant,
      normalizeCpf(params.cpf) as string,
      query.page,
      query.page_size,
    );
    return toPlayerSlipsPage(page);
  }
}
