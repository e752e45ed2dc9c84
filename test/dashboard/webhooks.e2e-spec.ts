import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dashboardUser, loggedIn } from './support';

/**
 * Webhooks through the dashboard: the same service and rules as `/api/v1/webhooks`, the secret
 * answered once, changes for admins only, another team's webhook not found.
 */
describe('dashboard webhooks', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({
      env: { TRUST_PROXY: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' },
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  it('creates, shows, pings and pauses a webhook as the API does; the secret once', async () => {
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const created = await admin
      .post('/dashboard/api/webhooks', {
        url: 'http://127.0.0.1:9/hook',
        events: ['alert.created'],
        description: 'Compliance inbox',
      })
      .expect(201);
    const { id, secret } = created.body;
    expect(created.body).toEqual({
      id: expect.any(String),
      url: 'http://127.0.0.1:9/hook',
      description: 'Compliance inbox',
      events: ['alert.created'],
      rate_limit: null,
      active: true,
      disabled_reason: null,
      previous_secret_expires_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      secret: expect.stringMatching(/^whsec_/),
    });
    const api = await t.http
      .get(`/api/v1/webhooks/${id}`)
      .set('x-api-key', team.apiKey)
      .expect(200);
    const { secret: _secret, ...withoutSecret } = created.body;
    expect(api.body.data).toEqual({ ...withoutSecret, updated_at: expect.any(String) });
    expect((await admin.get(`/dashboard/api/webhooks/${id}`).expect(200)).body).toEqual(
      api.body.data,
    );

    const ping = await admin.post(`/dashboard/api/webhooks/${id}/test`).expect(202);
    const log = await admin.get(`/dashboard/api/webhooks/${id}/deliveries`).expect(200);
    expect(log.body).toMatchObject({
      items: [{ id: ping.body.delivery_id, event_type: 'ping', status: 'pending', attempts: [] }],
      total: 1,
    });
    const paused = await admin
      .patch(`/dashboard/api/webhooks/${id}`, { active: false })
      .expect(200);
    expect(paused.body).toMatchObject({ id, active: false });
    expect(paused.body.secret).toBeUndefined();

    const rotated = await admin.post(`/dashboard/api/webhooks/${id}/rotate-secret`).expect(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.previous_secret_expires_at).toEqual(expect.any(String));
  });

  it('lets a viewer read, not change; refuses bad bodies and another team’s webhook', async () => {
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const { id } = (
      await admin.post('/dashboard/api/webhooks', { url: 'http://127.0.0.1:9/a' }).expect(201)
    ).body;
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    expect((await viewer.get('/dashboard/api/webhooks').expect(200)).body.total).toBe(1);
    const refused = await viewer.post(`/dashboard/api/webhooks/${id}/test`).expect(403);
    expect(refused.body.error.code).toBe('forbidden_role');

    const bad = await admin.post('/dashboard/api/webhooks', { url: 'ftp://x/y' }).expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', fields: ['url'] });

    const other = await createTeam(t);
    const stranger = await loggedIn(t, (await dashboardUser(t, other.id, 'admin')).email);
    for (const answer of [
      await stranger.get(`/dashboard/api/webhooks/${id}`),
      await stranger.post(`/dashboard/api/webhooks/${id}/test`),
      await stranger.get(`/dashboard/api/webhooks/${id}/deliveries`),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      expect(JSON.stringify(answer.body)).not.toContain('127.0.0.1');
    }
  });
});
