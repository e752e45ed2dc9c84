import { MaxBridgeCode } from '../maxbridge-code';
import { BlockType } from './user-statuses';
import { requestProblem, targetProblem, type WithdrawalRequest } from './withdrawal.rules';

const request = (overrides: Partial<WithdrawalRequest> = {}): WithdrawalRequest => ({
  userId: 1,
  amount: 1000,
  currency: 'EUR',
  serviceId: 1,
  ip: null,
  lang: null,
  fee: null,
  transactionId: 't-1',
  ...overrides,
});

describe('withdrawal rules', () => {
  it.each([
    [{}, null],
    [{ currency: 'XXX' }, MaxBridgeCode.CURRENCY_NOT_FOUND],
    [{ currency: 'EURS' }, MaxBridgeCode.CURRENCY_NOT_FOUND],
    [{ amount: -1 }, MaxBridgeCode.CAN_NOT_BE_NEGATIVE],
    [{ amount: 0 }, MaxBridgeCode.MUST_BE_MORE_THAN_ZERO],
    [{ fee: -1 }, MaxBridgeCode.CAN_NOT_BE_NEGATIVE],
    [{ fee: 0 }, MaxBridgeCode.TX_FEE_MUST_BE_NULL_OR_MORE_THAN_ZERO],
    [{ fee: 1001 }, MaxBridgeCode.FEE_EXCEEDS_TRANSACTION_AMOUNT],
    [{ fee: 1000 }, null],
    [{ amount: 0, fee: 0 }, MaxBridgeCode.MUST_BE_MORE_THAN_ZERO],
  ])('request %j: %s', (overrides, expected) => {
    expect(requestProblem(request(overrides))).toBe(expected);
  });

  const target = {
    blockType: null,
    minLimit: 100,
    maxLimit: 5000,
    accountId: 7,
    transactionIdUsed: false,
  };

  it.each([
    [target, 1000, null],
    [null, 1000, MaxBridgeCode.ACCOUNT_NOT_FOUND],
    [{ ...target, blockType: BlockType.FullBlock }, 1000, MaxBridgeCode.ACCOUNT_IS_BLOCKED],
    [{ ...target, blockType: BlockType.TransactionBlock }, 1000, MaxBridgeCode.ACCOUNT_IS_BLOCKED],
    [{ ...target, blockType: BlockType.GameBlock }, 1000, null],
    [{ ...target, accountId: null }, 1000, MaxBridgeCode.USERS_ACCOUNTS_NOT_FOUND],
    [
      { ...target, blockType: BlockType.FullBlock, accountId: null },
      1000,
      MaxBridgeCode.ACCOUNT_IS_BLOCKED,
    ],
    [target, 99, MaxBridgeCode.TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH],
    [target, 100, null],
    [target, 5000, null],
    [target, 5001, MaxBridgeCode.TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH],
    [
      { ...target, transactionIdUsed: true },
      1000,
      MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID,
    ],
    // A retry of a withdrawal carried out is told so, whatever changed since.
    [
      { ...target, transactionIdUsed: true },
      5001,
      MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID,
    ],
    [
      { ...target, transactionIdUsed: true, blockType: BlockType.FullBlock },
      1000,
      MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID,
    ],
  ])('target %j, amount %i: %s', (t, amount, expected) => {
    expect(targetProblem(t, amount)).toBe(expected);
  });
});
