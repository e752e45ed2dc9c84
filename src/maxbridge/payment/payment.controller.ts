import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeApi } from '../maxbridge-api.decorator';
import { maxBridgeAnswer, type MaxBridgeAnswer } from '../maxbridge.wire';
import { CashOutService } from '../cash-desk/cash-out.service';
import { WalletService } from '../wallet/wallet.service';
import { GetUserInfoRequestDto } from './dto/get-user-info.request';
import { UserInfoAnswerDto, type UserInfoDataDto } from './dto/user-info.answer';
import { WithdrawAnswerDto, type WithdrawDataDto } from './dto/withdraw.answer';
import { WithdrawRequestDto } from './dto/withdraw.request';
import { USER_INFO_ANSWERS, WITHDRAW_ANSWERS } from './payment.examples';
import { toUserInfoData } from './user-info.mapper';

/** The cash desk's calls into the wallet (seed 003, "MaxBridge Service"). */
@MaxBridgeApi()
@ApiInternalServerErrorResponse({
  description: 'A failure of ours; nothing was written. Quote `error_id` to support.',
  example: maxBridgeAnswer(MaxBridgeCode.SERVER_ERROR, { error_id: 'err_5f0c2a9d13b7e4a1' }),
})
@ApiServiceUnavailableResponse({
  description:
    'The database is out of reach for a moment: code 268 with HTTP 503; retry after `Retry-After` ' +
    'seconds with a new `Nonce` (a `providerTransactionID` already paid is answered as a duplicate, ' +
    'never paid twice).',
  headers: {
    'Retry-After': {
      description: 'Seconds to wait before retrying',
      schema: { type: 'integer', example: 5 },
    },
  },
  example: maxBridgeAnswer(MaxBridgeCode.SERVER_ERROR, { error_id: 'err_5f0c2a9d13b7e4a1' }),
})
@Controller('api/payment')
export class PaymentController {
  constructor(
    private readonly wallet: WalletService,
    private readonly cashOut: CashOutService,
  ) {}

  @Post('get-user-info')
  @HttpCode(200)
  @ApiOperation({
    summary: "A user's info and identity documents",
    description:
      "Fetches the user's info and documents from the core for the cash desk operator. `balance` " +
      'and `currency` are those of the account in the preferred currency (ISO 4217 numeric ' +
      '`preferredCurrencyID`); limits and balance are in cents.',
  })
  @ApiOkResponse({ type: UserInfoAnswerDto, examples: USER_INFO_ANSWERS })
  async getUserInfo(
    @Body() body: GetUserInfoRequestDto,
  ): Promise<MaxBridgeAnswer<UserInfoDataDto>> {
    const user = await this.wallet.userInfo(body.user_id);
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, toUserInfoData(user));
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: "Withdraws an amount from the user's balance",
    description:
      "Pays cash out at a retail desk: debits `amount` (fee included) from the user's account in " +
      '`currency`, with its ledger row, in one transaction, once per `transaction_id`. The balance ' +
      'never goes below zero, whatever the concurrency; a refused withdrawal writes nothing. When ' +
      'the user has an open withdraw reservation of the same currency and amount (`amount` minus ' +
      '`fee`), the withdrawal pays it (status Paid) in the same transaction, and its desk becomes ' +
      "the user's default one if they had none.",
  })
  @ApiOkResponse({ type: WithdrawAnswerDto, examples: WITHDRAW_ANSWERS })
  async withdraw(@Body() body: WithdrawRequestDto): Promise<MaxBridgeAnswer<WithdrawDataDto>> {
    const receipt = await this.cashOut.withdraw({
      userId: body.user_id,
      amount: body.amount,
      currency: body.currency.trim().toUpperCase(),
      serviceId: body.service_id,
      ip: body.ip ?? null,
      lang: body.lang ?? null,
      fee: body.fee ?? null,
      transactionId: body.transaction_id,
    });
    return maxBridgeAnswer(MaxBridgeCode.STATUS_SUCCESS, {
      sis_transaction_id: receipt.sisTransactionId,
      provider_transaction_id: receipt.providerTransactionId,
      core_transaction_id: receipt.coreTransactionId,
    });
  }
}
