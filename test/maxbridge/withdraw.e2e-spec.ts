import { randomBytes } from 'node:crypto';
import { SqlDatabase } from '../../src/database/sql-database';
import { createWalletUser, signedPost, walletState } from '../support/maxbridge';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

const CORE_TX = /^[0-9a-f]{16}$/;
const newTransactionId = () => `rt-${randomBytes(8).toString('hex')}`;

/** `POST /api/payment/withdraw` (seed 003): money out at a cash desk, once, never below zero. */
describe('MaxBridge withdraw', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const withdraw = (body: object | string) => signedPost(t, '/api/payment/withdraw', body);
  const request = (userId: number, overrides: object = {}) => ({
    user_id: userId,
    amount: 1500,
    currency: 'EUR',
    service_id: 7,
    ip: '203.0.113.7',
    lang: 'en',
    fee: 100,
    transaction_id: newTransactionId(),
    ...overrides,
  });

  it('debits the amount with one ledger row and answers the three transaction ids', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const body = request(userId);

    const answer = await withdraw(body);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: 10,
      message: 'success',
      data: {
        sis_transaction_id: expect.any(Number),
        provider_transaction_id: body.transaction_id,
        core_transaction_id: expect.stringMatching(CORE_TX),
      },
    });
    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 3500 });
    expect(state.ledgerSums).toEqual({ EUR: 3500 });
    expect(state.ledger).toHaveLength(2); // the opening balance, then the withdrawal
    expect(state.ledger[1]).toEqual({
      id: answer.body.data.sis_transaction_id,
      account_id: state.ledger[0].account_id,
      type: 'withdraw',
      amount: -1500,
      fee: 100,
      currency: 'EUR',
      balance_after: 3500,
      provider_transaction_id: body.transaction_id,
      core_transaction_id: answer.body.data.core_transaction_id,
      service_id: 7,
      client_ip: '203.0.113.7',
      language: 'en',
    });
  });

  it('takes the whole balance, a fee left out or null, a currency in lower case and a numeric transaction id', async () => {
    const userId = await createWalletUser(t, { balance: 2000 });
    const numericId = Number.parseInt(randomBytes(5).toString('hex'), 16);
    const answer = await withdraw(
      request(userId, { amount: 2000, fee: null, currency: 'eur', transaction_id: numericId }),
    );
    expect(answer.body).toMatchObject({
      code: 10,
      data: { provider_transaction_id: String(numericId) },
    });
    const { fee: _fee, ip: _ip, lang: _lang, ...minimal } = request(userId, { amount: 100 });
    expect((await withdraw(minimal)).body.code).toBe(154);
    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 0 });
    expect(state.ledger[1]).toMatchObject({ fee: null, currency: 'EUR', balance_after: 0 });
  });

  it('answers 151 for a transaction id used before, and debits nothing the second time', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const body = request(userId, { amount: 1000 });
    expect((await withdraw(body)).body.code).toBe(10);
    const again = await withdraw(body);
    expect(again).toMatchObject({
      status: 200,
      body: { code: 151, message: 'DUPLICATED_PROVIDERS_TRANSACTIONID' },
    });
    // Even by another user: a retail transaction id is spent once, whoever it was for.
    const other = await createWalletUser(t, { balance: 5000 });
    expect(
      (await withdraw(request(other, { transaction_id: body.transaction_id }))).body.code,
    ).toBe(151);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 4000 });
    expect((await walletState(t, other)).balances).toEqual({ EUR: 5000 });
  });

  it.each([
    ['the user was blocked', 'user_status_id = 3'],
    ['the user’s limits were lowered', 'transaction_max_limit = 500'],
  ])('answers a retry 151 when %s after the withdrawal was carried out', async (_, change) => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const body = request(userId, { amount: 1000 });
    expect((await withdraw(body)).body.code).toBe(10);
    await t.app
      .get(SqlDatabase)
      .transaction((s) => s.execute(`UPDATE wallet_users SET ${change} WHERE id = ?`, [userId]));
    expect((await withdraw(body)).body).toEqual({
      code: 151,
      message: 'DUPLICATED_PROVIDERS_TRANSACTIONID',
    });
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 4000 });
  });

  it('counts a transaction id in characters, as the database does: 64 emoji are 64, not 128', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const id = `${'😀'.repeat(56)}${randomBytes(4).toString('hex')}`;
    const answer = await withdraw(request(userId, { amount: 100, transaction_id: id }));
    expect(answer.body).toMatchObject({ code: 10, data: { provider_transaction_id: id } });
    expect((await withdraw(request(userId, { transaction_id: `😀${id}` }))).body).toMatchObject({
      code: 99,
    });
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 4900 });
  });

  describe('refusals: the seed code, HTTP 200, nothing written', () => {
    let userId: number;
    let before: Awaited<ReturnType<typeof walletState>>;

    beforeAll(async () => {
      userId = await createWalletUser(t, { balance: 5000, minLimit: 200, maxLimit: 4000 });
      await t.app
        .get(SqlDatabase)
        .transaction((s) =>
          s.execute(
            'INSERT INTO wallet_accounts (user_id, currency, balance, created_at, updated_at) VALUES (?, ?, 0, ?, ?)',
            [userId, 'USD', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000'],
          ),
        );
      before = await walletState(t, userId);
    });

    afterEach(async () => {
      expect(await walletState(t, userId)).toEqual(before);
    });

    const refusal = (code: number, message: string) => ({ code, message });

    it.each([
      ['an unknown user', { user_id: 2147483000 }, refusal(125, 'USER_NOT_FOUND')],
      ['no account in the currency', { currency: 'BAM' }, refusal(146, 'USERS_ACCOUNTS_NOT_FOUND')],
      ['an unknown currency', { currency: 'EURS' }, refusal(145, 'CURRENCY_NOT_FOUND')],
      ['an unknown three-letter currency', { currency: 'XYZ' }, refusal(145, 'CURRENCY_NOT_FOUND')],
      ['a zero amount', { amount: 0 }, refusal(144, 'MUST_BE_MORE_THAN_ZERO')],
      ['a negative amount', { amount: -500 }, refusal(143, 'CAN_NOT_BE_NEGATIVE')],
      ['a negative fee', { fee: -1 }, refusal(143, 'CAN_NOT_BE_NEGATIVE')],
      ['a fee of 0', { fee: 0 }, refusal(214, 'TX_FEE_MUST_BE_NULL_OR_MORE_THAN_ZERO')],
      [
        'a fee above the amount',
        { amount: 500, fee: 501 },
        refusal(251, 'FEE_EXCEEDS_TRANSACTION_AMOUNT'),
      ],
      [
        'an amount under the min limit',
        { amount: 199, fee: null },
        refusal(153, 'TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH'),
      ],
      [
        'an amount over the max limit',
        { amount: 4001 },
        refusal(153, 'TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH'),
      ],
      [
        'an amount over the balance of the account',
        { currency: 'USD', amount: 300 },
        refusal(154, 'INSUFFICIENT_FUNDS'),
      ],
    ])('%s', async (_case, overrides, expected) => {
      const answer = await withdraw(request(userId, overrides));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expected);
    });

    const wrongRequest = (fields: Record<string, string>) => ({
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields },
    });
    const AMOUNT = 'amount must be an integer number of cents, at most 9007199254740991';
    const TRANSACTION_ID =
      'transaction_id must be a text of 1 to 64 characters, without spaces at either end';

    it.each([
      ['the amount as a string', { amount: '1500' }, wrongRequest({ amount: AMOUNT })],
      ['a fractional amount', { amount: 15.5 }, wrongRequest({ amount: AMOUNT })],
      ['an amount beyond 2^53', { amount: 2 ** 53 }, wrongRequest({ amount: AMOUNT })],
      ['an amount of 1e300', { amount: 1e300 }, wrongRequest({ amount: AMOUNT })],
      [
        'the fee as a string',
        { fee: '100' },
        wrongRequest({ fee: AMOUNT.replace('amount', 'fee') }),
      ],
      [
        'user_id as a string',
        { user_id: '5' },
        wrongRequest({ user_id: 'user_id must be a positive integer of at most 2147483647' }),
      ],
      [
        'service_id as a string',
        { service_id: '7' },
        wrongRequest({ service_id: 'service_id must be a positive integer of at most 2147483647' }),
      ],
      [
        'a service_id past its int column (2^31)',
        { service_id: 2147483648 },
        wrongRequest({ service_id: 'service_id must be a positive integer of at most 2147483647' }),
      ],
      [
        'a user_id past its int column',
        { user_id: 9007199254740991 },
        wrongRequest({ user_id: 'user_id must be a positive integer of at most 2147483647' }),
      ],
      [
        'currency as a number',
        { currency: 978 },
        wrongRequest({ currency: 'currency must be a text of 1 to 8 characters' }),
      ],
      [
        'a malformed IP',
        { ip: '999.1.1.1' },
        wrongRequest({ ip: 'ip must be an IPv4 or IPv6 address' }),
      ],
      [
        'a malformed language',
        { lang: 'english please' },
        wrongRequest({ lang: 'lang must be a language tag such as "en" or "pt-BR"' }),
      ],
      [
        'an empty transaction id',
        { transaction_id: ' ' },
        wrongRequest({ transaction_id: TRANSACTION_ID }),
      ],
      [
        'a transaction id of 65 characters',
        { transaction_id: 'x'.repeat(65) },
        wrongRequest({ transaction_id: TRANSACTION_ID }),
      ],
      [
        'a transaction id with a trailing space (MariaDB would take it for another one)',
        { transaction_id: 'desk-42-000017 ' },
        wrongRequest({ transaction_id: TRANSACTION_ID }),
      ],
      [
        'a transaction id that is an object',
        { transaction_id: { id: 1 } },
        wrongRequest({ transaction_id: TRANSACTION_ID }),
      ],
      [
        'a transaction id with a lone surrogate (MariaDB would store it as U+FFFD, as another one)',
        { transaction_id: 'desk-42-\ud800' },
        wrongRequest({
          transaction_id: 'transaction_id must be well-formed Unicode text (no lone surrogate)',
        }),
      ],
    ])('%s: 99 WRONG_REQUEST naming the field', async (_case, overrides, expected) => {
      expect((await withdraw(request(userId, overrides))).body).toEqual(expected);
    });

    it('an amount beyond 2^53 written as digits (precision lost in parsing): 99', async () => {
      const text = JSON.stringify(request(userId)).replace(
        '"amount":1500',
        '"amount":9007199254740993',
      );
      expect((await withdraw(text)).body).toEqual(wrongRequest({ amount: AMOUNT }));
    });

    it('missing fields: 112 MISSING_PARAMETERS naming every missing field', async () => {
      expect((await withdraw({ user_id: userId, amount: 100 })).body).toEqual({
        code: 112,
        message: 'MISSING_PARAMETERS',
        data: {
          fields: {
            currency: 'currency is required',
            service_id: 'service_id is required',
            transaction_id: 'transaction_id is required',
          },
        },
      });
    });

    it('a body that is not JSON, or not an object: 99', async () => {
      expect((await withdraw('{"user_id":1,')).body).toEqual(
        wrongRequest({ body: 'The body must be valid JSON' }),
      );
      expect((await withdraw('"withdraw"')).body).toEqual(
        wrongRequest({ body: 'The body must be a JSON object' }),
      );
    });
  });

  it.each([
    [3, 'Full Block'],
    [5, 'Withdraw Blocked'],
  ])(
    'refuses a user with status %i (%s): 131 ACCOUNT_IS_BLOCKED, nothing written',
    async (statusId) => {
      const userId = await createWalletUser(t, { balance: 5000, statusId });
      const before = await walletState(t, userId);
      expect((await withdraw(request(userId))).body).toEqual({
        code: 131,
        message: 'ACCOUNT_IS_BLOCKED',
      });
      expect(await walletState(t, userId)).toEqual(before);
    },
  );

  it.each([
    [1, 'Registered'],
    [2, 'Verified'],
    [4, 'Game Block'],
    [6, 'VIP'],
  ])('lets a user with status %i (%s) withdraw', async (statusId) => {
    const userId = await createWalletUser(t, { balance: 5000, statusId });
    expect((await withdraw(request(userId))).body.code).toBe(10);
  });

  it('never lets concurrent withdrawals take more than the balance, nor a transaction id twice', async () => {
    // 1000 withdrawals of 1 unit on MySQL/MariaDB, 200 on SQLite; 10 units in the wallet; one in
    // ten reuses the transaction id of an earlier request.
    const total = dialectUnderTest() === 'mysql' ? 1000 : 200;
    const userId = await createWalletUser(t, { balance: 1000 });
    const ids = Array.from({ length: total }, (_, i) =>
      i % 10 === 9 ? `dup-${userId}-${i - 9}` : `dup-${userId}-${i}`,
    );

    const answers = await Promise.all(
      ids.map((id) => withdraw(request(userId, { amount: 100, fee: null, transaction_id: id }))),
    );

    const byCode = new Map<number, number>();
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      byCode.set(body.code, (byCode.get(body.code) ?? 0) + 1);
    }
    expect(byCode.get(10)).toBe(10);
    expect([...byCode.keys()].filter((code) => ![10, 151, 154].includes(code))).toEqual([]);
    expect((byCode.get(151) ?? 0) + (byCode.get(154) ?? 0)).toBe(total - 10);

    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 0 });
    expect(state.ledgerSums).toEqual({ EUR: 0 });
    const withdrawals = state.ledger.filter((row) => row.type === 'withdraw');
    expect(withdrawals).toHaveLength(10);
    expect(new Set(withdrawals.map((row) => row.provider_transaction_id)).size).toBe(10);
    expect(withdrawals.map((row) => row.balance_after).sort((a, b) => a - b)).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ]);
    const succeeded = answers
      .filter((a) => a.body.code === 10)
      .map((a) => a.body.data.provider_transaction_id as string)
      .sort();
    expect(withdrawals.map((row) => row.provider_transaction_id).sort()).toEqual(succeeded);
  }, 60_000);
});
