import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { RETAIL_ANSWERS, SEED_REQUESTS } from '../cash-desk.examples';
import { userIdOf } from '../dto/cash-desk.rules';
import {
  GetLocationsQueryDto,
  GetReservationQueryDto,
  LocklessCancelRequestDto,
  LocklessCreateRequestDto,
  PreferredBranchRequestDto,
} from '../dto/retail.requests';
import {
  locationView,
  reservationView,
  type LocationView,
  type ReservationView,
} from '../cash-desk.views';
import { LocationsService } from '../locations/locations.service';
import { ReservationsService } from '../reservations/reservations.service';
import { RetailApi } from './retail-api.decorator';

/** The MaxBet retail system's calls: cash desks and withdraw reservations (seed 003). */
@RetailApi()
@ApiUnauthorizedResponse({ examples: RETAIL_ANSWERS.unauthorized })
@Controller()
export class RetailController {
  constructor(
    private readonly locations: LocationsService,
    private readonly reservations: ReservationsService,
  ) {}

  @Get('api/v1/get-locations')
  @ApiOperation({
    summary: 'Every cash desk',
    description: 'The desks where reserved cash can be collected.',
  })
  @ApiOkResponse({
    description: '`{"retails":[...]}`, by name',
    examples: RETAIL_ANSWERS.locations,
  })
  async getLocations(@Query() _query: GetLocationsQueryDto): Promise<{ retails: LocationView[] }> {
    return { retails: (await this.locations.list()).map(locationView) };
  }

  @Get('api/v1/get-reservation')
  @ApiOperation({
    summary: "A user's open withdraw reservation",
    description: 'The reservation the user can collect now; 404 when they have none open.',
  })
  @ApiOkResponse({ examples: RETAIL_ANSWERS.reservation })
  @ApiNotFoundResponse({ examples: RETAIL_ANSWERS.notFound })
  async getReservation(@Query() query: GetReservationQueryDto): Promise<ReservationView> {
    return reservationView(await this.reservations.openOf(userIdOf(query.user_id)!));
  }

  @Post('api/lockless-reservation/preferred-branch')
  @HttpCode(200)
  @ApiOperation({
    summary: "The user's preferred cash desk",
    description:
      "The desk of the user's last withdrawal, as one object; for a user who has not withdrawn at a desk yet, the list of every desk.",
  })
  @ApiBody({ type: PreferredBranchRequestDto, examples: SEED_REQUESTS.preferredBranch })
  @ApiOkResponse({ examples: RETAIL_ANSWERS.preferredBranch })
  @ApiBadRequestResponse({ description: 'No `userId` (seed example)' })
  async preferredBranch(
    @Body() body: PreferredBranchRequestDto,
  ): Promise<LocationView | LocationView[]> {
    const found = await this.locations.preferredBranch(userIdOf(body.userId)!);
    return Array.isArray(found) ? found.map(locationView) : locationView(found);
  }

  @Post('api/lockless-reservation/create')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reserves a withdrawal at a cash desk',
    description:
      "Lockless: no money is held, but the wallet's own balance must cover the amount now (409 " +
      'INSUFFICIENT_FUNDS otherwise). One open reservation per user: a second answers 409 with the ' +
      "open one's id. It stays open for MAXBRIDGE_RESERVATION_TTL (24 h by default), until the " +
      'withdrawal of the same user, currency and amount pays it, or it is cancelled.',
  })
  @ApiBody({ type: LocklessCreateRequestDto, examples: SEED_REQUESTS.locklessCreate })
  @ApiOkResponse({ examples: RETAIL_ANSWERS.created })
  @ApiBadRequestResponse({ examples: RETAIL_ANSWERS.missingField })
  @ApiNotFoundResponse({ description: 'No such user or desk' })
  @ApiConflictResponse({ examples: RETAIL_ANSWERS.conflict })
  async create(@Body() body: LocklessCreateRequestDto): Promise<{ code: 'RESERVED'; id: string }> {
    const reservation = await this.reservations.create({
      userId: userIdOf(body.userId)!,
      amount: body.amount,
      currency: body.currency,
      locationId: body.locationId.toLowerCase(),
      declaredBalance: body.balance,
      via: 'retail',
    });
    return { code: 'RESERVED', id: reservation.id };
  }

  @Post('api/lockless-reservation/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: "Cancels the user's open reservation (not in the seed)",
    description: 'So that a player is not stuck for a day with a reservation they no longer want.',
  })
  @ApiOkResponse({ examples: RETAIL_ANSWERS.cancelled })
  @ApiNotFoundResponse({ examples: RETAIL_ANSWERS.notFound })
  async cancel(@Body() body: LocklessCancelRequestDto): Promise<ReservationView> {
    return reservationView(
      await this.reservations.cancel(userIdOf(body.userId)!, body.id?.toLowerCase() ?? null),
    );
  }
}
