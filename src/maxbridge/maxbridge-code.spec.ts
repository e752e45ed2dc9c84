import {
  MAXBRIDGE_CODE_DESCRIPTIONS,
  MAXBRIDGE_CODES,
  MaxBridgeCode,
  messageOf,
} from './maxbridge-code';

describe('the MaxBridge code table', () => {
  it("holds the seed's 170 rows in order, from 10 STATUS_SUCCESS to 500, each described", () => {
    expect(MAXBRIDGE_CODES).toHaveLength(170);
    expect(MAXBRIDGE_CODES[0]).toBe(10);
    expect(MAXBRIDGE_CODES[MAXBRIDGE_CODES.length - 1]).toBe(500);
    expect([...MAXBRIDGE_CODES].sort((a, b) => a - b)).toEqual(MAXBRIDGE_CODES);
    for (const code of MAXBRIDGE_CODES) expect(MAXBRIDGE_CODE_DESCRIPTIONS[code]).toBeTruthy();
  });

  it('keeps the names exactly as the seed writes them, typos included', () => {
    expect(
      [
        99, 112, 125, 131, 138, 139, 143, 144, 145, 146, 151, 153, 154, 214, 251, 222, 260, 268,
        400,
      ].map((code) => `${code} ${MaxBridgeCode[code]}`),
    ).toEqual([
      '99 WRONG_REQUEST',
      '112 MISSING_PARAMETERS',
      '125 ACCOUNT_NOT_FOUND',
      '131 ACCOUNT_IS_BLOCKED',
      '138 ACCESS_DENIED',
      '139 WRONG_HASH',
      '143 CAN_NOT_BE_NEGATIVE',
      '144 MUST_BE_MORE_THAN_ZERO',
      '145 CURRENCY_NOT_FOUND',
      '146 USERS_ACCOUNTS_NOT_FOUND',
      '151 DUPLICATED_PROVIDERS_TRANSACTIONID',
      '153 TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH',
      '154 INSUFFICIENT_FUNDS',
      '214 TX_FEE_MUST_BE_NULL_OR_MORE_THAN_ZERO',
      '251 FEE_EXCEEDS_TRANSACTION_AMOUNT',
      '222 USER_HAS_ACTIVE_LIMIT_IN_DIFFERENT_CURRECNY',
      '260 ALTERATION_NOT_ALLOWD',
      '268 SERVER_ERROR',
      '400 STATUS_ITEM_DOES_NOT_EXISTS',
    ]);
    // Codes the seed skips stay absent.
    for (const absent of [160, 169, 263, 264, 269, 276, 286])
      expect(MaxBridgeCode[absent]).toBeUndefined();
  });

  it("answers with the table's name, except where the seed's examples say otherwise", () => {
    expect(messageOf(MaxBridgeCode.INSUFFICIENT_FUNDS)).toBe('INSUFFICIENT_FUNDS');
    expect(messageOf(MaxBridgeCode.WRONG_HASH)).toBe('WRONG_HASH');
    expect(messageOf(MaxBridgeCode.STATUS_SUCCESS)).toBe('success');
    expect(messageOf(MaxBridgeCode.ACCOUNT_NOT_FOUND)).toBe('USER_NOT_FOUND');
  });
});
