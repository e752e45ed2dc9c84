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
import {
  ssbtDetailsView,
  ssbtTransactionView,
  type SsbtDetailsView,
  type SsbtTransactionView,
} from '../cash-desk.views';
import { userIdOf } from '../dto/cash-desk.rules';
import {
  SsbtCommitRequestDto,
  SsbtCreateRequestDto,
  SsbtDepositQueryDto,
} from '../dto/ssbt.requests';
import { SsbtDepositsService } from '../ssbt/ssbt-deposits.service';
import { RetailApi } from './retail-api.decorator';

/** Deposits at self-service betting terminals (seed 003, "SSBT deposit"). */
@RetailApi()
@ApiUnauthorizedResponse({ examples: RETAIL_ANSWERS.unauthorized })
@Controller('api/ssbt-deposit')
export class SsbtDepositsController {
  constructor(private readonly deposits: SsbtDepositsService) {}

  @Post('create')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A terminal opens a deposit (not in the seed)',
    description:
      'The cash is in the terminal: the deposit waits, Pending, for the retail commit or the ' +
      "player's deposit from the front end, either of which credits the wallet once. Idempotent on " +
      '`reference`: the same facts again answer the same deposit; other facts, 409.',
  })
  @ApiOkResponse({ examples: { opened: RETAIL_ANSWERS.ssbtTransaction.opened } })
  @ApiBadRequestResponse({ examples: RETAIL_ANSWERS.missingField })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({
    description:
      'The reference was used for another deposit (its `id`), or the user’s status blocks deposits ' +
      '(Full Block, Transaction Block)',
  })
  async create(@Body() body: SsbtCreateRequestDto): Promise<SsbtTransactionView> {
    const deposit = await this.deposits.open({
      userId: userIdOf(body.userId)!,
      amount: body.amount,
      currency: body.currency,
      deviceId: body.deviceId,
      reference: body.reference,
    });
    return ssbtTransactionView(deposit);
  }

  @Get('details')
  @ApiOperation({
    summary: 'An SSBT deposit',
    description: '400 for an id that is not a GUID, 404 for an unknown one.',
  })
  @ApiOkResponse({ examples: RETAIL_ANSWERS.ssbtDetails })
  @ApiBadRequestResponse({ examples: RETAIL_ANSWERS.malformedId })
  @ApiNotFoundResponse({ description: 'No such deposit (seed example)' })
  async details(@Query() query: SsbtDepositQueryDto): Promise<SsbtDetailsView> {
    return ssbtDetailsView(await this.deposits.get(query.reservationId.toLowerCase()));
  }

  @Post('commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Credits a Pending deposit to the wallet',
    description:
      'Once: the move to Success and the ledger row commit together. A deposit already credited ' +
      "(here or by the front end's deposit) or rejected answers 409 and credits nothing; another " +
      "user's, 404.",
  })
  @ApiBody({ type: SsbtCommitRequestDto, examples: SEED_REQUESTS.ssbtCommit })
  @ApiOkResponse({ examples: { committed: RETAIL_ANSWERS.ssbtTransaction.committed } })
  @ApiBadRequestResponse({ description: 'A missing field, or an id that is not a GUID' })
  @ApiNotFoundResponse({ description: 'No such deposit for this user' })
  @ApiConflictResponse({
    description:
      'Not Pending any more (credited before, or rejected), or the user’s status blocks deposits ' +
      'now: it stays Pending, to reject',
  })
  async commit(@Body() body: SsbtCommitRequestDto): Promise<SsbtTransactionView> {
    const credit = await this.deposits.credit(
      body.reservationId.toLowerCase(),
      userIdOf(body.userId)!,
      'retail',
    );
    return ssbtTransactionView(credit.deposit);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rejects a Pending deposit',
    description: 'Only from Pending: otherwise 409, and nothing changes.',
  })
  @ApiOkResponse({ examples: { rejected: RETAIL_ANSWERS.ssbtTransaction.rejected } })
  @ApiBadRequestResponse({ description: 'An id that is not a GUID' })
  @ApiNotFoundResponse({ description: 'No such deposit' })
  @ApiConflictResponse({ description: 'Not Pending any more' })
  async reject(@Query() query: SsbtDepositQueryDto): Promise<SsbtTransactionView> {
    return ssbtTransactionView(await this.deposits.reject(query.reservationId.toLowerCase()));
  }
}
