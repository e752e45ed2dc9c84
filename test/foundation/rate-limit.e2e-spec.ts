import { createTeam } from '../support/fixtures';
import { awaitRoomInWindow } from '../support/rate-limit-window';
import { startTestApp, TestApp } from '../support/test-app';

describe('per-team rate limits (in-memory counters)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_FREE: '3', RATE_LIMIT_STANDARD: '5', RATE_LIMIT_ENTERPRISE: '7' },
    });
  });
  afterAll(() => t.close());
  beforeEach(() => awaitRoomInWindow(), 70_000);

  it('counts down on every answer, then refuses with 429 and Retry-After', async () => {
    const team = await createTeam(t, 'free');
    const minuteEnd = Math.ceil((Math.floor(Date.now() / 60_000) + 1) * 60);

    for (const remaining of [2, 1, 0]) {
      const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBe('3');
      expect(res.headers['x-ratelimit-remaining']).toBe(String(remaining));
      expect(Number(res.headers['x-ratelimit-reset'])).toBe(minuteEnd);
    }

    const refused = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Math.abs(Date.now() / 1000 + retryAfter - minuteEnd)).toBeLessThanOrEqual(2);
    expect(refused.headers['x-ratelimit-limit']).toBe('3');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['x-ratelimit-reset'])).toBe(minuteEnd);
    expect(refused.body).toEqual({
      success: false,
      error: {
        code: 'RATE_LIMITED',
        message: `Rate limit of 3 requests per minute exceeded; retry in ${retryAfter} s`,
      },
    });
  });

  it('limits each team separately', async () => {
    const first = await createTeam(t, 'free');
    const second = await createTeam(t, 'free');
    for (let i = 0; i < 3; i++)
      await t.http.get('/api/v1/lookups').set('X-API-Key', first.apiKey).expect(200);
    await t.http.get('/api/v1/lookups').set('X-API-Key', first.apiKey).expect(429);

    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', second.apiKey).expect(200);
    expect(res.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('shares one budget between all keys of a team', async () => {
    const team = await createTeam(t, 'free');
    const second = await t.tenancy.createApiKey(team.id);
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    await t.http.get('/api/v1/lookups').set('X-API-Key', second.api_key).expect(200);
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    await t.http.get('/api/v1/lookups').set('X-API-Key', second.api_key).expect(429);
  });

  it('counts the AML Betting Events API in the same budget, and refuses it in its own shape', async () => {
    const team = await createTeam(t, 'free');
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    await t.http.get('/betting-events/slips/slip_1').set('x-api-key', team.apiKey).expect(404);
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    const refused = await t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .send({})
      .expect(429);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.body).toEqual({
      error: {
        message: `Rate limit exceeded; retry in ${refused.headers['retry-after']} s`,
        status: 429,
      },
    });
  });

  it("takes the limit from the team's plan, and a plan change applies at once", async () => {
    const team = await createTeam(t, 'enterprise');
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(res.headers['x-ratelimit-limit']).toBe('7');
    await t.tenancy.changePlan(team.id, 'standard');
    const after = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(after.headers['x-ratelimit-limit']).toBe('5');
    expect(after.headers['x-ratelimit-remaining']).toBe('3');
  });

  it('answers 429 in French', async () => {
    const team = await createTeam(t, 'free');
    for (let i = 0; i < 3; i++)
      await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    const res = await t.http
      .get('/api/v1/lookups')
      .set('X-API-Key', team.apiKey)
      .set('Accept-Language', 'fr')
      .expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(res.body.error.message).toMatch(
      /^Limite de 3 requêtes par minute dépassée ; réessayez dans \d+ s$/,
    );
  });

  it('lets a burst through up to the limit exactly, under concurrency', async () => {
    const team = await createTeam(t, 'standard');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.http
          .get('/api/v1/lookups')
          .set('X-API-Key', team.apiKey)
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});
