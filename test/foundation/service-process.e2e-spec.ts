import { request as httpRequest } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, spawnService, waitForOutput } from '../support/service-process';
import { newSqlitePath, removeSqliteFiles } from '../support/test-database';

const execFileAsync = promisify(execFile);

/** `npm start` as a new user runs it: the built service, its own process, real signals. */
describe('the service process', () => {
  const paths: string[] = [];
  const newDatabase = () => {
    const path = newSqlitePath();
    paths.push(path);
    return path;
  };
  afterAll(() => paths.forEach(removeSqliteFiles));

  describe('with a bad configuration', () => {
    it.each([
      [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535 (got "abc")'],
      [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535 (got "70000")'],
      [{ DB_URL: 'postgres://u:secret@db/x' }, 'DB_URL must be mysql://'],
      [
        { LOG_LEVEL: 'loud' },
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      ],
      [
        { REDIS_URL: 'localhost:6379' },
        'REDIS_URL must be a URL starting with redis:// or rediss://',
      ],
      [{ RATE_LIMIT_FREE: '0' }, 'RATE_LIMIT_FREE must be an integer from 1'],
    ])(
      '%p: exits with code 1 and names the variable',
      async (env: Record<string, string>, message) => {
        const service = spawnService('main', { DB_URL: `sqlite:${newDatabase()}`, ...env });
        expect(await service.exited).toBe(1);
        expect(service.stderr()).toContain(message);
        expect(service.stderr()).not.toContain('secret');
      },
    );

    it('lists every bad variable at once', async () => {
      const service = spawnService('main', {
        PORT: 'x',
        TRUST_PROXY: 'maybe',
        DB_URL: `sqlite:${newDatabase()}`,
      });
      expect(await service.exited).toBe(1);
      expect(service.stderr()).toContain('PORT must be');
      expect(service.stderr()).toContain('TRUST_PROXY must be true or false (got "maybe")');
    });
  });

  describe('with a .env file in the working directory', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'bm-dotenv-'));
      writeFileSync(
        join(dir, '.env'),
        `# comment\nPORT=not-a-port\nDB_URL=sqlite:${join(dir, 'db.sqlite')}\n`,
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads it', async () => {
      const service = spawnService('main', {}, [], dir);
      expect(await service.exited).toBe(1);
      expect(service.stderr()).toContain(
        'PORT must be an integer from 0 to 65535 (got "not-a-port")',
      );
    });

    it('lets the environment win over it', async () => {
      const service = spawnService(
        'main',
        { PORT: '0', HOST: '127.0.0.1', DEMO_TEAM: 'false' },
        [],
        dir,
      );
      await waitForOutput(service, 'Serving on');
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(existsSync(join(dir, 'db.sqlite'))).toBe(true);
    });
  });

  it('creates a demo team on a new embedded database, prints its key once with a working curl line', async () => {
    const database = newDatabase();
    const first = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${database}`,
    });
    const output = await waitForOutput(
      first,
      /curl -s -H "X-API-Key: (bmk_[\w-]+)" (http:\/\/127\.0\.0\.1:\d+)\/api\/v1\/lookups/,
    );
    const [, apiKey, baseUrl] =
      /curl -s -H "X-API-Key: (bmk_[\w-]+)" (http:\/\/[\d.:]+)\/api\/v1\/lookups/.exec(output)!;
    expect(output).toContain(`${baseUrl}/docs`);

    const answer = await fetch(`${baseUrl}/api/v1/lookups`, { headers: { 'X-API-Key': apiKey } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { event_types: unknown[] }).event_types).toHaveLength(10);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(database)).toBe(true);

    const second = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${database}`,
    });
    await waitForOutput(second, 'Serving on');
    expect(second.stdout()).not.toContain('bmk_');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('serves MaxBridge on a new embedded database with a secret of its own, and prints working signed requests', async () => {
    const database = newDatabase();
    const first = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${database}`,
    });
    const output = await waitForOutput(first, /-d "\$body" \S+\/api\/payment\/withdraw/);
    const secretPath = `${database}.maxbridge-secret`;
    expect(statSync(secretPath).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretPath, 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    expect(output).not.toContain(secret);
    expect(first.stdout()).toContain('MaxBridge signs with the demo secret in');

    // The printed shell lines, run as printed.
    const blocks = output
      .split('\n')
      .filter((line) => /^ {4}(nonce=|hash=|curl -s -H "Nonce)/.test(line))
      .map((line) => line.trim());
    expect(blocks).toHaveLength(6);
    // Asynchronously: the service's output pipe must keep being read while the shell runs.
    const run = async (lines: string[]) =>
      JSON.parse(
        (await execFileAsync('bash', ['-c', lines.join('\n')], { timeout: 10_000 })).stdout,
      ) as {
        code: number;
        data: Record<string, unknown>;
      };
    const info = await run(blocks.slice(0, 3));
    expect(info).toMatchObject({
      code: 10,
      data: { userinfo: { balance: 5000, currency: 'EUR' } },
    });
    expect(await run(blocks.slice(3, 6))).toMatchObject({
      code: 10,
      data: { sis_transaction_id: 2 },
    });
    // The retail key, the demo desk and the player's login, also run as printed.
    const printed = (pattern: RegExp) =>
      output
        .split('\n')
        .filter((line) => pattern.test(line))
        .map((line) => line.trim());
    const [locations, reserve] = printed(/^ {4}curl -s -H "Authorization: rk_/);
    const desks = (await run([locations])) as unknown as { retails: { name: string }[] };
    expect(desks.retails.map((desk) => desk.name)).toEqual(['Demo desk']);
    expect(await run([reserve])).toEqual({ code: 'RESERVED', id: expect.any(String) });
    const [login] = printed(/^ {4}curl .*\/api\/v1\/auth\/login$/);
    expect(await run([login])).toMatchObject({ code: 10, data: { token: expect.any(String) } });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A later start keeps the same secret, and prints it nowhere.
    const second = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${database}`,
    });
    await waitForOutput(second, 'Serving on');
    expect(readFileSync(secretPath, 'utf8').trim()).toBe(secret);
    expect(second.stdout()).not.toContain('MaxBridge (cash desk)');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('leaves MaxBridge off on an embedded database without the demo (DEMO_TEAM=false) and no secret', async () => {
    const database = newDatabase();
    const service = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${database}`,
      DEMO_TEAM: 'false',
    });
    await waitForOutput(service, 'MaxBridge is off: set MAXBRIDGE_HASH_SECRET');
    expect(existsSync(`${database}.maxbridge-secret`)).toBe(false);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  });

  it('creates the demo team on a later start when the first one made none (e.g. DEMO_TEAM=false)', async () => {
    const database = newDatabase();
    const env = { PORT: '0', HOST: '127.0.0.1', DB_URL: `sqlite:${database}` };
    const first = spawnService('main', { ...env, DEMO_TEAM: 'false' });
    await waitForOutput(first, 'Serving on');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stdout()).not.toContain('bmk_');

    const second = spawnService('main', env);
    await waitForOutput(second, /X-API-Key: bmk_/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('does not create a demo team when DEMO_TEAM=false', async () => {
    const service = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${newDatabase()}`,
      DEMO_TEAM: 'false',
    });
    await waitForOutput(service, 'Serving on');
    expect(service.stdout()).not.toContain('bmk_');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  });

  it('on SIGTERM, finishes the request in flight, then exits 0', async () => {
    const service = spawnService('main', {
      PORT: '0',
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${newDatabase()}`,
      DEMO_TEAM: 'false',
    });
    const output = await waitForOutput(service, 'Serving on');
    const port = Number(/Serving on http:\/\/[\w.]+:(\d+)/.exec(output)![1]);

    // A request whose body is still arriving is in flight when the signal comes.
    const answered = new Promise<{ status: number; body: string; connection?: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/lookups',
            headers: { 'Content-Type': 'application/json', 'Content-Length': 2 },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode!, body, connection: res.headers.connection }),
            );
          },
        );
        req.on('error', reject);
        req.write('{');
        setTimeout(() => {
          service.child.kill('SIGTERM');
          setTimeout(() => req.end('}'), 300);
        }, 100);
      },
    );

    const { status, body, connection } = await answered;
    expect(status).toBe(404);
    expect(connection).toBe('close');
    expect(JSON.parse(body)).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Route POST /api/v1/lookups not found' },
    });
    const exitedWithin = Date.now();
    expect(await service.exited).toBe(0);
    expect(Date.now() - exitedWithin).toBeLessThan(2000);
    const messages = jsonLines(service.stdout()).map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['SIGTERM received: finishing in-flight requests', 'Stopped']),
    );
    expect(messages.indexOf('Stopped')).toBeGreaterThan(messages.indexOf('request completed'));
  });
});
