import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { FixtureRoutesModule, gate } from '../support/fixture-routes.module';
import { createTeam } from '../support/fixtures';
import { startTestApp } from '../support/test-app';

function get(url: string, path: string, apiKey: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${path}`,
      { headers: { 'X-API-Key': apiKey }, agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown (app.close, as on SIGTERM)', () => {
  it('lets a handler in progress finish and answer, refusing new connections meanwhile', async () => {
    const t = await startTestApp({ extraImports: [FixtureRoutesModule] });
    const team = await createTeam(t);
    gate.reset();

    const inFlight = get(t.url, '/api/v1/__fixtures__/slow', team.apiKey);
    await gate.entered;

    let closed = false;
    const closing = t.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    await expect(get(t.url, '/health', team.apiKey)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });

    gate.open();
    expect(await inFlight).toEqual({ status: 200, body: JSON.stringify({ done: true }) });
    await closing;
    expect(closed).toBe(true);
  });

  it('closes a kept-alive connection after the answer in flight, so its client reconnects elsewhere', async () => {
    const t = await startTestApp({ extraImports: [FixtureRoutesModule] });
    const team = await createTeam(t);
    gate.reset();
    const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const serverClosedIt = new Promise((resolve) => socket.on('end', resolve));

    socket.write(
      `GET /api/v1/__fixtures__/slow HTTP/1.1\r\nHost: x\r\nX-API-Key: ${team.apiKey}\r\nConnection: keep-alive\r\n\r\n`,
    );
    await gate.entered;
    const closing = t.close();
    await refusesConnections(Number(new URL(t.url).port));
    gate.open();
    await serverClosedIt;
    await closing;

    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(received.endsWith(JSON.stringify({ done: true }))).toBe(true);
  });
});

/** Resolves once the port refuses connections: the server has begun closing. */
async function refusesConnections(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const probe = connect(port, '127.0.0.1');
      probe.once('connect', () => (probe.destroy(), resolve(false)));
      probe.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
