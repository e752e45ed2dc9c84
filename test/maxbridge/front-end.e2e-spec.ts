import { randomBytes, randomUUID } from 'node:crypto';
import { SqlDatabase } from '../../src/database/sql-database';
import { encodeSessionToken } from '../../src/maxbridge/core-session/session-token';
import {
  createLocation,
  createRetailKey,
  createWalletUser,
  retailCall,
  SEED_OPEN_HOURS,
  signedPost,
  walletState,
} from '../support/maxbridge';
import { startTestApp, TEST_SESSION_SECRET, type TestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

async function post(
  t: TestApp,
  path: string,
  body: object | string | undefined,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/**
 * Each suite logs in from an address of its own (the apps trust X-Forwarded-For): failed logins
 * are counted per address in the database, which the suites share on MariaDB.
 */
const newAddress = () => `10.${[...randomBytes(3)].join('.')}`;
const TRUSTING_PROXY = { env: { TRUST_PROXY: 'true' } };

/** A wallet user with a known password, logged in: their id and session token. */
async function player(t: TestApp, balance = 5000, address = newAddress()) {
  const userName = `fe-${randomBytes(5).toString('hex')}`;
  const userId = await createWalletUser(t, { userName, password: PASSWORD, balance });
  const login = await post(
    t,
    '/api/v1/auth/login',
    { username: userName, password: PASSWORD },
    { 'x-forwarded-for': address },
  );
  return { userId, userName, token: login.body.data.token as string, login };
}

/** The front end's headers, as the seed's examples send them (the token bare in `Cookie`). */
const session = (token: string, userId?: number) => ({
  'x-requested-with': 'true',
  referer: 'https://authproxy.maxbet.com',
  cookie: token,
  ...(userId !== undefined && { 'x-userid': String(userId) }),
});

/** The player's front end of seed 003, behind the core session. */
describe('MaxBridge front end and core session', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp(TRUSTING_PROXY);
    key = await createRetailKey(t);
  });
  afterAll(() => t.close());

  it("logs in: the seed's token shape, also as an HttpOnly cookie", async () => {
    const { userId, token, login } = await player(t);

    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      code: 10,
      message: 'success',
      data: { token, user_id: userId, expires_at: expect.any(String) },
    });
    expect(Date.parse(login.body.data.expires_at) - Date.now()).toBeGreaterThan(7.9 * 3600_000);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^JSESSIONID=[A-Za-z0-9+/=]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const outer = JSON.parse(Buffer.from(token, 'base64').toString());
    expect(Object.keys(outer)).toEqual(['ts', 'dt', 'sg']);
    expect(JSON.parse(Buffer.from(outer.dt, 'base64').toString())).toEqual({
      uid: userId,
      ssid: expect.stringMatching(GUID),
    });
    // The bare token (as the seed) and the cookie the login set both open the session.
    for (const cookieHeader of [token, `lang=fr; ${cookie.split(';')[0]}`]) {
      const answer = await post(
        t,
        '/paymentswebapi/api/integrations/get-locations',
        {},
        {
          ...session(token, userId),
          cookie: cookieHeader,
        },
      );
      expect(answer.body.code).toBe(10);
    }
  });

  it('refuses every credential that does not open this user’s open session', async () => {
    const { userId, token } = await player(t);
    const other = await player(t);
    const route = '/paymentswebapi/api/integrations/get-reservation';
    const notFound = { code: 126, message: 'SESSION_NOT_FOUND' };
    const ssid = JSON.parse(
      Buffer.from(JSON.parse(Buffer.from(token, 'base64').toString()).dt, 'base64').toString(),
    ).ssid;
    const cases: [string, Record<string, string>, object][] = [
      ['no cookie', { 'x-requested-with': 'true' }, notFound],
      ['another user in X-UserID', session(token, other.userId), notFound],
      ['an X-UserID that is no number', { ...session(token), 'x-userid': 'abc' }, notFound],
      [
        'a token of no session',
        session(
          encodeSessionToken(
            { uid: userId, ssid: randomUUID(), ts: Date.now() },
            TEST_SESSION_SECRET,
          ),
        ),
        notFound,
      ],
      [
        'a session token for another uid',
        session(
          encodeSessionToken({ uid: other.userId, ssid, ts: Date.now() }, TEST_SESSION_SECRET),
        ),
        notFound,
      ],
      [
        'a token signed with another secret',
        session(
          encodeSessionToken(
            { uid: userId, ssid, ts: Date.now() },
            'not-the-session-secret-0123456789abc',
          ),
        ),
        { code: 138, message: 'ACCESS_DENIED' },
      ],
      ['garbage', session('bm90IGEgdG9rZW4gYXQgYWxsIGhlcmU='), notFound],
      [
        'no X-Requested-With',
        { cookie: token },
        {
          code: 138,
          message: 'ACCESS_DENIED',
          data: { reason: 'X-Requested-With: true is required' },
        },
      ],
    ];
    for (const [label, headers, expected] of cases) {
      const answer = await post(t, route, undefined, headers);
      expect({ label, status: answer.status, body: answer.body }).toEqual({
        label,
        status: 200,
        body: expected,
      });
    }

    // Expired, then closed by a logout: refused as well.
    await t.app
      .get(SqlDatabase)
      .transaction((s) =>
        s.execute('UPDATE maxbridge_sessions SET expires_at = ? WHERE ssid = ?', [
          '2020-01-01 00:00:00.000000',
          ssid,
        ]),
      );
    expect((await post(t, route, undefined, session(token))).body).toEqual(notFound);
    const out = await post(t, '/api/v1/auth/logout', undefined, session(other.token));
    expect(out.body).toEqual({ code: 10, message: 'success' });
    expect(out.headers.get('set-cookie')).toBe(
      'JSESSIONID=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
    );
    expect((await post(t, route, undefined, session(other.token))).body).toEqual(notFound);
  });

  it('a full cash-desk withdrawal: log in, list desks, reserve, the desk reads and pays it', async () => {
    const { userId, token } = await player(t, 5000);
    const desk = await createLocation(t, {
      name: `Plateau ${randomBytes(3).toString('hex')}`,
      cityId: 7,
    });
    const headers = session(token, userId);

    // The seed's get-locations sends Content-Type: application/json and no body at all.
    const listed = await post(
      t,
      '/paymentswebapi/api/integrations/get-locations',
      undefined,
      headers,
    );
    expect(listed.body.code).toBe(10);
    expect(listed.body.message).toBe('Success');
    const badJson = await post(
      t,
      '/paymentswebapi/api/integrations/get-locations',
      '{"cityId":',
      headers,
    );
    expect({ status: badJson.status, body: badJson.body }).toEqual({
      status: 200,
      body: {
        code: 99,
        message: 'WRONG_REQUEST',
        data: { fields: { body: 'The body must be valid JSON' } },
      },
    });
    expect(listed.body.data.retails).toContainEqual({
      id: desk.id,
      name: desk.name,
      description: 'test desc',
      lat: desk.lat,
      long: desk.long,
      open_hours: SEED_OPEN_HOURS,
    });
    const filtered = await post(
      t,
      '/paymentswebapi/api/integrations/get-locations',
      { cityId: 7, name: desk.name.slice(0, 9).toUpperCase() },
      headers,
    );
    expect(filtered.body.data.retails.map((r: { id: string }) => r.id)).toEqual([desk.id]);
    // Any case, with or without accents, on both databases.
    const accented = await createLocation(t, {
      name: `Église Ndar ${randomBytes(3).toString('hex')}`,
    });
    for (const name of ['église ndar', 'EGLISE NDAR', accented.name]) {
      const found = await post(
        t,
        '/paymentswebapi/api/integrations/get-locations',
        { name },
        headers,
      );
      expect(found.body.data.retails.map((r: { id: string }) => r.id)).toContain(accented.id);
    }
    expect(
      (await post(t, '/paymentswebapi/api/integrations/get-default-location', undefined, headers))
        .body,
    ).toEqual({ code: 400, message: 'STATUS_ITEM_DOES_NOT_EXISTS' });

    // The seed's withdraw-reservation: a doubled slash, the user id as a string.
    const reserved = await post(
      t,
      '//api/v1/payment/withdraw-reservation',
      { userId: String(userId), amount: 2000, currency: 'EUR', locationId: desk.id },
      headers,
    );
    expect(reserved.body).toEqual({
      code: 10,
      message: 'success',
      data: { code: expect.stringMatching(/^\d{8}$/), id: expect.stringMatching(GUID) },
    });
    const mine = await post(
      t,
      '/paymentswebapi/api/integrations/get-reservation',
      undefined,
      headers,
    );
    expect(mine.body).toEqual({
      code: 10,
      message: 'success',
      data: {
        id: reserved.body.data.id,
        amount: 2000,
        confirmationPin: expect.stringMatching(/^\d{6}$/),
        fee: 0,
        location: { id: desk.id, name: desk.name, description: 'test desc' },
        createDate: expect.any(String),
        expirationDate: expect.any(String),
        status: 'Approved',
        description: null,
        user_id: userId,
      },
    });

    // At the desk: the user's info (signed), the reservation (retail key), then the withdrawal.
    const info = await signedPost(t, '/api/payment/get-user-info', { user_id: userId });
    expect(info.body.data.userinfo).toMatchObject({ userID: userId, balance: 5000 });
    const atDesk = await retailCall(t, key, 'GET', `/api/v1/get-reservation?user_id=${userId}`);
    expect(atDesk.body).toEqual(mine.body.data);
    const paid = await signedPost(t, '/api/payment/withdraw', {
      user_id: userId,
      amount: 2000,
      currency: 'EUR',
      service_id: 3,
      fee: null,
      transaction_id: `desk-${randomBytes(6).toString('hex')}`,
    });
    expect(paid.body.code).toBe(10);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 3000 });
    expect(
      (await post(t, '/paymentswebapi/api/integrations/get-reservation', undefined, headers)).body,
    ).toEqual({ code: 400, message: 'STATUS_ITEM_DOES_NOT_EXISTS' });
    const defaultDesk = await post(
      t,
      '/paymentswebapi/api/integrations/get-default-location',
      undefined,
      headers,
    );
    expect(defaultDesk.body).toEqual({
      code: 10,
      message: 'success',
      data: listed.body.data.retails.find((r: { id: string }) => r.id === desk.id),
    });
  });

  it("answers the seed's invalid reservation as 99 Invalid Currency, and refuses another user's id", async () => {
    const { userId, token } = await player(t);
    const other = await player(t);
    const desk = await createLocation(t);
    const headers = session(token, userId);

    const seedInvalid = await post(
      t,
      '//api/v1/payment/withdraw-reservation',
      { currency: 'EURS', amount: 10 },
      headers,
    );
    expect(seedInvalid.body).toEqual({ code: 99, message: 'Invalid Currency' });
    const missing = await post(
      t,
      '/api/v1/payment/withdraw-reservation',
      { currency: 'EUR', amount: 10 },
      headers,
    );
    expect(missing.body.code).toBe(112);
    const forOther = await post(
      t,
      '/api/v1/payment/withdraw-reservation',
      { userId: other.userId, amount: 10, currency: 'EUR', locationId: desk.id },
      headers,
    );
    expect(forOther.body).toEqual({ code: 138, message: 'ACCESS_DENIED' });
    const tooMuch = await post(
      t,
      '/api/v1/payment/withdraw-reservation',
      { userId, amount: 999_999, currency: 'EUR', locationId: desk.id },
      headers,
    );
    expect(tooMuch.body).toEqual({ code: 154, message: 'INSUFFICIENT_FUNDS' });
    const cancel = await post(
      t,
      '/paymentswebapi/api/integrations/cancel-reservation',
      undefined,
      headers,
    );
    expect(cancel.body).toEqual({ code: 400, message: 'STATUS_ITEM_DOES_NOT_EXISTS' });
    const rows = await t.app
      .get(SqlDatabase)
      .select('SELECT id FROM maxbridge_reservations WHERE user_id IN (?, ?)', [
        userId,
        other.userId,
      ]);
    expect(rows).toEqual([]);
  });

  it('a full SSBT deposit: the terminal opens it, the front end reads and deposits it, a commit afterwards is refused', async () => {
    const { userId, token } = await player(t, 0);
    const headers = session(token, userId);
    const reference = randomUUID();
    const opened = await retailCall(t, key, 'POST', '/api/ssbt-deposit/create', {
      userId,
      amount: 2500,
      currency: 'EUR',
      deviceId: 1212,
      reference,
    });
    const reservationId = opened.body.reservationId;

    const details = await post(
      t,
      '/api/v1/ssbt/transactions/get-transaction-details',
      { reservation_id: reservationId },
      headers,
    );
    expect(details.body).toEqual({
      code: '10',
      message: 'Success',
      data: {
        identification: userId,
        reference,
        amount: 2500,
        currency: 'EUR',
        reservationId,
        deviceId: 1212,
        status: 'Pending',
      },
    });
    const byReference = await post(
      t,
      '/api/v1/ssbt/transactions/get-transaction-details',
      { transaction_id: reference },
      headers,
    );
    expect(byReference.body).toEqual(details.body);
    expect(
      (
        await post(
          t,
          '/api/v1/ssbt/transactions/get-transaction-details',
          { transaction_id: '00000000-0000-0000-0000-000000000000' },
          headers,
        )
      ).body,
    ).toEqual({ code: '156', message: 'TRANSACTION_NOT_FOUND' });
    expect(
      (await post(t, '/api/v1/ssbt/transactions/get-transaction-details', {}, headers)).body.code,
    ).toBe('112');
    expect(
      (await post(t, '/api/v1/ssbt/transactions/get-transaction-details', {}, { cookie: token }))
        .body.code,
    ).toBe('138');

    const deposited = await post(
      t,
      '/api/v1/transactions/deposit',
      { reservation_id: reservationId, user_id: String(userId) },
      headers,
    );
    expect(deposited.body).toEqual({
      code: 10,
      message: 'success',
      data: {
        sis_transaction_id: expect.any(Number),
        provider_transaction_id: reference,
        core_transaction_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    });
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 2500 });
    const twice = await post(
      t,
      '/api/v1/transactions/deposit',
      { reservation_id: reservationId, user_id: String(userId) },
      headers,
    );
    expect(twice.body).toEqual({ code: 151, message: 'DUPLICATED_PROVIDERS_TRANSACTIONID' });
    const commit = await retailCall(t, key, 'POST', '/api/ssbt-deposit/commit', {
      reservationId,
      userId,
    });
    expect(commit.status).toBe(409);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 2500 });
  });

  it('tells a rejected deposit (183) and a balance past the ceiling (225) from one credited (151)', async () => {
    const owner = await player(t, 0);
    const headers = session(owner.token, owner.userId);
    const open = async (amount: number) =>
      (
        await retailCall(t, key, 'POST', '/api/ssbt-deposit/create', {
          userId: owner.userId,
          amount,
          currency: 'EUR',
          deviceId: 5,
          reference: randomUUID(),
        })
      ).body.reservationId as string;
    const deposit = (id: string) =>
      post(
        t,
        '/api/v1/transactions/deposit',
        { reservation_id: id, user_id: owner.userId },
        headers,
      );

    const turnedDown = await open(900);
    await retailCall(t, key, 'POST', `/api/ssbt-deposit/reject?reservationId=${turnedDown}`);
    expect((await deposit(turnedDown)).body).toEqual({
      code: 183,
      message: 'TRANSACTION_STATUS_REJECTED',
    });

    const ceiling = Number.MAX_SAFE_INTEGER - 10;
    expect((await deposit(await open(ceiling))).body.code).toBe(10);
    const tooMuch = await open(100);
    expect((await deposit(tooMuch)).body).toEqual({
      code: 225,
      message: 'FINANCIAL_LIMIT_REACHED',
    });
    const commit = await retailCall(t, key, 'POST', '/api/ssbt-deposit/commit', {
      reservationId: tooMuch,
      userId: owner.userId,
    });
    expect({ status: commit.status, code: commit.body.code }).toEqual({
      status: 409,
      code: 'LIMIT_REACHED',
    });
    const details = await retailCall(
      t,
      key,
      'GET',
      `/api/ssbt-deposit/details?reservationId=${tooMuch}`,
    );
    expect(details.body.status).toBe('Pending');
    expect((await walletState(t, owner.userId)).balances).toEqual({ EUR: ceiling });
  });

  it("refuses another player's deposit (156) and a user_id that is not the session's (138)", async () => {
    const owner = await player(t, 0);
    const thief = await player(t, 0);
    const opened = await retailCall(t, key, 'POST', '/api/ssbt-deposit/create', {
      userId: owner.userId,
      amount: 900,
      currency: 'EUR',
      deviceId: 5,
      reference: randomUUID(),
    });
    const id = opened.body.reservationId;
    const headers = session(thief.token, thief.userId);

    expect(
      (
        await post(
          t,
          '/api/v1/transactions/deposit',
          { reservation_id: id, user_id: thief.userId },
          headers,
        )
      ).body,
    ).toEqual({ code: 156, message: 'TRANSACTION_NOT_FOUND' });
    expect(
      (
        await post(
          t,
          '/api/v1/transactions/deposit',
          { reservation_id: id, user_id: owner.userId },
          headers,
        )
      ).body,
    ).toEqual({ code: 138, message: 'ACCESS_DENIED' });
    expect(
      (
        await post(
          t,
          '/api/v1/ssbt/transactions/get-transaction-details',
          { reservation_id: id },
          headers,
        )
      ).body,
    ).toEqual({ code: '156', message: 'TRANSACTION_NOT_FOUND' });
    expect((await walletState(t, thief.userId)).balances).toEqual({ EUR: 0 });
    expect((await walletState(t, owner.userId)).balances).toEqual({ EUR: 0 });
  });

  it('credits exactly once when the retail commit and the front end’s deposit race', async () => {
    const { userId, token } = await player(t, 0);
    const headers = session(token, userId);
    for (let round = 0; round < 5; round++) {
      const opened = await retailCall(t, key, 'POST', '/api/ssbt-deposit/create', {
        userId,
        amount: 100,
        currency: 'EUR',
        deviceId: 9,
        reference: randomUUID(),
      });
      const id = opened.body.reservationId;
      const [commit, deposit] = await Promise.all([
        retailCall(t, key, 'POST', '/api/ssbt-deposit/commit', { reservationId: id, userId }),
        post(t, '/api/v1/transactions/deposit', { reservation_id: id, user_id: userId }, headers),
      ]);
      const wins = [commit.status === 200, deposit.body.code === 10].filter(Boolean);
      expect(wins).toHaveLength(1);
      expect(commit.status === 200 ? deposit.body.code : commit.status).toBe(
        commit.status === 200 ? 151 : 409,
      );
    }
    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 500 });
    expect(state.ledgerSums).toEqual({ EUR: 500 });
  });
});

describe('MaxBridge core login, slowed and then blocked', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        MAXBRIDGE_LOGIN_MAX_FAILURES: '4',
        MAXBRIDGE_LOGIN_MAX_DELAY: '10ms',
        MAXBRIDGE_LOGIN_BLOCK: '1m',
      },
    });
  });
  afterAll(() => t.close());

  it('answers 113 to a wrong login, then 124 to that user; an address shared by many is blocked only 20 times later', async () => {
    const address = newAddress();
    const login = (username: string, password: string, from = address) =>
      post(t, '/api/v1/auth/login', { username, password }, { 'x-forwarded-for': from });
    const userName = `fe-${randomBytes(5).toString('hex')}`;
    const neighbour = `fe-${randomBytes(5).toString('hex')}`;
    await createWalletUser(t, { userName, password: PASSWORD });
    await createWalletUser(t, { userName: neighbour, password: PASSWORD });

    expect((await login(userName, 'wrong password')).body).toEqual({
      code: 113,
      message: 'USER_WITH_GIVEN_AUTH_CREDENTIALS_NOT_FOUND',
    });
    expect((await login('nobody-here', PASSWORD)).body.code).toBe(113);
    // A spelling MariaDB takes for the same name (case, a trailing space) counts on that row
    // rather than failing on its unique key (SQLite, which compares bytes, keeps a row of its own).
    const other = newAddress();
    expect((await login('NOBODY-HERE ', PASSWORD, other)).body.code).toBe(113);
    expect((await login('nobody-here', PASSWORD, other)).body.code).toBe(113);
    // A success clears the user's count: 4 more failures block that user, from any address.
    expect((await login(userName, PASSWORD)).body.code).toBe(10);
    for (let i = 0; i < 4; i++) expect((await login(userName, `wrong ${i}`)).body.code).toBe(113);
    expect((await login(userName, PASSWORD)).body).toEqual({ code: 124, message: 'IP_IS_BLOCKED' });
    expect((await login(userName, PASSWORD, newAddress())).body.code).toBe(124);
    // Behind carrier-grade NAT the address is many players: a neighbour still logs in.
    expect((await login(neighbour, PASSWORD)).body.code).toBe(10);

    // The address itself: blocked at 20 x 4 failures (6 so far), then even the neighbour is refused.
    for (let i = 6; i < 80; i++) {
      expect((await login(`guess-${i}`, 'x')).body.code).toBe(113);
    }
    expect((await login(neighbour, PASSWORD)).body.code).toBe(124);
    expect((await login(neighbour, PASSWORD, newAddress())).body.code).toBe(10);
    expect((await login('', PASSWORD)).body).toEqual({
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields: { username: 'username must be a text of 1 to 64 characters' } },
    });
  });
});

describe('MaxBridge without SESSION_SECRET', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_SECRET: '' } });
  });
  afterAll(() => t.close());

  it('refuses logins with 138 and says why; the front end routes answer 126', async () => {
    const userName = `fe-${randomBytes(5).toString('hex')}`;
    await createWalletUser(t, { userName, password: PASSWORD });
    expect(
      (await post(t, '/api/v1/auth/login', { username: userName, password: PASSWORD })).body,
    ).toEqual({
      code: 138,
      message: 'ACCESS_DENIED',
      data: { reason: 'Player sessions are off here: SESSION_SECRET is not set' },
    });
    const token = encodeSessionToken(
      { uid: 1, ssid: randomUUID(), ts: Date.now() },
      TEST_SESSION_SECRET,
    );
    expect(
      (await post(t, '/paymentswebapi/api/integrations/get-locations', {}, session(token))).body,
    ).toEqual({ code: 126, message: 'SESSION_NOT_FOUND' });
  });
});
