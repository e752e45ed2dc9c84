import { createTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dashboardUser, loggedIn } from './support';

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Settings -> API keys: made (shown once), listed, revoked, through the CLI's own service. */
describe('dashboard API keys', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  it('makes a key shown once that works at once, lists it, and revokes it', async () => {
    const team = await createTeam(t);
    const brand = await t.tenancy.createBrand(team.id, `Brand ${team.id}`);
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const made = await admin
      .post('/dashboard/api/keys', { label: 'staging', brand_id: brand.id })
      .expect(201);
    const key = {
      prefix: made.body.api_key.slice(0, 12),
      brand_id: brand.id,
      label: 'staging',
      created_at: ISO,
      last_used_at: null,
      revoked_at: null,
    };
    expect(made.body).toEqual({ api_key: expect.stringMatching(/^bmk_[\w-]{43}$/), key });
    await t.http.get('/api/v1/lookups').set('x-api-key', made.body.api_key).expect(200);

    const listed = (await admin.get('/dashboard/api/keys').expect(200)).body;
    expect(listed.map((k: { prefix: string }) => k.prefix)).toEqual([
      team.apiKey.slice(0, 12),
      key.prefix,
    ]);
    expect(JSON.stringify(listed)).not.toContain(made.body.api_key);
    expect((await admin.get('/dashboard/api/brands').expect(200)).body).toEqual([
      { id: brand.id, name: brand.name },
    ]);

    const revoked = await admin.post(`/dashboard/api/keys/${key.prefix}/revoke`).expect(200);
    expect(revoked.body).toEqual({ ...key, last_used_at: ISO, revoked_at: ISO });
    await t.http.get('/api/v1/lookups').set('x-api-key', made.body.api_key).expect(401);
  });

  it('keeps other teams’ keys and brands out (404), and keys from viewers (403)', async () => {
    const team = await createTeam(t);
    const other = await createTeam(t);
    const theirBrand = await t.tenancy.createBrand(other.id, `Theirs ${other.id}`);
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const theirs = await admin.post(`/dashboard/api/keys/${other.apiKey.slice(0, 12)}/revoke`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    await t.http.get('/api/v1/lookups').set('x-api-key', other.apiKey).expect(200);
    const brand = await admin.post('/dashboard/api/keys', { brand_id: theirBrand.id }).expect(404);
    expect(brand.body.error.code).toBe('not_found');
    const long = await admin.post('/dashboard/api/keys', { label: 'x'.repeat(101) }).expect(400);
    expect(long.body.error.fields).toEqual(['label']);
    // 100 hearts with their emoji selector: 100 for MaxLength, 200 characters for the database.
    const hearts = await admin
      .post('/dashboard/api/keys', { label: '\u2764\uFE0F'.repeat(100) })
      .expect(400);
    expect(hearts.body.error.message).toBe('The label must have 1 to 100 characters');

    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    expect((await viewer.get('/dashboard/api/keys')).status).toBe(403);
    expect((await viewer.post('/dashboard/api/keys', {})).status).toBe(403);
  });
});
