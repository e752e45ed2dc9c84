import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { SEED_REQUESTS } from '../cash-desk.examples';
import { MaxBridgeCode } from '../../maxbridge-code';
import { MaxBridgeApi } from '../../maxbridge-api.decorator';
import { MaxBridgeError } from '../../maxbridge.error';
import { maxBridgeAnswer, type MaxBridgeAnswer } from '../../maxbridge.wire';
import { userIdOf } from '../dto/cash-desk.rules';
import { CreateReservationRequestDto } from '../dto/core.requests';
import { ReservationsService } from '../reservations/reservations.service';
import { CORE_RESERVATION_ANSWERS } from './core.examples';

/** The core's reservation of a withdrawal at a cash desk (seed 003), signed by nonce and hash. */
@MaxBridgeApi()
@Controller('api/v1/transactions')
export class CoreReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post('create-reservation')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reserves a withdrawal at a cash desk',
    description:
      'The same rules as the retail lockless create, answered in codes: `data.code` is the ' +
      'numeric pickup code, `data.id` the reservation GUID. An open reservation already: 200 ' +
      "STATUS_ITEM_EXISTS with that one's `code` and `id`; unknown desk: 400; balance too low: " +
      '154; no account in the currency: 146; status blocking withdrawals: 131; unknown user: 125.',
  })
  @ApiBody({ type: CreateReservationRequestDto, examples: SEED_REQUESTS.coreReservation })
  @ApiOkResponse({ examples: CORE_RESERVATION_ANSWERS })
  async create(
    @Body() body: CreateReservationRequestDto,
  ): Promise<MaxBridgeAnswer<{ code: string; id: string }>> {
    if (body.amount < 0) throw new MaxBridgeError(MaxBridgeCode.CAN_NOT_BE_NEGATIVE);
    if (body.amount === 0) throw new MaxBridgeError(MaxBridgeCode.MUST_BE_MORE_THAN_ZERO);
    const reservation = await this.reservations.create({
      userId: userIdOf(body.userId)!,
      amount: body.amount,
      currency: body.currency,
      locationId: body.locationId.toLowerCase(),
      via: 'core',
    });
    return maxBridgeAnswer(
      MaxBridgeCode.STATUS_SUCCESS,
      { code: reservation.code, id: reservation.id },
      'Success',
    );
  }
}
