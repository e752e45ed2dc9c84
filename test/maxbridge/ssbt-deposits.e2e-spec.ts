import { randomBytes, randomUUID } from 'node:crypto';
import { SqlDatabase } from '../../src/database/sql-database';
import {
  createRetailKey,
  createWalletUser,
  retailCall,
  signedPost,
  walletState,
} from '../support/maxbridge';
import { startTestApp, type TestApp } from '../support/test-app';

const SEED_DATE = /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/;

/**
 * SSBT deposits (seed 003): a terminal opens one, the retail system reads it and commits it
 * (credited once) or rejects it while it is Pending.
 */
describe('MaxBridge SSBT deposits', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp();
    key = await createRetailKey(t);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', path: string, body?: object | string) =>
    retailCall(t, key, method, path, body);
  const open = (userId: number, overrides: object = {}) =>
    call('POST', '/api/ssbt-deposit/create', {
      userId,
      amount: 1000,
      currency: 'EUR',
      deviceId: 1345,
      reference: randomUUID(),
      ...overrides,
    });
  const commit = (reservationId: string, userId: number | string) =>
    call('POST', '/api/ssbt-deposit/commit', { reservationId, userId });

  it('opens a Pending deposit, shows it as the seed, commits it once with its ledger row', async () => {
    const userId = await createWalletUser(t, { balance: 500 });
    const reference = randomUUID();

    const opened = await open(userId, { reference });
    expect(opened.status).toBe(200);
    const id = opened.body.reservationId;
    expect(opened.body).toEqual({
      transactionId: reference,
      reservationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      deviceId: 1345,
      identification: userId,
      amount: 1000,
      currency: 'EUR',
      status: 'Pending',
      createdAt: expect.stringMatching(SEED_DATE),
    });
    const details = await call('GET', `/api/ssbt-deposit/details?reservationId=${id}`);
    expect(details.body).toEqual({
      identification: userId,
      reference,
      amount: 1000,
      currency: 'EUR',
      reservationId: id,
      deviceId: 1345,
      status: 'Pending',
    });

    const committed = await commit(id, userId);
    expect(committed.status).toBe(200);
    expect(committed.body).toEqual({ ...opened.body, status: 'Success' });
    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 1500 });
    expect(state.ledgerSums).toEqual({ EUR: 1500 });
    expect(state.ledger[1]).toMatchObject({
      type: 'deposit',
      amount: 1000,
      balance_after: 1500,
      provider_transaction_id: null,
      service_id: 1345,
    });
    const [link] = await t.app
      .get(SqlDatabase)
      .select<{ ledger_entry_id: string | number }>(
        'SELECT ledger_entry_id FROM maxbridge_ssbt_deposits WHERE id = ?',
        [id],
      );
    expect(Number(link.ledger_entry_id)).toBe(state.ledger[1].id);

    const again = await commit(id, String(userId));
    expect({ status: again.status, body: again.body }).toEqual({
      status: 409,
      body: { code: 'CONFLICT', message: `SSBT deposit ${id} is Success, not Pending` },
    });
    const rejectAfter = await call('POST', `/api/ssbt-deposit/reject?reservationId=${id}`);
    expect(rejectAfter.status).toBe(409);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 1500 });
    expect((await call('GET', `/api/ssbt-deposit/details?reservationId=${id}`)).body.status).toBe(
      'Success',
    );
  });

  it('rejects a Pending deposit once; a commit after it credits nothing', async () => {
    const userId = await createWalletUser(t, { balance: 0 });
    const { body: opened } = await open(userId);

    const rejected = await call(
      'POST',
      `/api/ssbt-deposit/reject?reservationId=${opened.reservationId}`,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({ ...opened, status: 'Rejected' });
    const late = await commit(opened.reservationId, userId);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CONFLICT');
    expect(
      (await call('POST', `/api/ssbt-deposit/reject?reservationId=${opened.reservationId}`)).status,
    ).toBe(409);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 0 });
  });

  it('reads Content-Type: application/json with an empty body as no body; bad JSON is still 400', async () => {
    const userId = await createWalletUser(t, { balance: 0 });
    const { body: opened } = await open(userId);
    const path = `/api/ssbt-deposit/reject?reservationId=${opened.reservationId}`;

    const badJson = await call('POST', path, '{"x":');
    expect({ status: badJson.status, body: badJson.body }).toEqual({
      status: 400,
      body: { code: 'INVALID_REQUEST', message: 'The body must be valid JSON' },
    });
    // As the seed sends it: the JSON Content-Type and nothing after it.
    const rejected = await call('POST', path, '');
    expect({ status: rejected.status, body: rejected.body }).toEqual({
      status: 200,
      body: { ...opened, status: 'Rejected' },
    });
    const emptyCommit = await call('POST', '/api/ssbt-deposit/commit', '');
    expect({ status: emptyCommit.status, body: emptyCommit.body }).toEqual({
      status: 400,
      body: { code: 'INVALID_REQUEST', message: 'reservationId is required; userId is required' },
    });
  });

  it('answers 400 for a malformed id, 404 for an unknown one or another user’s', async () => {
    const userId = await createWalletUser(t);
    const other = await createWalletUser(t);
    const { body: opened } = await open(userId);
    const unknown = randomUUID();

    const malformed = await call('GET', '/api/ssbt-deposit/details?reservationId=12345');
    expect({ status: malformed.status, body: malformed.body }).toEqual({
      status: 400,
      body: {
        code: 'INVALID_REQUEST',
        message: 'reservationId must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6',
      },
    });
    expect((await call('GET', '/api/ssbt-deposit/details')).status).toBe(400);
    const missing = await call('GET', `/api/ssbt-deposit/details?reservationId=${unknown}`);
    expect({ status: missing.status, body: missing.body }).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: `SSBT deposit ${unknown} does not exist` },
    });
    const notTheirs = await commit(opened.reservationId, other);
    expect(notTheirs.status).toBe(404);
    expect((await commit(unknown, userId)).status).toBe(404);
    expect((await call('POST', `/api/ssbt-deposit/reject?reservationId=${unknown}`)).status).toBe(
      404,
    );
    expect((await call('POST', '/api/ssbt-deposit/commit', { userId })).body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'reservationId is required',
    });
    expect((await walletState(t, other)).balances).toEqual({ EUR: 0 });
  });

  it('a terminal’s retry with the same reference answers the same deposit; other facts are refused', async () => {
    const userId = await createWalletUser(t);
    const reference = `term-7-${randomBytes(4).toString('hex')}`;
    const first = await open(userId, { reference });
    const retry = await open(userId, { reference });
    expect(retry.body).toEqual(first.body);
    const clash = await open(userId, { reference, amount: 5 });
    expect({ status: clash.status, body: clash.body }).toEqual({
      status: 409,
      body: {
        code: 'CONFLICT',
        message: `Reference ${reference} was used for another deposit`,
        id: first.body.reservationId,
      },
    });
    expect((await open(2_000_000_000)).status).toBe(404);
    const bad = await call('POST', '/api/ssbt-deposit/create', { userId, amount: 0 });
    expect(bad.body).toEqual({
      code: 'INVALID_REQUEST',
      message:
        'amount must be a positive integer number of cents; currency is required; deviceId is required; reference is required',
    });
  });

  it("credits a deposit whatever a withdrawal's transaction_id looks like", async () => {
    const userId = await createWalletUser(t, { balance: 0 });
    const other = await createWalletUser(t, { balance: 5000 });
    const { body: opened } = await open(userId, { amount: 400 });
    // A cash desk's transaction id that looks like ours: it takes nothing from the deposit.
    const withdrawal = await signedPost(t, '/api/payment/withdraw', {
      user_id: other,
      amount: 100,
      currency: 'EUR',
      service_id: 1,
      fee: null,
      transaction_id: `ssbt:${opened.reservationId}`,
    });
    expect(withdrawal.body.code).toBe(10);
    expect((await commit(opened.reservationId, userId)).status).toBe(200);
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 400 });
  });

  it('takes no deposit for a user whose status blocks transactions, even one blocked after it opened', async () => {
    const setStatus = (userId: number, statusId: number) =>
      t.app
        .get(SqlDatabase)
        .transaction((session) =>
          session.execute('UPDATE wallet_users SET user_status_id = ? WHERE id = ?', [
            statusId,
            userId,
          ]),
        );
    const refused = { code: 'CONFLICT', message: "The user's status blocks deposits" };
    // 3 Full Block and 5 Withdraw Blocked (a Transaction Block: "any transaction, other than game wins").
    for (const statusId of [3, 5]) {
      const blocked = await createWalletUser(t, { balance: 0, statusId });
      const opened = await open(blocked);
      expect({ status: opened.status, body: opened.body }).toEqual({ status: 409, body: refused });
    }
    // A Game Block keeps the player from betting only.
    const gameBlocked = await createWalletUser(t, { balance: 0, statusId: 4 });
    expect((await open(gameBlocked)).status).toBe(200);

    const userId = await createWalletUser(t, { balance: 0 });
    const { body: opened } = await open(userId, { amount: 300 });
    await setStatus(userId, 3);
    const committed = await commit(opened.reservationId, userId);
    expect({ status: committed.status, body: committed.body }).toEqual({
      status: 409,
      body: refused,
    });
    const details = await call(
      'GET',
      `/api/ssbt-deposit/details?reservationId=${opened.reservationId}`,
    );
    expect(details.body.status).toBe('Pending');
    expect((await walletState(t, userId)).balances).toEqual({ EUR: 0 });
    // The terminal gives the cash back.
    const rejected = await call(
      'POST',
      `/api/ssbt-deposit/reject?reservationId=${opened.reservationId}`,
    );
    expect(rejected.body.status).toBe('Rejected');
  });

  // More racers than the pool has connections (10): a refusal must not wait for a second one, or
  // the pool stalls until a connection times out, past this test's time (MariaDB in CI).
  it('credits exactly once when commits race each other, more of them than the pool holds', async () => {
    const userId = await createWalletUser(t, { balance: 0 });
    const { body: opened } = await open(userId, { amount: 700 });

    const answers = await Promise.all(
      Array.from({ length: 16 }, () => commit(opened.reservationId, userId)),
    );

    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(15).fill(409)]);
    const state = await walletState(t, userId);
    expect(state.balances).toEqual({ EUR: 700 });
    expect(state.ledger.filter((row) => row.type === 'deposit')).toHaveLength(1);
  });
});
