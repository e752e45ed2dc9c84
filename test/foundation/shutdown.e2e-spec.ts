import { request as httpRequest } from 'node:http';
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
});
