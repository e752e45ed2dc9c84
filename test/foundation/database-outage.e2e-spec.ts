import { createTeam } from '../support/fixtures';
import { createRetailKey, retailCall, signedPost } from '../support/maxbridge';
import { TcpFaultProxy } from '../support/tcp-fault-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { SERVER_DB_URL } from '../support/test-database';

/**
 * A database server that goes away and comes back. Only a server database can: the embedded
 * SQLite file lives inside the process, so this runs in the MySQL/MariaDB suite (CI runs both).
 */
(SERVER_DB_URL ? describe : describe.skip)('when the database goes down and comes back', () => {
  let proxy: TcpFaultProxy;
  let t: TestApp;

  beforeAll(async () => {
    const target = new URL(SERVER_DB_URL!);
    proxy = new TcpFaultProxy(target.hostname, Number(target.port || 3306));
    await proxy.start();
    t = await startTestApp({ env: { DB_URL: proxy.urlFor(SERVER_DB_URL!) } });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await proxy.stop();
  });

  it('answers 503 on /health and 503 with Retry-After on every API, logs it with an id, and recovers', async () => {
    const team = await createTeam(t);
    const retailKey = await createRetailKey(t);
    await t.http.get('/health').expect(200);
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);

    await proxy.cut();

    const health = await t.http.get('/health').expect(503);
    expect(health.body).toEqual({
      status: 'error',
      info: {},
      error: { database: { status: 'down' } },
      details: { database: { status: 'down' } },
    });
    expect(t.logs.find('Health check failed')[0]).toMatchObject({
      level: 40,
      details: { database: { status: 'down' } },
    });

    // Each API in its own shape; the key lookup (in the authentication hook) is what fails.
    const monitor = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(503);
    const errorId = monitor.body.error.error_id as string;
    expect(errorId).toMatch(/^err_[0-9a-f]{16}$/);
    expect(monitor.headers['retry-after']).toBe('5');
    expect(monitor.body).toEqual({
      success: false,
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: `Service temporarily unavailable; retry in 5 s (error id ${errorId})`,
        error_id: errorId,
      },
    });
    const french = await t.http
      .get('/api/v1/lookups')
      .set('X-API-Key', team.apiKey)
      .set('Accept-Language', 'fr')
      .expect(503);
    expect(french.body.error.message).toBe(
      `Service momentanément indisponible ; réessayez dans 5 s (identifiant ${french.body.error.error_id})`,
    );
    const aml = await t.http
      .get('/betting-events/slips/slip-1')
      .set('X-API-Key', team.apiKey)
      .expect(503);
    expect(aml.headers['retry-after']).toBe('5');
    expect(aml.body).toEqual({
      error: {
        message: `Service temporarily unavailable; retry in 5 s (error id ${aml.body.error.error_id})`,
        status: 503,
        error_id: expect.stringMatching(/^err_/),
      },
    });
    const bets = await t.http.get('/api/bet/list').set('X-API-Key', team.apiKey).expect(503);
    expect(bets.body).toEqual({
      detail: `Service temporarily unavailable; retry in 5 s (error id ${bets.body.error_id})`,
      error_id: expect.stringMatching(/^err_/),
    });
    const cashDesk = await signedPost(t, '/api/payment/get-user-info', { userID: 1 });
    expect(cashDesk.status).toBe(503);
    expect(cashDesk.body).toEqual({
      code: 268,
      message: 'SERVER_ERROR',
      data: { error_id: expect.stringMatching(/^err_/) },
    });
    const retail = await retailCall(t, retailKey, 'GET', '/api/v1/get-locations');
    expect(retail.status).toBe(503);
    expect(retail.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Out of service for a moment; retry in 5 s',
      error_id: expect.stringMatching(/^err_/),
    });

    const dashboard = await t.http
      .post('/dashboard/api/login')
      .set('Accept-Language', 'fr')
      .send({ email: 'analyste@example.com', password: 'correct horse battery' })
      .expect(503);
    expect(dashboard.body).toEqual({
      error: {
        code: 'unavailable',
        message: expect.stringMatching(
          /^Service momentanément indisponible \(identifiant err_[0-9a-f]{16}\) : réessayez dans 5 s$/,
        ),
      },
    });

    expect(
      JSON.stringify([
        dashboard.body,
        monitor.body,
        aml.body,
        bets.body,
        cashDesk.body,
        retail.body,
      ]),
    ).not.toMatch(/ECONNREFUSED|SELECT|mysql|3306/i);
    const [logged] = t.logs.find(errorId).filter((line) => line.level === 50);
    expect(logged).toMatchObject({
      msg: `Database unavailable ${errorId}`,
      errorId,
      reqId: monitor.headers['x-request-id'],
    });
    expect(JSON.stringify(logged.err).length).toBeGreaterThan(2);
    const metrics = (await t.http.get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/http_requests_total\{[^}]*status="503"[^}]*\} [1-9]/);

    await proxy.restore();

    await eventually(async () => (await t.http.get('/health')).status === 200);
    const recovered = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    expect(recovered.body.event_types).toHaveLength(10);
  });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('did not recover in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
