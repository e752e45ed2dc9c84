import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { SqlDatabase } from '../../src/database/sql-database';
import {
  createLocation,
  createRetailKey,
  createWalletUser,
  retailCall,
  SEED_OPEN_HOURS,
  signedPost,
  walletState,
} from '../support/maxbridge';
import { startTestApp, type TestApp } from '../support/test-app';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * The retail system's routes of seed 003 (`Authorization: <key>`, plain statuses): cash desks,
 * lockless withdraw reservations, and the withdrawal that pays one.
 */
describe('MaxBridge cash desks and withdraw reservations', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp();
    key = await createRetailKey(t);
  });
  afterAll(() => t.close());

  const get = (path: string) => retailCall(t, key, 'GET', path);
  const post = (path: string, body?: object | string) => retailCall(t, key, 'POST', path, body);
  const reserve = (body: object | string) => post('/api/lockless-reservation/create', body);
  const reservation = (userId: number, locationId: string, overrides: object = {}) => ({
    locationId,
    currency: 'EUR',
    amount: 1000,
    balance: 5000,
    userId,
    ...overrides,
  });
  const withdraw = (userId: number, amount: number, fee: number | null) =>
    signedPost(t, '/api/payment/withdraw', {
      user_id: userId,
      amount,
      currency: 'EUR',
      service_id: 7,
      fee,
      transaction_id: `rt-${randomBytes(8).toString('hex')}`,
    });

  it('lists every cash desk in the seed’s shape', async () => {
    const desk = await createLocation(t, { name: 'Plateau', description: 'Dakar centre' });

    const answer = await get('/api/v1/get-locations?UserId=12345');

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['retails']);
    expect(answer.body.retails).toContainEqual({
      id: desk.id,
      name: 'Plateau',
      description: 'Dakar centre',
      lat: 14.6937,
      long: -17.4441,
      open_hours: SEED_OPEN_HOURS,
    });
  });

  it('refuses a missing or unknown key with 401, and bad input with 400, before any write', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const desk = await createLocation(t);
    const unauthorized = {
      code: 'UNAUTHORIZED',
      message: 'A valid retail API key is required in Authorization',
    };
    for (const k of [null, '', 'rk_not-a-key']) {
      const answer = await retailCall(t, k, 'GET', '/api/v1/get-locations');
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 401,
        body: unauthorized,
      });
    }
    expect(
      (
        await retailCall(
          t,
          null,
          'POST',
          '/api/lockless-reservation/create',
          reservation(userId, desk.id),
        )
      ).status,
    ).toBe(401);

    const { currency: _currency, userId: _userId, ...seedMissing } = reservation(userId, desk.id);
    const missing = await reserve(seedMissing);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'currency is required; userId is required',
    });
    const bad = [
      [
        { locationId: 'not-a-guid' },
        'locationId must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6',
      ],
      [{ currency: 'EURS' }, 'currency must be an ISO 4217 currency code such as EUR'],
      [{ amount: 0 }, 'amount must be a positive integer number of cents'],
      [{ amount: 10.5 }, 'amount must be a positive integer number of cents'],
      [{ userId: -4 }, 'userId must be a positive integer of at most 2147483647'],
    ] as const;
    for (const [change, message] of bad) {
      const answer = await reserve(reservation(userId, desk.id, change));
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 400,
        body: { code: 'INVALID_REQUEST', message },
      });
    }
    expect((await reserve('{"userId":')).body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'The body must be valid JSON',
    });
    const gzipped = await fetch(`${t.url}/api/lockless-reservation/create`, {
      method: 'POST',
      headers: {
        authorization: key,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync(JSON.stringify(reservation(userId, desk.id))),
    });
    expect({ status: gzipped.status, body: await gzipped.json() }).toEqual({
      status: 415,
      body: {
        code: 'INVALID_REQUEST',
        message: 'Content-Encoding gzip is not supported: send the body uncompressed',
      },
    });
    expect((await get('/api/v1/get-reservation')).status).toBe(400);
    expect((await post('/api/lockless-reservation/preferred-branch', {})).status).toBe(400);
    expect((await get(`/api/v1/get-reservation?user_id=${userId}`)).status).toBe(404);
  });

  it('reserves once per user: the reservation reads as the seed’s, a second answers 409 with the open one', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const desk = await createLocation(t, { description: 'desc' });

    const created = await reserve(reservation(userId, desk.id.toUpperCase()));
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ code: 'RESERVED', id: expect.stringMatching(GUID) });

    const read = await get(`/api/v1/get-reservation?user_id=${userId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: created.body.id,
      amount: 1000,
      confirmationPin: expect.stringMatching(/^\d{6}$/),
      fee: 0,
      location: { id: desk.id, name: desk.name, description: 'desc' },
      createDate: expect.stringMatching(ISO),
      expirationDate: expect.stringMatching(ISO),
      status: 'Approved',
      description: null,
      user_id: userId,
    });
    const lifetime = Date.parse(read.body.expirationDate) - Date.parse(read.body.createDate);
    expect(lifetime).toBe(24 * 3600 * 1000);

    const again = await reserve(reservation(userId, desk.id, { amount: 500 }));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      code: 'RESERVED',
      message: 'The user already has an open reservation',
      id: created.body.id,
    });
    // Reserving moves no money: the wallet is as it was.
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 5000 });
  });

  it("checks the wallet's own balance, not the one it is sent, and knows users and desks", async () => {
    const userId = await createWalletUser(t, { balance: 900 });
    const desk = await createLocation(t);

    const short = await reserve(reservation(userId, desk.id, { balance: 1_000_000 }));
    expect({ status: short.status, body: short.body }).toEqual({
      status: 409,
      body: { code: 'INSUFFICIENT_FUNDS', message: 'The balance does not cover the amount' },
    });
    const noAccount = await reserve(reservation(userId, desk.id, { currency: 'XOF' }));
    expect(noAccount.body).toEqual({
      code: 'INSUFFICIENT_FUNDS',
      message: 'The user has no account in XOF',
    });
    const unknownDesk = await reserve(
      reservation(userId, '3fa85f64-5717-4562-b3fc-2c963f66afa6', { amount: 100 }),
    );
    expect({ status: unknownDesk.status, body: unknownDesk.body }).toEqual({
      status: 404,
      body: {
        code: 'NOT_FOUND',
        message: 'Location 3fa85f64-5717-4562-b3fc-2c963f66afa6 does not exist',
      },
    });
    const unknownUser = await reserve(reservation(2_000_000_000, desk.id));
    expect(unknownUser.status).toBe(404);
    const limited = await createWalletUser(t, { balance: 50_000, minLimit: 500, maxLimit: 20_000 });
    for (const amount of [499, 20_001]) {
      expect((await reserve(reservation(limited, desk.id, { amount }))).body).toEqual({
        code: 'CONFLICT',
        message: "The amount is outside the user's limits per transaction (500 to 20000 cents)",
      });
      expect(
        (
          await signedPost(t, '/api/v1/transactions/create-reservation', {
            userId: limited,
            amount,
            currency: 'EUR',
            locationId: desk.id,
          })
        ).body,
      ).toEqual({ code: 153, message: 'TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH' });
    }
    const blocked = await createWalletUser(t, { balance: 5000, statusId: 5 });
    expect((await reserve(reservation(blocked, desk.id))).body).toEqual({
      code: 'CONFLICT',
      message: "The user's status blocks withdrawals",
    });
    const rows = await t.app
      .get(SqlDatabase)
      .select('SELECT id FROM maxbridge_reservations WHERE user_id IN (?, ?, ?)', [
        userId,
        blocked,
        limited,
      ]);
    expect(rows).toEqual([]);
  });

  it('a matching withdrawal pays the reservation and sets the default desk; preferred-branch follows', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const first = await createLocation(t);
    const second = await createLocation(t);

    const branches = await post('/api/lockless-reservation/preferred-branch', { userId });
    expect(branches.status).toBe(200);
    expect(branches.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: first.id })]),
    );

    const created = await reserve(reservation(userId, first.id, { amount: 1000 }));
    // A withdrawal that does not match (another amount) leaves the reservation open.
    expect((await withdraw(userId, 700, null)).body.code).toBe(10);
    expect((await get(`/api/v1/get-reservation?user_id=${userId}`)).body.status).toBe('Approved');

    // 1100 with a fee of 100: 1000 without the fee, as reserved.
    const paying = await withdraw(userId, 1100, 100);
    expect(paying.body.code).toBe(10);
    expect((await get(`/api/v1/get-reservation?user_id=${userId}`)).status).toBe(404);
    const [paid] = await t.app.get(SqlDatabase).select<{
      status: string;
      fee: string | number;
      ledger_entry_id: string | number;
      open_user_id: null;
    }>('SELECT status, fee, ledger_entry_id, open_user_id FROM maxbridge_reservations WHERE id = ?', [created.body.id]);
    expect({
      ...paid,
      fee: Number(paid.fee),
      ledger_entry_id: Number(paid.ledger_entry_id),
    }).toEqual({
      status: 'Paid',
      fee: 100,
      ledger_entry_id: paying.body.data.sis_transaction_id,
      open_user_id: null,
    });
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 3200 });

    const preferred = await post('/api/lockless-reservation/preferred-branch', {
      userId: String(userId),
    });
    expect(preferred.body).toEqual({
      id: first.id,
      name: first.name,
      description: first.description,
      lat: first.lat,
      long: first.long,
      open_hours: SEED_OPEN_HOURS,
    });
    // A second paid reservation at another desk changes the preferred branch, not the default.
    await reserve(reservation(userId, second.id, { amount: 200 }));
    expect((await withdraw(userId, 200, null)).body.code).toBe(10);
    expect((await post('/api/lockless-reservation/preferred-branch', { userId })).body.id).toBe(
      second.id,
    );
    const [defaults] = await t.app
      .get(SqlDatabase)
      .select<{ location_id: string; set_by: string }>(
        'SELECT location_id, set_by FROM maxbridge_default_locations WHERE user_id = ?',
        [userId],
      );
    expect(defaults).toEqual({ location_id: first.id, set_by: 'withdrawal' });
  });

  it('cancels an open reservation (a new one can follow) and treats an expired one as gone', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const desk = await createLocation(t);
    const created = await reserve(reservation(userId, desk.id));

    const wrongId = await post('/api/lockless-reservation/cancel', {
      userId,
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    });
    expect(wrongId.status).toBe(404);
    const cancelled = await post('/api/lockless-reservation/cancel', { userId });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: created.body.id, status: 'Cancelled' });
    expect((await post('/api/lockless-reservation/cancel', { userId })).status).toBe(404);

    const next = await reserve(reservation(userId, desk.id));
    expect(next.status).toBe(200);
    // Its time runs out: it is no longer open, and a new one may be made.
    await t.app
      .get(SqlDatabase)
      .transaction((s) =>
        s.execute('UPDATE maxbridge_reservations SET expires_at = ? WHERE id = ?', [
          '2020-01-01 00:00:00.000000',
          next.body.id,
        ]),
      );
    expect((await get(`/api/v1/get-reservation?user_id=${userId}`)).status).toBe(404);
    expect((await withdraw(userId, 1000, null)).body.code).toBe(10);
    const third = await reserve(reservation(userId, desk.id, { amount: 100 }));
    expect(third.status).toBe(200);
    const statuses = await t.app
      .get(SqlDatabase)
      .select<{ id: string; status: string }>(
        'SELECT id, status FROM maxbridge_reservations WHERE user_id = ? ORDER BY created_at',
        [userId],
      );
    expect(statuses).toEqual([
      { id: created.body.id, status: 'Cancelled' },
      { id: next.body.id, status: 'Expired' },
      { id: third.body.id, status: 'Approved' },
    ]);
  });

  it('makes exactly one reservation out of concurrent creates for one user', async () => {
    const userId = await createWalletUser(t, { balance: 5000 });
    const desk = await createLocation(t);

    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        reserve(reservation(userId, desk.id, { amount: 100 + i })),
      ),
    );

    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 200)) {
      expect({ status: lost.status, body: lost.body }).toEqual({
        status: 409,
        body: {
          code: 'RESERVED',
          message: 'The user already has an open reservation',
          id: won[0].body.id,
        },
      });
    }
  });

  describe('the core route (signed by nonce and hash, answered in codes)', () => {
    const create = (body: object | string) =>
      signedPost(t, '/api/v1/transactions/create-reservation', body);

    it('reserves and answers the pickup code and id; a second answers 200 STATUS_ITEM_EXISTS with them', async () => {
      const userId = await createWalletUser(t, { balance: 5000 });
      const desk = await createLocation(t);

      const answer = await create({ userId, amount: 1000, currency: 'EUR', locationId: desk.id });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        code: 10,
        message: 'Success',
        data: { code: expect.stringMatching(/^\d{8}$/), id: expect.stringMatching(GUID) },
      });
      const read = await get(`/api/v1/get-reservation?user_id=${userId}`);
      expect(read.body).toMatchObject({
        id: answer.body.data.id,
        amount: 1000,
        status: 'Approved',
      });

      // The seed's front end sends the user id as a string: the same user.
      const again = await create({
        userId: String(userId),
        amount: 500,
        currency: 'EUR',
        locationId: desk.id,
      });
      expect(again.body).toEqual({
        code: 200,
        message: 'STATUS_ITEM_EXISTS',
        data: answer.body.data,
      });
    });

    it('answers each refusal with its code, the currency checked before missing fields', async () => {
      const userId = await createWalletUser(t, { balance: 500 });
      const desk = await createLocation(t);
      const body = { userId, amount: 100, currency: 'EUR', locationId: desk.id };
      const cases: [object, object][] = [
        [
          { currency: 'EURS', amount: 10 },
          { code: 99, message: 'Invalid Currency' },
        ],
        [
          { amount: 10, currency: 'EUR' },
          {
            code: 112,
            message: 'MISSING_PARAMETERS',
            data: {
              fields: { userId: 'userId is required', locationId: 'locationId is required' },
            },
          },
        ],
        [
          { ...body, amount: -5 },
          { code: 143, message: 'CAN_NOT_BE_NEGATIVE' },
        ],
        [
          { ...body, amount: 0 },
          { code: 144, message: 'MUST_BE_MORE_THAN_ZERO' },
        ],
        [
          { ...body, amount: 501 },
          { code: 154, message: 'INSUFFICIENT_FUNDS' },
        ],
        [
          { ...body, currency: 'XOF' },
          { code: 146, message: 'USERS_ACCOUNTS_NOT_FOUND' },
        ],
        [
          { ...body, locationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
          { code: 400, message: 'STATUS_ITEM_DOES_NOT_EXISTS' },
        ],
        [
          { ...body, userId: 2_000_000_000 },
          { code: 125, message: 'USER_NOT_FOUND' },
        ],
        [
          { ...body, locationId: 'nowhere' },
          {
            code: 99,
            message: 'WRONG_REQUEST',
            data: {
              fields: {
                locationId:
                  'locationId must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6',
              },
            },
          },
        ],
      ];
      for (const [request, expected] of cases) {
        const answer = await create(request);
        expect({ request, status: answer.status, body: answer.body }).toEqual({
          request,
          status: 200,
          body: expected,
        });
      }
      expect((await get(`/api/v1/get-reservation?user_id=${userId}`)).status).toBe(404);
      const unsigned = await fetch(`${t.url}/api/v1/transactions/create-reservation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(await unsigned.json()).toEqual({ code: 112, message: 'MISSING_PARAMETERS' });
    });
  });
});
