import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { TagRoutes } from '../../common/http/route-tags';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { FRONT_END_ANSWERS, SEED_REQUESTS } from '../cash-desk/cash-desk.examples';
import {
  locationView,
  reservationView,
  ssbtDetailsView,
  type LocationView,
  type ReservationView,
  type SsbtDetailsView,
} from '../cash-desk/cash-desk.views';
import { userIdOf } from '../cash-desk/dto/cash-desk.rules';
import { CreateReservationRequestDto } from '../cash-desk/dto/core.requests';
import { LocationsService } from '../cash-desk/locations/locations.service';
import { ReservationsService } from '../cash-desk/reservations/reservations.service';
import { SsbtDepositsService } from '../cash-desk/ssbt/ssbt-deposits.service';
import type { CoreSession } from '../core-session/core-sessions.service';
import { FrontEndApi, PlayerSession } from '../core-session/front-end-api.decorator';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeError } from '../maxbridge.error';
import {
  maxBridgeAnswer,
  MAXBRIDGE_TEXT_CODES_WIRE,
  type MaxBridgeAnswer,
} from '../maxbridge.wire';
import { WithdrawDataDto } from '../payment/dto/withdraw.answer';
import {
  FrontEndDepositRequestDto,
  FrontEndLocationsRequestDto,
  TransactionDetailsRequestDto,
} from './front-end.requests';

/**
 * The player's front end (seed 003), behind the core session: cash desks, the withdraw
 * reservation, and SSBT deposits, answered in codes. The session's user is the only one whose
 * data these routes read or change: a `userId` in a body must be theirs (138 otherwise).
 */
@FrontEndApi()
@Controller()
export class FrontEndController {
  constructor(
    private readonly locations: LocationsService,
    private readonly reservations: ReservationsService,
    private readonly deposits: SsbtDepositsService,
  ) {}

  @Post('paymentswebapi/api/integrations/get-locations')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The cash desks, filtered by city, district or name',
    description: 'Every filter is optional, and so is the body (the seed’s example sends none).',
  })
  @ApiBody({ type: FrontEndLocationsRequestDto, required: false })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.locations })
  async getLocations(
    @Body() body: FrontEndLocationsRequestDto,
  ): Promise<MaxBridgeAnswer<{ retails: LocationView[] }>> {
    const found = await this.locations.list({
      cityId: body.cityId,
      districtId: body.districtId,
      name: body.name?.trim(),
    });
    return maxBridgeAnswer(
      MaxBridgeCode.STATUS_SUCCESS,
      { retails: found.map(locationView) },
      'Success',
    );
  }

  @Post('paymentswebapi/api/integrations/get-default-location')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The player’s default cash desk',
    description:
      'The desk of their first paid reservation; only an administrator changes it. None yet: 400 STATUS_ITEM_DOES_NOT_EXISTS.',
  })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.defaultLocation })
  async getDefaultLocation(
    @PlayerSession() session: CoreSession,
  ): Promise<MaxBridgeAnswer<LocationView>> {
    const location = await this.locations.defaultOf(session.userId);
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, locationView(location));
  }

  @Post('paymentswebapi/api/integrations/get-reservation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The player’s open withdraw reservation',
    description: 'None open: 400 STATUS_ITEM_DOES_NOT_EXISTS.',
  })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.reservation })
  async getReservation(
    @PlayerSession() session: CoreSession,
  ): Promise<MaxBridgeAnswer<ReservationView>> {
    const open = await this.reservations.openOf(session.userId);
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, reservationView(open));
  }

  @Post('paymentswebapi/api/integrations/cancel-reservation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancels the player’s open reservation (not in the seed)',
    description: 'So that a player is not stuck for a day with one they no longer want.',
  })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.cancelled })
  async cancelReservation(
    @PlayerSession() session: CoreSession,
  ): Promise<MaxBridgeAnswer<ReservationView>> {
    const cancelled = await this.reservations.cancel(session.userId);
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, reservationView(cancelled));
  }

  @Post('api/v1/payment/withdraw-reservation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reserves a withdrawal at a cash desk',
    description:
      'The same rules as the core’s create-reservation: `data {code, id}`; an unknown currency ' +
      'answers `{"code":99,"message":"Invalid Currency"}` before missing fields; `userId` must be ' +
      'the session’s user (138).',
  })
  @ApiBody({ type: CreateReservationRequestDto, examples: SEED_REQUESTS.withdrawReservation })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.reserved })
  async withdrawReservation(
    @PlayerSession() session: CoreSession,
    @Body() body: CreateReservationRequestDto,
  ): Promise<MaxBridgeAnswer<{ code: string; id: string }>> {
    if (userIdOf(body.userId) !== session.userId) {
      throw new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED);
    }
    if (body.amount < 0) throw new MaxBridgeError(MaxBridgeCode.CAN_NOT_BE_NEGATIVE);
    if (body.amount === 0) throw new MaxBridgeError(MaxBridgeCode.MUST_BE_MORE_THAN_ZERO);
    const reservation = await this.reservations.create({
      userId: session.userId,
      amount: body.amount,
      currency: body.currency,
      locationId: body.locationId.toLowerCase(),
      via: 'front-end',
    });
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      code: reservation.code,
      id: reservation.id,
    });
  }

  @Post('api/v1/ssbt/transactions/get-transaction-details')
  @HttpCode(200)
  @TagRoutes({ wire: MAXBRIDGE_TEXT_CODES_WIRE })
  @ApiOperation({
    summary: 'One of the player’s SSBT deposits',
    description:
      'By `reservation_id` or `transaction_id` (the terminal’s reference). `code` is a string, as ' +
      'in the seed: `"10"`, or `"156"` TRANSACTION_NOT_FOUND (also for another player’s).',
  })
  @ApiBody({ type: TransactionDetailsRequestDto, examples: SEED_REQUESTS.transactionDetails })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.transactionDetails })
  async getTransactionDetails(
    @PlayerSession() session: CoreSession,
    @Body() body: TransactionDetailsRequestDto,
  ): Promise<{ code: string; message: string; data: SsbtDetailsView }> {
    if (!body.reservation_id && !body.transaction_id) {
      throw new MaxBridgeError(MaxBridgeCode.MISSING_PARAMETERS, {
        fields: { reservation_id: 'reservation_id or transaction_id is required' },
      });
    }
    const deposit = await this.deposits.ofUser(session.userId, {
      id: body.reservation_id?.toLowerCase(),
      reference: body.transaction_id,
    });
    // The seed shows this route's code as a string.
    return {
      code: String(MaxBridgeCode.STATUS_SUCCESS),
      message: 'Success',
      data: ssbtDetailsView(deposit),
    };
  }

  @Post('api/v1/transactions/deposit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Credits the player’s SSBT deposit to their wallet',
    description:
      'Once, whichever of this route and the retail commit comes first: a second deposit (or one ' +
      'already committed) answers 151 and credits nothing; an unknown deposit or another player’s, ' +
      '156; `user_id` must be the session’s user (138); a status that blocks deposits, 131 (the deposit ' +
      'stays Pending).',
  })
  @ApiBody({ type: FrontEndDepositRequestDto, examples: SEED_REQUESTS.deposit })
  @ApiOkResponse({ examples: FRONT_END_ANSWERS.deposit })
  async deposit(
    @PlayerSession() session: CoreSession,
    @Body() body: FrontEndDepositRequestDto,
  ): Promise<MaxBridgeAnswer<WithdrawDataDto>> {
    if (userIdOf(body.user_id) !== session.userId) {
      throw new MaxBridgeError(MaxBridgeCode.ACCESS_DENIED);
    }
    const credit = await this.deposits.credit(
      body.reservation_id.toLowerCase(),
      session.userId,
      'front-end',
    );
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      sis_transaction_id: credit.ledgerEntryId,
      provider_transaction_id: credit.deposit.reference,
      core_transaction_id: credit.coreTransactionId,
    });
  }
}
