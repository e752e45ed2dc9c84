import { createTeam } from '../support/fixtures';
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

  it('answers 503 on /health and 500 with an error id on routes, stays up, and recovers', async () => {
    const team = await createTeam(t);
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

    const route = await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(500);
    const errorId = route.body.error.error_id as string;
    expect(route.body).toEqual({
      success: false,
      error: {
        code: 'INTERNAL_ERROR',
        message: `Internal server error (error id ${errorId})`,
        error_id: errorId,
      },
    });
    expect(JSON.stringify(route.body)).not.toMatch(/ECONNREFUSED|SELECT|mysql|3306/i);
    const [logged] = t.logs.find(errorId).filter((line) => line.level === 50);
    // Raised in the authentication hook (the key lookup), before any handler: still under its id.
    expect(logged).toMatchObject({ errorId, reqId: route.headers['x-request-id'] });
    expect(JSON.stringify(logged.err).length).toBeGreaterThan(2);

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
