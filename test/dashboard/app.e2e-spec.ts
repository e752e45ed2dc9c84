import { loadAppFiles } from '../../src/dashboard/app/dashboard-app.files';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dashboardUser, loggedIn } from './support';

/** The single-page app at /dashboard, served from the build (web/dist), and its rules list. */
describe('dashboard app', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('serves the page without a session, its assets gzipped, cached by content, and 304s', async () => {
    const page = await t.http.get('/dashboard').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();

    const asset = await t.http
      .get(script!)
      .set('accept-encoding', 'gzip')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(asset.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    // Sent gzipped (fewer bytes than the file), read back whole (supertest unzips it).
    expect(Number(asset.headers['content-length'])).toBeLessThan((asset.body as Buffer).length);
    expect((asset.body as Buffer).toString()).toContain('/dashboard/api');
    await t.http.get(script!).set('if-none-match', asset.headers.etag).expect(304);

    await t.http.get('/dashboard/').expect(301).expect('location', '/dashboard');
    await t.http.get('/dashboard/favicon.svg').expect(200).expect('content-type', 'image/svg+xml');
  });

  it('answers what is not there in the dashboard’s error shape', async () => {
    for (const path of ['/dashboard/nope.js', '/dashboard/assets/nope.js', '/dashboard/api']) {
      const answer = await t.http.get(path).expect(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it('lists the team’s rules as /api/v1/rules does, to any role, in the user’s language', async () => {
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const shown = await viewer.get('/dashboard/api/rules').set('accept-language', 'fr').expect(200);
    const api = await t.http
      .get('/api/v1/rules')
      .set('x-api-key', team.apiKey)
      .set('accept-language', 'fr')
      .expect(200);
    expect(shown.body).toEqual(api.body.data.items);
    expect(shown.body.find((r: { code: string }) => r.code === 'LARGE_TRANSACTION')).toMatchObject({
      title: 'Dépôt ou retrait important',
      mode: 'on',
    });
    await t.http.get('/dashboard/api/rules').expect(401);
  });

  it('changes a rule as an admin (the user its version’s author); refuses viewers and bad values', async () => {
    const admin = await dashboardUser(t, team.id, 'admin');
    const session = await loggedIn(t, admin.email);
    const changed = await session
      .put('/dashboard/api/rules/STRUCTURING', { mode: 'shadow' })
      .expect(200);
    expect(changed.body).toMatchObject({ code: 'STRUCTURING', mode: 'shadow', version: 2 });
    const versions = await session.get('/dashboard/api/rules/STRUCTURING/versions').expect(200);
    expect(versions.body[0]).toMatchObject({
      version: 2,
      mode: 'shadow',
      author: { kind: 'user', id: String(admin.id) },
    });
    const detail = await session.get('/dashboard/api/rules/STRUCTURING').expect(200);
    expect(detail.body).toMatchObject({ code: 'STRUCTURING', hits_by_day: [], shadow_hits: [] });

    const bad = await session.put('/dashboard/api/rules/STRUCTURING', { mode: 'loud' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', fields: ['mode'] });
    await session.get('/dashboard/api/rules/NO_SUCH_RULE').expect(404);

    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const refused = await viewer
      .put('/dashboard/api/rules/STRUCTURING', { mode: 'off' })
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden_role');
  });

  it('keeps the app’s JavaScript within 300 KB gzipped', () => {
    const files = [...loadAppFiles().entries()].filter(([name]) => name.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, [, file]) => sum + (file.gzipped ?? file.body).length, 0);
    expect(gzipped).toBeLessThanOrEqual(300 * 1024);
  });
});
