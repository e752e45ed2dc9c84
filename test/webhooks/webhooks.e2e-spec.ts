import { WebhookDispatcher } from '../../src/webhooks/delivery/webhook-dispatcher';
import { HostResolver } from '../../src/webhooks/endpoints/network-guard';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Webhook endpoints through the HTTP API (issue 16): created with a secret shown once, listed,
 * changed, rotated and deleted, scoped to the key's team; URLs that are not http(s) or that lead
 * to private addresses refused. This instance runs without WEBHOOK_ALLOW_PRIVATE_NETWORKS, with
 * the host resolver replaced (these machines have no DNS).
 */

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const UUID = expect.stringMatching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
);
const SECRET = expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/);
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** What the replaced resolver answers, by host name; a host not here does not resolve. */
const DNS: Record<string, string[]> = {
  'hooks.example.com': ['93.184.216.34'],
  'v6.example.com': ['2606:2800:220:1:248:1893:25c8:1946'],
  'internal.example.com': ['93.184.216.34', '10.1.2.3'],
  'metadata.example.com': ['169.254.169.254'],
  'rebind.example.com': ['93.184.216.34'],
};

describe('webhook endpoints', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(HostResolver), 'resolve').mockImplementation(async (host) => {
      const found = DNS[host];
      if (!found) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
      return found;
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  const post = (path: string, body: unknown, key = team.apiKey) =>
    t.http
      .post(path)
      .set('X-API-Key', key)
      .send(body as object);
  const get = (path: string, key = team.apiKey) => t.http.get(path).set('X-API-Key', key);
  const patch = (path: string, body: unknown, key = team.apiKey) =>
    t.http
      .patch(path)
      .set('X-API-Key', key)
      .send(body as object);
  const create = async (body: object = { url: 'https://hooks.example.com/alerts' }) =>
    (await post('/api/v1/webhooks', body).expect(201)).body.data as { id: string; secret: string };
  const refusal = async (body: unknown) => {
    const res = await post('/api/v1/webhooks', body).expect(400);
    expect(res.body.success).toBe(false);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    return (res.body.error.details as { field: string; message: string }[]).map(
      (d) => `${d.field}: ${d.message}`,
    );
  };

  it('creates an endpoint and shows its secret once: a whsec_ key of 32 random bytes', async () => {
    const res = await post('/api/v1/webhooks', {
      url: 'https://hooks.example.com/alerts?team=7',
      events: ['alert.updated', 'alert.created', 'alert.created'],
      description: 'Cellule LBC/FT, Abidjan',
      rate_limit: 10,
    }).expect(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        id: UUID,
        url: 'https://hooks.example.com/alerts?team=7',
        description: 'Cellule LBC/FT, Abidjan',
        events: ['alert.created', 'alert.updated'],
        rate_limit: 10,
        active: true,
        disabled_reason: null,
        previous_secret_expires_at: null,
        created_at: ISO,
        updated_at: ISO,
        secret: SECRET,
      },
    });
    const { id, secret } = res.body.data;
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    const { secret: _shownOnce, ...shown } = res.body.data;
    expect((await get(`/api/v1/webhooks/${id}`).expect(200)).body).toEqual({
      success: true,
      data: shown,
    });
    expect((await get('/api/v1/webhooks').expect(200)).body).toEqual({
      success: true,
      data: { items: [shown], total: 1, page: 1, page_size: 20 },
    });
    const other = await create();
    expect(other.secret).not.toBe(secret);
  });

  it('defaults to every event type; `*` with other types is every type', async () => {
    expect((await create()) as object).toMatchObject({ events: ['*'], rate_limit: null });
    expect(
      (await create({
        url: 'https://hooks.example.com/',
        events: ['alert.created', '*'],
      })) as object,
    ).toMatchObject({ events: ['*'] });
  });

  it('lists newest first, in pages', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await create()).id);
    const page = (await get('/api/v1/webhooks?size=2&page=1').expect(200)).body.data;
    expect(page.items.map((w: { id: string }) => w.id)).toEqual([ids[2], ids[1]]);
    expect(page.total).toBe(3);
    const last = (await get('/api/v1/webhooks?size=2&page=2').expect(200)).body.data;
    expect(last.items.map((w: { id: string }) => w.id)).toEqual([ids[0]]);
    expect(
      (await get('/api/v1/webhooks?size=101&colour=red').expect(400)).body.error.details,
    ).toEqual([
      { field: 'colour', message: 'unknown query parameter colour; expected one of page, size' },
      { field: 'size', message: 'size must be an integer from 1 to 100' },
    ]);
  });

  it('changes an endpoint: url, types, description, rate limit (null removes it), active', async () => {
    const { id } = await create({ url: 'https://hooks.example.com/a', rate_limit: 5 });
    const res = await patch(`/api/v1/webhooks/${id}`, {
      url: 'https://v6.example.com/b',
      events: ['alert.created'],
      description: null,
      rate_limit: null,
      active: false,
    }).expect(200);
    expect(res.body.data).toEqual({
      id,
      url: 'https://v6.example.com/b',
      description: null,
      events: ['alert.created'],
      rate_limit: null,
      active: false,
      disabled_reason: null,
      previous_secret_expires_at: null,
      created_at: ISO,
      updated_at: ISO,
    });
    expect(res.body.data).not.toHaveProperty('secret');
    expect((await get(`/api/v1/webhooks/${id}`).expect(200)).body.data).toEqual(res.body.data);
  });

  it('refuses a change that changes nothing or names an unknown field, and changes nothing then', async () => {
    const { id } = await create();
    const before = (await get(`/api/v1/webhooks/${id}`).expect(200)).body.data;
    expect((await patch(`/api/v1/webhooks/${id}`, {}).expect(400)).body.error.details).toEqual([
      {
        field: 'body',
        message: 'nothing to change; give one of url, events, description, rate_limit, active',
      },
    ]);
    const res = await patch(`/api/v1/webhooks/${id}`, { active: 'no', secret: 'whsec_x' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        field: 'secret',
        message: 'unknown field secret; expected url, events, description, rate_limit or active',
      },
      { field: 'active', message: 'active must be true or false' },
    ]);
    expect(
      (await patch(`/api/v1/webhooks/${id}`, { url: 'http://10.0.0.1/' }).expect(400)).body.error
        .details[0].field,
    ).toBe('url');
    expect((await get(`/api/v1/webhooks/${id}`).expect(200)).body.data).toEqual(before);
  });

  it('rotates the secret: the new one shown once, the old one still signing for 24 hours', async () => {
    const { id, secret } = await create();
    const before = Date.now();
    const res = await post(`/api/v1/webhooks/${id}/rotate-secret`, undefined).expect(200);
    expect(res.body.data.secret).toEqual(SECRET);
    expect(res.body.data.secret).not.toBe(secret);
    const expires = Date.parse(res.body.data.previous_secret_expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 24 * 3_600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000 + 1000);
    const shown = (await get(`/api/v1/webhooks/${id}`).expect(200)).body.data;
    expect(shown.previous_secret_expires_at).toBe(res.body.data.previous_secret_expires_at);
    expect(shown).not.toHaveProperty('secret');
  });

  it('deletes an endpoint: 204, then 404', async () => {
    const { id } = await create();
    await t.http.delete(`/api/v1/webhooks/${id}`).set('X-API-Key', team.apiKey).expect(204);
    expect((await get(`/api/v1/webhooks/${id}`).expect(404)).body).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: `Webhook ${id} not found` },
    });
    await t.http.delete(`/api/v1/webhooks/${id}`).set('X-API-Key', team.apiKey).expect(404);
  });

  it('shows in /metrics how long the earliest due message has waited (no dispatcher runs here)', async () => {
    const metric = async (name: string) =>
      Number(
        new RegExp(`^${name} (\\S+)$`, 'm').exec(
          await (await fetch(`${t.url}/metrics`)).text(),
        )?.[1],
      );
    const { id } = await create();
    await post(`/api/v1/webhooks/${id}/test`, undefined).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await metric('webhook_messages_waiting\\{status="pending"\\}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(await metric('webhook_oldest_due_age_seconds')).toBeGreaterThanOrEqual(1);
  });

  it('takes the body-less actions with an empty JSON body, as client libraries send them', async () => {
    const { id } = await create();
    const emptyJson = (method: 'post' | 'delete', path: string) =>
      t.http[method](path)
        .set('X-API-Key', team.apiKey)
        .set('Content-Type', 'application/json')
        .send('');
    await emptyJson('post', `/api/v1/webhooks/${id}/rotate-secret`).expect(200);
    await emptyJson('post', `/api/v1/webhooks/${id}/test`).expect(202);
    // A body that is there is still read: malformed JSON is refused.
    const malformed = await t.http
      .post(`/api/v1/webhooks/${id}/test`)
      .set('X-API-Key', team.apiKey)
      .set('Content-Type', 'application/json')
      .send('{');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe('Malformed JSON body');
    await emptyJson('delete', `/api/v1/webhooks/${id}`).expect(204);
  });

  it('answers 404 for another team’s endpoint, on every route, and changes nothing of it', async () => {
    const { id } = await create();
    const other = await createTeam(t);
    const before = (await get(`/api/v1/webhooks/${id}`).expect(200)).body.data;
    const notFound = {
      success: false,
      error: { code: 'NOT_FOUND', message: `Webhook ${id} not found` },
    };
    expect((await get(`/api/v1/webhooks/${id}`, other.apiKey).expect(404)).body).toEqual(notFound);
    expect(
      (await patch(`/api/v1/webhooks/${id}`, { active: false }, other.apiKey).expect(404)).body,
    ).toEqual(notFound);
    expect(
      (await post(`/api/v1/webhooks/${id}/rotate-secret`, undefined, other.apiKey).expect(404))
        .body,
    ).toEqual(notFound);
    await t.http.delete(`/api/v1/webhooks/${id}`).set('X-API-Key', other.apiKey).expect(404);
    expect((await get('/api/v1/webhooks', other.apiKey).expect(200)).body.data.total).toBe(0);
    expect((await get(`/api/v1/webhooks/${id}`).expect(200)).body.data).toEqual(before);
    expect((await get(`/api/v1/webhooks/${id.toUpperCase()}`).expect(200)).body.data).toEqual(
      before,
    );
    await get(`/api/v1/webhooks/${NO_ID}`).expect(404);
    await get('/api/v1/webhooks/not-a-uuid').expect(404);
  });

  it('refuses URLs that are not absolute http(s), carry credentials or a fragment, or are too long', async () => {
    const bad =
      'url: url must be an absolute http or https URL of at most 2000 characters, without credentials or fragment';
    for (const url of [
      'ftp://hooks.example.com/alerts',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '/relative/path',
      'hooks.example.com/alerts',
      'https://user:password@hooks.example.com/',
      'https://hooks.example.com/alerts#top',
      'http://93.184.216.34:0/alerts',
      ' https://hooks.example.com/',
      `https://hooks.example.com/${'a'.repeat(2000)}`,
      42,
      ['https://hooks.example.com/'],
    ]) {
      expect([url, await refusal({ url })]).toEqual([url, [bad]]);
    }
    expect(await refusal({})).toEqual(['url: url is required']);
    expect(await refusal({ url: null })).toEqual(['url: url is required']);
  });

  it('refuses URLs that lead to private, loopback or link-local addresses, by literal or by DNS', async () => {
    for (const [url, address] of [
      ['http://127.0.0.1:8080/hook', '127.0.0.1'],
      ['http://10.0.0.7/hook', '10.0.0.7'],
      ['http://172.16.5.4/hook', '172.16.5.4'],
      ['http://192.168.1.1/hook', '192.168.1.1'],
      ['http://100.64.0.1/hook', '100.64.0.1'],
      ['http://0.0.0.0/hook', '0.0.0.0'],
      ['http://[::1]/hook', '::1'],
      ['http://[fd00::1]/hook', 'fd00::1'],
      ['http://[fe80::1]/hook', 'fe80::1'],
      ['http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1'],
      ['http://[64:ff9b::169.254.169.254]/latest', '64:ff9b::a9fe:a9fe'],
      ['http://[2002:7f00:1::]/hook', '2002:7f00:1::'],
      ['http://[::ffff:0:127.0.0.1]/hook', '::ffff:0:7f00:1'],
      ['http://[fec0::1]/hook', 'fec0::1'],
      ['https://internal.example.com/hook', '10.1.2.3'],
      ['https://metadata.example.com/latest', '169.254.169.254'],
    ]) {
      expect([url, await refusal({ url })]).toEqual([
        url,
        [
          `url: url leads to a private, loopback or link-local address (${address}); webhooks are sent to public addresses only`,
        ],
      ]);
    }
    expect(await refusal({ url: 'https://nowhere.example.com/' })).toEqual([
      'url: the host of url does not resolve',
    ]);
    await create({ url: 'https://[2606:2800:220:1:248:1893:25c8:1946]/hook' });
    await create({ url: 'http://93.184.216.34:8443/hook' });
    expect((await get('/api/v1/webhooks').expect(200)).body.data.total).toBe(2);
  });

  it('checks DNS again when it sends: a host that now leads to a private address is not sent to', async () => {
    const { id } = await create({ url: 'https://rebind.example.com/hook' });
    DNS['rebind.example.com'] = ['127.0.0.1'];
    try {
      await post(`/api/v1/webhooks/${id}/test`, undefined).expect(202);
      // At least this one: on a shared MySQL database, other suites' due messages come too.
      expect(await t.app.get(WebhookDispatcher).sendDue()).toBeGreaterThanOrEqual(1);
    } finally {
      DNS['rebind.example.com'] = ['93.184.216.34'];
    }
    const [delivery] = (await get(`/api/v1/webhooks/${id}/deliveries`).expect(200)).body.data.items;
    expect(delivery).toMatchObject({
      event_type: 'ping',
      status: 'pending',
      attempt_count: 1,
      attempts: [
        {
          status_code: null,
          error: 'the host leads to a private address (127.0.0.1): not sent',
          response_head: null,
        },
      ],
    });
  });

  it('refuses bad event types, descriptions, rate limits and unknown fields, all at once', async () => {
    expect(
      await refusal({
        url: 'https://hooks.example.com/',
        events: ['alert.deleted'],
        description: 'x'.repeat(501),
        rate_limit: 0,
        active: true,
      }),
    ).toEqual([
      'active: unknown field active; expected url, events, description or rate_limit',
      'events: events must be a non-empty list of *, alert.created, alert.updated, endpoint.disabled',
      'description: description must be text of at most 500 characters, without control characters',
      'rate_limit: rate_limit must be an integer from 1 to 1000 (deliveries a second), or null',
    ]);
    for (const events of [[], 'alert.created', [1], null]) {
      expect((await refusal({ url: 'https://hooks.example.com/', events }))[0]).toMatch(/^events:/);
    }
    for (const rate_limit of [1001, 1.5, '10', -1]) {
      expect((await refusal({ url: 'https://hooks.example.com/', rate_limit }))[0]).toMatch(
        /^rate_limit:/,
      );
    }
    expect(await refusal({ url: 'https://hooks.example.com/', description: 'a\u0000b' })).toEqual([
      'description: description must be text of at most 500 characters, without control characters',
    ]);
    expect(await refusal([{ url: 'https://hooks.example.com/' }])).toEqual([
      'body: the body must be a JSON object',
    ]);
    expect((await get('/api/v1/webhooks').expect(200)).body.data.total).toBe(0);
  });

  it('keeps a team to 20 endpoints, creations at once included', async () => {
    for (let i = 0; i < 17; i++) await create();
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('/api/v1/webhooks', { url: 'https://hooks.example.com/' }).then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([201, 201, 201, 400, 400, 400]);
    expect((await get('/api/v1/webhooks').expect(200)).body.data.total).toBe(20);
    expect(await refusal({ url: 'https://hooks.example.com/' })).toEqual([
      'body: a team has at most 20 webhook endpoints; delete one first',
    ]);
  });
});

describe('webhook endpoints with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
  });
  afterAll(() => t.close());

  it('accepts a receiver on loopback or in a private network', async () => {
    const team = await createTeam(t);
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.0.0.7/hook', 'http://[::1]:9/']) {
      const res = await t.http
        .post('/api/v1/webhooks')
        .set('X-API-Key', team.apiKey)
        .send({ url })
        .expect(201);
      expect(res.body.data.url).toBe(url);
    }
  });
});
