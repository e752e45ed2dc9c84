import { randomBytes } from 'node:crypto';
import { createTeam } from '../support/fixtures';
import { awaitRoomInWindow } from '../support/rate-limit-window';
import { TcpFaultProxy } from '../support/tcp-fault-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { newSqlitePath, removeSqliteFiles, SERVER_DB_URL } from '../support/test-database';

const redisUrl = process.env.E2E_REDIS_URL;

/** Two instances of the service on one database, as behind a load balancer. */
async function startTwoInstances(
  env: Record<string, string>,
): Promise<[TestApp, TestApp, () => void]> {
  const sqlitePath = SERVER_DB_URL ? null : newSqlitePath();
  const shared = { ...env, ...(sqlitePath && { DB_URL: `sqlite:${sqlitePath}` }) };
  const first = await startTestApp({ env: shared });
  const second = await startTestApp({ env: shared });
  return [first, second, () => sqlitePath && removeSqliteFiles(sqlitePath)];
}

(redisUrl ? describe : describe.skip)('rate limits shared through Redis (REDIS_URL set)', () => {
  let a: TestApp;
  let b: TestApp;
  let cleanup: () => void;

  beforeAll(async () => {
    [a, b, cleanup] = await startTwoInstances({
      REDIS_URL: redisUrl!,
      REDIS_KEY_PREFIX: `e2e:${randomBytes(4).toString('hex')}:`,
      RATE_LIMIT_FREE: '4',
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    cleanup();
  });
  beforeEach(() => awaitRoomInWindow(), 70_000);

  it('counts one limit across instances', async () => {
    const team = await createTeam(a, 'free');
    const remaining: string[] = [];
    for (const instance of [a, b, a, b]) {
      const res = await instance.http
        .get('/api/v1/lookups')
        .set('X-API-Key', team.apiKey)
        .expect(200);
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    const refused = await a.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    await b.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(429);
  });

  it('keeps teams apart across instances', async () => {
    const first = await createTeam(a, 'free');
    const second = await createTeam(b, 'free');
    for (const instance of [a, b, a, b]) {
      await instance.http.get('/api/v1/lookups').set('X-API-Key', first.apiKey).expect(200);
    }
    const res = await b.http.get('/api/v1/lookups').set('X-API-Key', second.apiKey).expect(200);
    expect(res.headers['x-ratelimit-remaining']).toBe('3');
  });

  it('takes the window from the Redis clock: both instances announce the same reset', async () => {
    const team = await createTeam(a, 'free');
    const fromA = await a.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    const fromB = await b.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(fromA.headers['x-ratelimit-reset']).toBe(fromB.headers['x-ratelimit-reset']);
    expect(Number(fromA.headers['x-ratelimit-reset']) % 60).toBe(0);
  });
});

describe('rate limits while Redis is unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, connections are refused.
    t = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:9', RATE_LIMIT_FREE: '2' } });
  });
  afterAll(() => t.close());
  beforeEach(() => awaitRoomInWindow(), 70_000);

  it('keeps serving and limiting, per instance, and says so in the logs', async () => {
    const team = await createTeam(t, 'free');
    const first = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(429);
    expect(t.logs.find('counting per instance').length).toBeGreaterThan(0);
  });
});

(redisUrl ? describe : describe.skip)(
  'rate limits while Redis hangs (a partition: connected, silent)',
  () => {
    let proxy: TcpFaultProxy;
    let t: TestApp;

    beforeAll(async () => {
      const target = new URL(redisUrl!);
      proxy = new TcpFaultProxy(target.hostname, Number(target.port || 6379));
      await proxy.start();
      t = await startTestApp({
        env: {
          REDIS_URL: proxy.urlFor(redisUrl!),
          REDIS_KEY_PREFIX: `e2e:${randomBytes(4).toString('hex')}:`,
          RATE_LIMIT_FREE: '5',
        },
      });
    });
    afterAll(async () => {
      await t.close();
      await proxy.stop();
    });
    beforeEach(() => awaitRoomInWindow(), 70_000);

    it('answers promptly, counting per instance, instead of waiting for Redis', async () => {
      const team = await createTeam(t, 'free');
      const shared = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
      expect(shared.headers['x-ratelimit-remaining']).toBe('4');

      proxy.freeze();
      const started = Date.now();
      const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(res.headers['x-ratelimit-remaining']).toBe('4');
      expect(t.logs.find('counting per instance').length).toBeGreaterThan(0);
    });
  },
);
