import { DataSource } from 'typeorm';
import { FixtureRoutesModule } from '../support/fixture-routes.module';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const unauthorized = (message: string) => ({
  success: false,
  error: { code: 'UNAUTHORIZED', message },
});

describe('API keys', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({ extraImports: [FixtureRoutesModule] });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('resolves the key to its team and hands it to the handler', async () => {
    const res = await t.http
      .get('/api/v1/__fixtures__/whoami')
      .set('X-API-Key', team.apiKey)
      .expect(200);
    expect(res.body).toEqual({
      teamId: team.id,
      teamName: team.name,
      plan: 'standard',
      brandId: null,
      apiKeyId: expect.any(Number),
    });
  });

  it('reads the header whatever its case', async () => {
    await t.http.get('/api/v1/__fixtures__/whoami').set('x-api-key', team.apiKey).expect(200);
    await t.http.get('/api/v1/__fixtures__/whoami').set('X-API-KEY', team.apiKey).expect(200);
  });

  it('refuses a missing, empty, unknown or oversized key with 401 in the monitor envelope', async () => {
    const missing = await t.http.get('/api/v1/__fixtures__/whoami').expect(401);
    expect(missing.body).toEqual(unauthorized('Missing API key: send it in the X-API-Key header'));
    const empty = await t.http.get('/api/v1/__fixtures__/whoami').set('X-API-Key', '').expect(401);
    expect(empty.body).toEqual(unauthorized('Missing API key: send it in the X-API-Key header'));
    const unknown = await t.http
      .get('/api/v1/__fixtures__/whoami')
      .set('X-API-Key', `${team.apiKey}x`)
      .expect(401);
    expect(unknown.body).toEqual(unauthorized('Invalid API key'));
    const huge = await t.http
      .get('/api/v1/__fixtures__/whoami')
      .set('X-API-Key', 'k'.repeat(5000))
      .expect(401);
    expect(huge.body).toEqual(unauthorized('Invalid API key'));
  });

  it('answers 401 in French with Accept-Language: fr', async () => {
    const res = await t.http
      .get('/api/v1/lookups')
      .set('X-API-Key', 'bmk_unknown')
      .set('Accept-Language', 'fr-FR,fr;q=0.9')
      .expect(401);
    expect(res.body).toEqual(unauthorized('Clé API invalide'));
  });

  it('refuses a revoked key at once', async () => {
    const other = await t.tenancy.createApiKey(team.id, { label: 'to revoke' });
    await t.http.get('/api/v1/lookups').set('X-API-Key', other.api_key).expect(200);
    const revoked = await t.tenancy.revokeApiKey(other.key.prefix);
    expect(revoked.revoked_at).not.toBeNull();
    const res = await t.http.get('/api/v1/lookups').set('X-API-Key', other.api_key).expect(401);
    expect(res.body).toEqual(unauthorized('This API key has been revoked'));
    // the team's other key still works
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
  });

  it('keeps the first revocation time when revoking twice', async () => {
    const key = await t.tenancy.createApiKey(team.id);
    const first = await t.tenancy.revokeApiKey(key.key.prefix);
    const second = await t.tenancy.revokeApiKey(key.key.prefix);
    expect(second.revoked_at).toBe(first.revoked_at);
  });

  it('resolves a brand key to its team and brand', async () => {
    const brand = await t.tenancy.createBrand(team.id, 'Brand A');
    const issued = await t.tenancy.createApiKey(team.id, { brandId: brand.id });
    const res = await t.http
      .get('/api/v1/__fixtures__/whoami')
      .set('X-API-Key', issued.api_key)
      .expect(200);
    expect(res.body).toMatchObject({ teamId: team.id, brandId: brand.id, apiKeyId: issued.key.id });
  });

  it("refuses to issue a key for another team's brand", async () => {
    const other = await createTeam(t);
    const brand = await t.tenancy.createBrand(other.id, 'Not yours');
    await expect(t.tenancy.createApiKey(team.id, { brandId: brand.id })).rejects.toMatchObject({
      code: 'BRAND_NOT_FOUND',
    });
  });

  it('records when a key was last used', async () => {
    const issued = await t.tenancy.createApiKey(team.id);
    expect(issued.key.last_used_at).toBeNull();
    const before = Date.now();
    await t.http.get('/api/v1/lookups').set('X-API-Key', issued.api_key).expect(200);
    const lastUsed = await waitFor(async () => {
      const keys = await t.tenancy.listApiKeys(team.id);
      return keys.find((k) => k.id === issued.key.id)?.last_used_at ?? null;
    });
    expect(Date.parse(lastUsed)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('stores keys hashed: the clear key appears nowhere in the database', async () => {
    const issued = await t.tenancy.createApiKey(team.id);
    const rows = (await t.app
      .get(DataSource)
      .query('SELECT * FROM api_keys WHERE id = ?', [issued.key.id])) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(issued.api_key);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].prefix).toBe(issued.api_key.slice(0, 12));
  });

  it('refuses a route that declares no authentication (default-deny)', async () => {
    const res = await t.http
      .get('/api/v1/__fixtures__/undeclared')
      .set('X-API-Key', team.apiKey)
      .expect(401);
    expect(res.body).toEqual(unauthorized('This route is not available'));
    expect(res.body).not.toHaveProperty('leaked');
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
