import Redis from 'ioredis';
import { SqlDatabase } from '../../src/database/sql-database';
import { requestHash } from '../../src/maxbridge/signing/request-hash';
import { NonceStore } from '../../src/maxbridge/signing/nonce.store';
import { createWalletUser, newNonce, signedPost } from '../support/maxbridge';
import { startTestApp, TEST_MAXBRIDGE_SECRET, type TestApp } from '../support/test-app';

const PATH = '/api/payment/get-user-info';

/** Nonce and Hash (seed 003, "hash generation"): every refusal, replays, secret rotation. */
describe('MaxBridge request signing', () => {
  let t: TestApp;
  let body: string;

  beforeAll(async () => {
    t = await startTestApp();
    body = JSON.stringify({ user_id: await createWalletUser(t) });
  });
  afterAll(() => t.close());

  const rawPost = (headers: Record<string, string>, text = body) =>
    fetch(`${t.url}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: text,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

  it('accepts a request signed over its exact bytes, hash in any case', async () => {
    expect((await signedPost(t, PATH, body)).body.code).toBe(10);
    const nonce = newNonce();
    const hash = requestHash(nonce, body, TEST_MAXBRIDGE_SECRET).toUpperCase();
    expect((await signedPost(t, PATH, body, { nonce, hash })).body.code).toBe(10);
  });

  it.each([
    ['no Nonce', { hash: 'a'.repeat(64) }],
    ['no Hash', { nonce: '1234' }],
    ['neither header', {}],
    ['an empty Nonce', { nonce: '', hash: 'a'.repeat(64) }],
    ['a blank Hash', { nonce: '1234', hash: '  ' }],
  ])('answers 112 MISSING_PARAMETERS for %s', async (_case, headers) => {
    expect(await rawPost(headers)).toEqual({
      status: 200,
      body: { code: 112, message: 'MISSING_PARAMETERS' },
    });
  });

  it('answers 139 WRONG_HASH for another secret, a malformed hash, or a hash of a reformatted body', async () => {
    const wrongHash = { code: 139, message: 'WRONG_HASH' };
    expect((await signedPost(t, PATH, body, { secret: 'another-secret-0123456789' })).body).toEqual(
      wrongHash,
    );
    expect((await signedPost(t, PATH, body, { hash: 'not-hex' })).body).toEqual(wrongHash);
    // Signed over the compact body, sent with spaces: the same JSON, other bytes.
    const nonce = newNonce();
    const hash = requestHash(nonce, body, TEST_MAXBRIDGE_SECRET);
    const spaced = body.replace(':', ': ');
    expect(await rawPost({ nonce, hash }, spaced)).toEqual({ status: 200, body: wrongHash });
    // The same nonce, now correctly signed, is still unused: a refused request does not burn it.
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);
  });

  it('answers 138 ACCESS_DENIED for a nonce used before, even with another body', async () => {
    const nonce = newNonce();
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);
    expect((await signedPost(t, PATH, body, { nonce })).body).toEqual({
      code: 138,
      message: 'ACCESS_DENIED',
    });
    expect((await signedPost(t, PATH, { user_id: 1 }, { nonce })).body).toEqual({
      code: 138,
      message: 'ACCESS_DENIED',
    });
  });

  it('lets exactly one of 20 concurrent requests with the same nonce through', async () => {
    const nonce = newNonce();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => signedPost(t, PATH, body, { nonce })),
    );
    const codes = answers.map((a) => a.body.code).sort((a, b) => a - b);
    expect(codes).toEqual([10, ...Array<number>(19).fill(138)]);
  });

  it('accepts a nonce again once its time to live is over, and prunes expired nonces', async () => {
    const nonce = newNonce();
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);
    const database = t.app.get(SqlDatabase);
    await database.transaction((s) =>
      s.execute('UPDATE maxbridge_nonces SET expires_at = ? WHERE nonce = ?', [
        '2000-01-01 00:00:00.000000',
        nonce,
      ]),
    );
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(138);

    await database.transaction((s) =>
      s.execute('UPDATE maxbridge_nonces SET expires_at = ? WHERE nonce = ?', [
        '2000-01-01 00:00:00.000000',
        nonce,
      ]),
    );
    const store = t.app.get(NonceStore);
    expect(await store.prune()).toBeGreaterThanOrEqual(1);
    const left = await database.select('SELECT 1 FROM maxbridge_nonces WHERE nonce = ?', [nonce]);
    expect(left).toEqual([]);
  });

  it('refuses a nonce of other characters than visible ASCII, or longer than 128, as 99', async () => {
    const refused = {
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields: { Nonce: 'Nonce must be 1 to 128 visible ASCII characters' } },
    };
    expect((await signedPost(t, PATH, body, { nonce: 'a b' })).body).toEqual(refused);
    expect((await signedPost(t, PATH, body, { nonce: 'n'.repeat(129) })).body).toEqual(refused);
    expect((await signedPost(t, PATH, body, { nonce: 'n'.repeat(128) })).body.code).toBe(10);
  });

  it('answers an unknown MaxBridge path with 404 in the code shape, before any signature check', async () => {
    expect(await rawPost({})).toMatchObject({ status: 200 }); // the route exists: 112
    const answer = await fetch(`${t.url}/api/payment/nope`, { method: 'POST' });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({
      code: 99,
      message: 'WRONG_REQUEST',
      data: { fields: { path: 'No route POST /api/payment/nope' } },
    });
  });
  it('shows operators every answer: the code in the log line (warn for a refusal) and in /metrics', async () => {
    const requestId = `mb-obs-${newNonce()}`;
    const wrong = await signedPost(t, PATH, body, {
      secret: 'not-the-secret-0123456789',
      headers: { 'x-request-id': requestId },
    });
    expect(wrong.body).toEqual({ code: 139, message: 'WRONG_HASH' });
    const okId = `mb-obs-${newNonce()}`;
    expect((await signedPost(t, PATH, body, { headers: { 'x-request-id': okId } })).body.code).toBe(
      10,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    const [refused] = t.logs.find(requestId).filter((line) => line.msg === 'request completed');
    expect(refused).toMatchObject({
      level: 40,
      route: PATH,
      res: { statusCode: 200 },
      mbCode: 139,
      mbName: 'WRONG_HASH',
    });
    const [served] = t.logs.find(okId).filter((line) => line.msg === 'request completed');
    expect(served).toMatchObject({ level: 30, mbCode: 10, mbName: 'STATUS_SUCCESS' });

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    const count = (code: number) =>
      Number(
        new RegExp(
          `^business_answers_total\\{api="maxbridge",route="${PATH}",code="${code}"\\} (\\d+)$`,
          'm',
        ).exec(metrics)?.[1] ?? 0,
      );
    expect(count(139)).toBeGreaterThanOrEqual(1);
    expect(count(10)).toBeGreaterThanOrEqual(1);
  });
});

describe('MaxBridge secret rotation', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('accepts requests signed with any configured secret, and only those', async () => {
    t = await startTestApp({
      env: { MAXBRIDGE_HASH_SECRET: `old-secret-0123456789, ${TEST_MAXBRIDGE_SECRET}` },
    });
    const body = { user_id: await createWalletUser(t) };
    const path = '/api/payment/get-user-info';
    expect((await signedPost(t, path, body, { secret: 'old-secret-0123456789' })).body.code).toBe(
      10,
    );
    expect((await signedPost(t, path, body)).body.code).toBe(10);
    expect((await signedPost(t, path, body, { secret: 'old-secret-012345678' })).body.code).toBe(
      139,
    );
  });
});

describe('MaxBridge without a secret', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('is not served: its paths answer 404, and the documentation leaves it out', async () => {
    t = await startTestApp({ env: { MAXBRIDGE_HASH_SECRET: '' } });
    const answer = await fetch(`${t.url}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"user_id":1}',
    });
    expect(answer.status).toBe(404);
    const document = (await (await fetch(`${t.url}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/api/payment'))).toEqual([]);
  });
});

describe('MaxBridge with Redis out of reach', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('signs and refuses replays as usual: nonces never depend on Redis', async () => {
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:9' } });
    const body = { user_id: await createWalletUser(t) };
    const nonce = newNonce();
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);
    expect((await signedPost(t, PATH, body, { nonce })).body).toEqual({
      code: 138,
      message: 'ACCESS_DENIED',
    });
  });
});

const redisUrl = process.env.E2E_REDIS_URL;

/** A Redis database of this test's own (flushed whole): db 0 holds the other tests' counters. */
const NONCE_TEST_REDIS_DB = 11;

(redisUrl ? describe : describe.skip)('MaxBridge nonces with REDIS_URL set', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('refuses a replay within the TTL even after Redis lost everything (FLUSHDB)', async () => {
    const url = new URL(redisUrl!);
    url.pathname = `/${NONCE_TEST_REDIS_DB}`;
    t = await startTestApp({
      env: { REDIS_URL: url.toString(), MAXBRIDGE_NONCE_TTL_SECONDS: '60' },
    });
    const body = { user_id: await createWalletUser(t) };
    const nonce = newNonce();
    expect((await signedPost(t, PATH, body, { nonce })).body.code).toBe(10);

    const redis = new Redis(url.toString());
    try {
      expect(await redis.flushdb()).toBe('OK');
    } finally {
      redis.disconnect();
    }
    expect((await signedPost(t, PATH, body, { nonce })).body).toEqual({
      code: 138,
      message: 'ACCESS_DENIED',
    });
    const claims = await t.app
      .get(SqlDatabase)
      .select('SELECT nonce FROM maxbridge_nonces WHERE nonce = ?', [nonce]);
    expect(claims).toEqual([{ nonce }]);
  });
});
