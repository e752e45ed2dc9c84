import { sendLargeDeposit } from '../support/large-deposit';
import { MicroTime } from '../../src/common/time/micro-time';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { WebhookDispatcher } from '../../src/webhooks/delivery/webhook-dispatcher';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { Receiver, signedWith, type Received } from './receiver';

/**
 * Webhook deliveries to a real HTTP receiver on loopback (issue 16): the outbox written with the
 * alert, signed per Standard Webhooks, retried on the schedule (here in milliseconds) with the
 * same id and bytes, Retry-After honoured, 410 and endless failures disabling the endpoint and
 * telling the team's other endpoints, rotation's two signatures, pauses, and the delivery log.
 */

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const UUID = expect.stringMatching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
);

describe('webhook deliveries', () => {
  let t: TestApp;
  let team: TestTeam;
  let receiver: Receiver;
  let run = 0;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        WEBHOOK_DISPATCH_ENABLED: 'true',
        WEBHOOK_POLL_MS: '20',
        WEBHOOK_RETRY_SCHEDULE: '200ms,300ms,300ms',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOK_DISABLE_AFTER: '3s',
      },
    });
    receiver = new Receiver();
    await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });
  beforeEach(async () => {
    team = await createTeam(t);
    run++;
  });

  const api = {
    get: (path: string, key = team.apiKey) => t.http.get(path).set('X-API-Key', key),
    post: (path: string, body?: object, key = team.apiKey) =>
      t.http.post(path).set('X-API-Key', key).send(body),
    patch: (path: string, body: object) =>
      t.http.patch(path).set('X-API-Key', team.apiKey).send(body),
  };
  /** An endpoint on the receiver at a path of this test's own. */
  const endpoint = async (name: string, body: object = {}) => {
    const path = `/${run}/${name}`;
    const res = await api
      .post('/api/v1/webhooks', { url: receiver.url + path, ...body })
      .expect(201);
    return { path, id: res.body.data.id as string, secret: res.body.data.secret as string };
  };
  /** A deposit of 1,500,000 XOF, processed: a LARGE_TRANSACTION alert; its uuid. */
  const raiseAlert = async (player = `p-${run}`) => {
    await sendLargeDeposit(t, team.apiKey, `dep-${run}-${player}`, player);
    await t.app.get(ProcessingWorker).drain();
    const alerts = (await api.get('/api/v1/alerts').expect(200)).body.data.items;
    return alerts[0].id as string;
  };
  const deliveries = async (id: string, query = '') =>
    (await api.get(`/api/v1/webhooks/${id}/deliveries${query}`).expect(200)).body.data;
  const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('timed out');
  };
  const json = (r: Received) => JSON.parse(r.body);

  it('sends alert.created signed as Standard Webhooks, the alert as GET /alerts/:id shows it', async () => {
    const hook = await endpoint('created');
    const alertId = await raiseAlert();
    const [delivery] = await receiver.waitFor(hook.path, 1);
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'webhook-id': UUID,
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'user-agent': 'BettingMonitor-Webhooks/1.0',
    });
    expect(
      Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000),
    ).toBeLessThan(10);
    expect(signedWith(delivery, [hook.secret])).toEqual([hook.secret]);
    const alert = (await api.get(`/api/v1/alerts/${alertId}`).expect(200)).body.data;
    expect(json(delivery)).toEqual({ type: 'alert.created', timestamp: ISO, data: alert });
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'succeeded');
    expect(await deliveries(hook.id)).toEqual({
      items: [
        {
          id: delivery.headers['webhook-id'],
          event_type: 'alert.created',
          status: 'succeeded',
          attempt_count: 1,
          next_attempt_at: null,
          created_at: ISO,
          last_attempt_at: ISO,
          attempts: [
            {
              at: ISO,
              status_code: 200,
              latency_ms: expect.any(Number),
              error: null,
              response_head: 'ok',
            },
          ],
        },
      ],
      total: 1,
      page: 1,
      page_size: 20,
    });
  });

  it('retries a receiver that fails, with the same webhook-id and the same bytes, until it succeeds', async () => {
    const hook = await endpoint('flaky');
    receiver.script(
      hook.path,
      { status: 500, body: 'down' },
      { status: 502 },
      { status: 200, body: 'back' },
    );
    await raiseAlert();
    const got = await receiver.waitFor(hook.path, 3);
    expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(got.map((r) => r.body)).size).toBe(1);
    for (const r of got) expect(signedWith(r, [hook.secret])).toEqual([hook.secret]);
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(150);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'succeeded');
    const [logged] = (await deliveries(hook.id)).items;
    expect(
      logged.attempts.map((a: { status_code: number; error: string | null }) => [
        a.status_code,
        a.error,
      ]),
    ).toEqual([
      [500, 'answered 500'],
      [502, 'answered 502'],
      [200, null],
    ]);
    expect(logged.attempts[0].response_head).toBe('down');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.on(hook.path)).toHaveLength(3);
  });

  it('logs a failed attempt as the dispatcher’s, not under the request that queued it', async () => {
    const hook = await endpoint('context');
    receiver.script(hook.path, { status: 500 }, { status: 200 });
    const requestId = `ping-context-${run}`;
    await api.post(`/api/v1/webhooks/${hook.id}/test`).set('X-Request-Id', requestId).expect(202);
    await receiver.waitFor(hook.path, 2);
    const failed = () =>
      t.logs.lines.filter(
        (line) =>
          typeof line.msg === 'string' &&
          line.msg.startsWith('Webhook delivery') &&
          line.msg.includes(hook.id),
      );
    await waitUntil(async () => failed().length > 0);
    expect(failed().map((line) => line.reqId)).toEqual([undefined]);
    expect(t.logs.find(requestId).map((line) => line.msg)).toEqual(['request completed']);
  });

  it('shows the outbox in /metrics: messages held by a paused endpoint, endpoints failing', async () => {
    const metric = async (name: string) => {
      const text = await (await fetch(`${t.url}/metrics`)).text();
      const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
      return value === undefined ? undefined : Number(value);
    };
    const held = await endpoint('held');
    await api.patch(`/api/v1/webhooks/${held.id}`, { active: false }).expect(200);
    await api.post(`/api/v1/webhooks/${held.id}/test`).expect(202);
    const failing = await endpoint('failing');
    // Four attempts fail: the endpoint fails until WEBHOOK_DISABLE_AFTER (3 s) disables it.
    receiver.script(failing.path, ...Array.from({ length: 4 }, () => ({ status: 500 })));
    await api.post(`/api/v1/webhooks/${failing.id}/test`).expect(202);
    await receiver.waitFor(failing.path, 1);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the gauges' read is a second old at most

    expect(await metric('webhook_messages_waiting\\{status="paused"\\}')).toBeGreaterThanOrEqual(1);
    expect(await metric('webhook_endpoints_failing')).toBeGreaterThanOrEqual(1);
    await api.patch(`/api/v1/webhooks/${held.id}`, { active: true }).expect(200);
  });

  it('honours Retry-After on 429 and 503', async () => {
    const hook = await endpoint('busy');
    receiver.script(hook.path, { status: 429, headers: { 'retry-after': '1' } });
    const { body } = await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    expect(body).toEqual({ success: true, data: { delivery_id: UUID } });
    const got = await receiver.waitFor(hook.path, 2);
    expect(got[1].at - got[0].at).toBeGreaterThanOrEqual(950);
    expect(json(got[1])).toEqual({
      type: 'ping',
      timestamp: expect.stringMatching(/Z$/),
      data: { webhook_id: hook.id },
    });
    expect(got[0].headers['webhook-id']).toBe(body.data.delivery_id);
  });

  it('gives up after the last retry; timeouts, a broken answer and redirects are failures', async () => {
    const hook = await endpoint('broken');
    receiver.script(
      hook.path,
      { status: 200, delayMs: 800 },
      { hangUp: true },
      { status: 302, headers: { location: 'https://elsewhere.example/' } },
      { status: 500 },
    );
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'failed');
    const [logged] = (await deliveries(hook.id)).items;
    expect(logged.attempt_count).toBe(4);
    expect(
      logged.attempts.map((a: { status_code: number; error: string }) => [a.status_code, a.error]),
    ).toEqual([
      [null, 'no answer within 500 ms'],
      [200, expect.stringContaining('broke off')],
      [302, 'redirects are not followed (to https://elsewhere.example/)'],
      [500, 'answered 500'],
    ]);
    expect((await deliveries(hook.id, '?status=failed')).total).toBe(1);
    expect((await deliveries(hook.id, '?status=succeeded')).total).toBe(0);
    // Still on: a failure of a few seconds does not disable it.
    expect((await api.get(`/api/v1/webhooks/${hook.id}`).expect(200)).body.data.active).toBe(true);
  });

  it('a 410 disables the endpoint at once and tells the team’s other endpoints', async () => {
    const gone = await endpoint('gone');
    const watcher = await endpoint('watcher', { events: ['endpoint.disabled'] });
    receiver.script(gone.path, { status: 410 });
    await raiseAlert();
    const [notice] = await receiver.waitFor(watcher.path, 1);
    expect(json(notice)).toEqual({
      type: 'endpoint.disabled',
      timestamp: expect.stringMatching(/Z$/),
      data: {
        webhook_id: gone.id,
        url: receiver.url + gone.path,
        reason: 'gone',
        disabled_at: ISO,
      },
    });
    expect(signedWith(notice, [watcher.secret])).toEqual([watcher.secret]);
    expect((await api.get(`/api/v1/webhooks/${gone.id}`).expect(200)).body.data).toMatchObject({
      active: false,
      disabled_reason: 'gone',
    });
    expect(receiver.on(gone.path)).toHaveLength(1);
    expect(receiver.on(watcher.path)).toHaveLength(1);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/webhook_endpoints_disabled_total\{reason="gone"\} [1-9]/);
  });

  it('disables an endpoint that failed every attempt for WEBHOOK_DISABLE_AFTER', async () => {
    const hook = await endpoint('failing');
    receiver.script(hook.path, ...Array.from({ length: 20 }, () => ({ status: 500 })));
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'failed');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    await waitUntil(
      async () => (await api.get(`/api/v1/webhooks/${hook.id}`)).body.data.active === false,
    );
    expect((await api.get(`/api/v1/webhooks/${hook.id}`)).body.data.disabled_reason).toBe(
      'failing',
    );
  });

  it('signs with both secrets while the one before a rotation lasts', async () => {
    const hook = await endpoint('rotated');
    const rotated = (await api.post(`/api/v1/webhooks/${hook.id}/rotate-secret`).expect(200)).body
      .data.secret as string;
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    const [delivery] = await receiver.waitFor(hook.path, 1);
    expect(String(delivery.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(signedWith(delivery, [rotated, hook.secret])).toEqual([rotated, hook.secret]);
  });

  it('sends alert.updated when an alert’s status or assignee changes', async () => {
    const hook = await endpoint('updates', { events: ['alert.updated'] });
    const alertId = await raiseAlert();
    await api.patch(`/api/v1/alerts/${alertId}`, { status: 'ACKNOWLEDGED' }).expect(200);
    const [update] = await receiver.waitFor(hook.path, 1);
    expect(json(update)).toMatchObject({
      type: 'alert.updated',
      data: { id: alertId, status: 'ACKNOWLEDGED' },
    });
    await api.patch(`/api/v1/alerts/${alertId}`, { note: 'only a note' }).expect(200);
    await api.patch(`/api/v1/alerts/${alertId}`, { assignee: 'awa.diop' }).expect(200);
    const got = await receiver.waitFor(hook.path, 2);
    expect(json(got[1])).toMatchObject({ type: 'alert.updated', data: { assignee: 'awa.diop' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.on(hook.path)).toHaveLength(2);
  });

  it('tells new hits on an alert at most once a minute: one waiting message shows them all', async () => {
    const hook = await endpoint('hits', { events: ['alert.updated'] });
    const deposit = (i: number) =>
      api
        .post('/api/v1/events', {
          event_id: `hit-${run}-${i}`,
          player: { id: `p-hits-${run}` },
          event: {
            type: 'DEPOSIT',
            timestamp: new Date().toISOString(),
            amount: 1_500_000,
            currency: 'XOF',
          },
        })
        .expect(202);
    await deposit(1); // opens the alert: no alert.updated
    await t.app.get(ProcessingWorker).drain();
    await deposit(2); // a new hit: told at once
    await t.app.get(ProcessingWorker).drain();
    const [first] = await receiver.waitFor(hook.path, 1);
    expect(json(first)).toMatchObject({ type: 'alert.updated', data: { hit_count: 2 } });
    await deposit(3); // within the minute: due a minute after the first
    await t.app.get(ProcessingWorker).drain();
    await deposit(4); // that one still waits: nothing more
    await t.app.get(ProcessingWorker).drain();
    const log = (await deliveries(hook.id)).items as {
      status: string;
      created_at: string;
      next_attempt_at: string | null;
    }[];
    expect(log.map((d) => d.status)).toEqual(['pending', 'succeeded']);
    const wait = Date.parse(log[0].next_attempt_at!) - Date.parse(log[1].created_at);
    expect(wait).toBeGreaterThanOrEqual(59_900);
    expect(wait).toBeLessThanOrEqual(60_100);
    expect(receiver.on(hook.path)).toHaveLength(1);
  });

  it('a paused endpoint keeps its messages until it is on again', async () => {
    const hook = await endpoint('paused');
    await api.patch(`/api/v1/webhooks/${hook.id}`, { active: false }).expect(200);
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.on(hook.path)).toHaveLength(0);
    expect((await deliveries(hook.id, '?status=paused')).total).toBe(1);
    await api.patch(`/api/v1/webhooks/${hook.id}`, { active: true }).expect(200);
    const [ping] = await receiver.waitFor(hook.path, 1);
    expect(json(ping)).toMatchObject({ type: 'ping', data: { webhook_id: hook.id } });
  });

  it('redelivers one delivery: the same webhook-id and the same bytes, one attempt more', async () => {
    const hook = await endpoint('redeliver');
    const id = (await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202)).body.data
      .delivery_id as string;
    await receiver.waitFor(hook.path, 1);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'succeeded');
    expect(
      (await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${id}/redeliver`).expect(202)).body,
    ).toEqual({ success: true, data: { delivery_id: id } });
    const got = await receiver.waitFor(hook.path, 2);
    expect(got[1].headers['webhook-id']).toBe(id);
    expect(got[1].body).toBe(got[0].body);
    expect(signedWith(got[1], [hook.secret])).toEqual([hook.secret]);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.attempt_count === 2);

    // Waiting already (paused): a 409; unknown: a 404.
    await api.patch(`/api/v1/webhooks/${hook.id}`, { active: false }).expect(200);
    const held = (await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202)).body.data
      .delivery_id as string;
    expect(
      (await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${held}/redeliver`).expect(409)).body,
    ).toEqual({
      success: false,
      error: {
        code: 'CONFLICT',
        message: `Delivery ${held} cannot move from paused to redelivered`,
      },
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${unknown}/redeliver`).expect(404))
        .body,
    ).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: `Delivery ${unknown} not found` },
    });
  });

  it('gives a delivery sent again one attempt, even one given up before its retries ran out', async () => {
    const hook = await endpoint('resent');
    // A 410 gives the ping up after its first attempt, with three retries left.
    receiver.script(hook.path, { status: 410 }, { status: 500 }, { status: 500 });
    const id = (await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202)).body.data
      .delivery_id as string;
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'failed');
    await api.patch(`/api/v1/webhooks/${hook.id}`, { active: true }).expect(200);

    await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${id}/redeliver`).expect(202);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'failed');
    await api.post(`/api/v1/webhooks/${hook.id}/replay`, { since: '2020-01-01T00:00:00Z' });
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.attempt_count === 3);
    // Past every retry of the schedule (200 + 300 + 300 ms): no attempt more.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [logged] = (await deliveries(hook.id)).items;
    expect(logged).toMatchObject({ status: 'failed', attempt_count: 3 });
    expect(receiver.on(hook.path)).toHaveLength(3);
  });

  it('replays a window in order, or only its failed deliveries; refuses a bad window', async () => {
    const hook = await endpoint('replay');
    const ping = async () =>
      (await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202)).body.data
        .delivery_id as string;
    const before = new Date(Date.now() - 1000).toISOString();
    const first = await ping();
    await receiver.waitFor(hook.path, 1);
    const middle = new Date().toISOString();
    receiver.script(hook.path, ...Array.from({ length: 4 }, () => ({ status: 500 })));
    const second = await ping();
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'failed');
    const third = await ping();
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'succeeded');
    const sent = () => receiver.on(hook.path).map((r) => r.headers['webhook-id']);
    const seen = sent().length;

    const replay = (body: object) => api.post(`/api/v1/webhooks/${hook.id}/replay`, body);
    expect((await replay({ since: before, status: 'failed' }).expect(202)).body).toEqual({
      success: true,
      data: { replayed: 1 },
    });
    await receiver.waitFor(hook.path, seen + 1);
    expect(sent().slice(seen)).toEqual([second]);
    await waitUntil(async () => (await deliveries(hook.id, '?status=succeeded')).total === 3);

    expect((await replay({ since: middle }).expect(202)).body.data.replayed).toBe(2);
    await receiver.waitFor(hook.path, seen + 3);
    expect(new Set(sent().slice(seen + 1))).toEqual(new Set([second, third]));
    expect(sent()).not.toContain(undefined);
    expect(sent().filter((id) => id === first)).toHaveLength(1);

    const bad = await replay({ until: 'soon', status: 'succeeded', colour: 'red' }).expect(400);
    expect(bad.body.error.details).toEqual([
      { field: 'colour', message: 'unknown field colour; expected since, until or status' },
      { field: 'since', message: 'since is required' },
      {
        field: 'until',
        message: 'until must be an ISO 8601 time with a zone, such as 2026-01-31T00:00:00Z',
      },
      { field: 'status', message: 'status must be failed (only the failed deliveries), or absent' },
    ]);
    expect((await replay({ since: middle, until: before }).expect(400)).body.error.details).toEqual(
      [{ field: 'until', message: 'until must be after since' }],
    );
  });

  it('purges the messages older than the retention, never one still waiting', async () => {
    const hook = await endpoint('purge');
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    await waitUntil(async () => (await deliveries(hook.id)).items[0]?.status === 'succeeded');
    await api.patch(`/api/v1/webhooks/${hook.id}`, { active: false }).expect(200);
    await api.post(`/api/v1/webhooks/${hook.id}/test`).expect(202);
    const tomorrow = MicroTime.fromMicros((Date.now() + 86_400_000) * 1000);
    expect(await t.app.get(WebhookDispatcher).purgeBefore(tomorrow)).toBeGreaterThanOrEqual(1);
    const left = await deliveries(hook.id);
    expect(left.items.map((d: { status: string }) => d.status)).toEqual(['paused']);
  });

  it('keeps a slow endpoint from delaying another, and an endpoint to its rate limit', async () => {
    const slow = await endpoint('slow');
    const fast = await endpoint('fast');
    receiver.script(
      slow.path,
      ...Array.from({ length: 20 }, () => ({ status: 200, delayMs: 400 })),
    );
    // More than WEBHOOK_CONCURRENCY (16): without a cap per endpoint, they would take every slot.
    for (let i = 0; i < 20; i++) await api.post(`/api/v1/webhooks/${slow.id}/test`).expect(202);
    await receiver.waitFor(slow.path, 1);
    const asked = Date.now();
    await api.post(`/api/v1/webhooks/${fast.id}/test`).expect(202);
    const [ping] = await receiver.waitFor(fast.path, 1);
    expect(ping.at - asked).toBeLessThan(300);

    const limited = await endpoint('limited', { rate_limit: 5 });
    for (let i = 0; i < 6; i++) await api.post(`/api/v1/webhooks/${limited.id}/test`).expect(202);
    const got = await receiver.waitFor(limited.path, 6);
    // Sent 200 ms apart: the sixth 1 s after the first (unlimited, all six within a few ms). The
    // receiver stamps arrivals on this process's event loop, which a busy machine may hold up for
    // the first more than for the sixth: 100 ms of slack, still failing a rate 12 % too high.
    expect(got[5].at - got[0].at).toBeGreaterThanOrEqual(900);
  });

  it('sends a burst to a quick endpoint (whose messages are claimed ahead) each once, at most 4 at once', async () => {
    const quick = await endpoint('quick');
    // A first answer shows the endpoint quick (within a quarter of the 500 ms timeout).
    await api.post(`/api/v1/webhooks/${quick.id}/test`).expect(202);
    await receiver.waitFor(quick.path, 1);
    receiver.script(
      quick.path,
      ...Array.from({ length: 40 }, () => ({ status: 200, delayMs: 40 })),
    );
    for (let i = 0; i < 40; i++) await api.post(`/api/v1/webhooks/${quick.id}/test`).expect(202);
    const got = await receiver.waitFor(quick.path, 41);
    // Counted by the receiver: requests that had come and were not answered yet. A slot is freed
    // only once its answer is read, after the receiver ended it: never more than 4.
    expect(receiver.mostAtOnce(quick.path)).toBeLessThanOrEqual(4);
    expect(receiver.mostAtOnce(quick.path)).toBeGreaterThan(1);
    const ids = got.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(41);
    const outcomes = async () =>
      (await deliveries(quick.id, '?size=100')).items.map(
        (d: { status: string; attempt_count: number }) => `${d.status} ${d.attempt_count}`,
      );
    await waitUntil(async () => (await outcomes()).every((o: string) => o !== 'pending 0'));
    expect(await outcomes()).toEqual(Array.from({ length: 41 }, () => 'succeeded 1'));
  });

  it('answers 404 for another team’s deliveries and test', async () => {
    const hook = await endpoint('mine');
    const other = await createTeam(t);
    for (const res of [
      await api.get(`/api/v1/webhooks/${hook.id}/deliveries`, other.apiKey),
      await api.post(`/api/v1/webhooks/${hook.id}/test`, undefined, other.apiKey),
      await api.post(
        `/api/v1/webhooks/${hook.id}/replay`,
        { since: '2026-01-01T00:00:00Z' },
        other.apiKey,
      ),
    ]) {
      expect([res.status, res.body]).toEqual([
        404,
        { success: false, error: { code: 'NOT_FOUND', message: `Webhook ${hook.id} not found` } },
      ]);
    }
    expect(receiver.on(hook.path)).toHaveLength(0);
    const bad = await api.get(`/api/v1/webhooks/${hook.id}/deliveries?status=lost&since=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { field: 'status', message: 'status must be one of pending, paused, succeeded, failed' },
      {
        field: 'since',
        message: 'since must be an ISO 8601 time with a zone, such as 2026-01-31T00:00:00Z',
      },
    ]);
  });
});
