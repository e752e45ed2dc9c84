import { gzipSync } from 'node:zlib';
import { FixtureRoutesModule } from '../support/fixture-routes.module';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const BODY_LIMIT = 4096;

describe('bad input and failures on the monitor API', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({
      extraImports: [FixtureRoutesModule],
      env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) },
    });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  const echo = () =>
    t.http
      .post('/api/v1/__fixtures__/echo')
      .set('X-API-Key', team.apiKey)
      .set('Content-Type', 'application/json');

  it('answers a valid body (the fixture route works)', async () => {
    const res = await echo().send('{"name":"ok"}').expect(201);
    expect(res.body).toEqual({ name: 'ok' });
  });

  it('keeps the raw body exactly as received, for signature checks', async () => {
    const sent = '{ "name" :"ok",\n  "note":"ünïcode" }';
    const res = await t.http
      .post('/api/v1/__fixtures__/raw')
      .set('X-API-Key', team.apiKey)
      .set('Content-Type', 'application/json')
      .send(sent)
      .expect(201);
    expect(res.body).toEqual({ raw: sent });
  });

  it('ignores unknown fields instead of refusing them', async () => {
    const res = await echo()
      .send({ name: 'ok', note: 'kept', surprise: { deep: true } })
      .expect(201);
    expect(res.body).toEqual({ name: 'ok', note: 'kept' });
  });

  it.each([
    ['truncated', '{"name":'],
    ['not JSON at all', 'hello'],
    ['trailing garbage', '{"name":"x"} extra'],
  ])('refuses malformed JSON (%s) with 400 VALIDATION_ERROR', async (_case, body) => {
    const res = await echo().send(body).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Malformed JSON body' },
    });
  });

  it('refuses a body that is not UTF-8, rather than reading two different ids as one', async () => {
    // The body sent as the bytes it is, not serialised again (superagent types say string).
    const asBytes = (bytes: Buffer) => bytes as unknown as string;
    for (const bad of [0xff, 0xfe]) {
      const body = Buffer.concat([
        Buffer.from('{"name":"id-'),
        Buffer.from([bad]),
        Buffer.from('"}'),
      ]);
      const res = await echo().serialize(asBytes).send(body).expect(400);
      expect(res.body).toEqual({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: 'Malformed JSON body' },
      });
    }
    await echo().serialize(asBytes).send(Buffer.from('{"name":"id-é"}')).expect(201);
    // A JSON merge patch too (`PUT /api/v1/rules/:code` takes one).
    const patch = () =>
      echo().set('Content-Type', 'application/merge-patch+json').serialize(asBytes);
    await patch()
      .send(Buffer.concat([Buffer.from('{"name":"id-'), Buffer.from([0xff]), Buffer.from('"}')]))
      .expect(400);
    await patch().send(Buffer.from('{"name":"id-é"}')).expect(201);
  });

  it('refuses an empty JSON body with 400', async () => {
    const res = await echo().send('').expect(400);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Malformed JSON body' },
    });
  });

  it('refuses malformed JSON in French', async () => {
    const res = await echo().set('Accept-Language', 'fr').send('{').expect(400);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Corps JSON mal formé' },
    });
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await echo()
      .send(JSON.stringify({ name: 'x', note: 'y'.repeat(BODY_LIMIT) }))
      .expect(413);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'PAYLOAD_TOO_LARGE',
        message: `Request body exceeds the limit of ${BODY_LIMIT} bytes`,
      },
    });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.http
      .post('/api/v1/__fixtures__/echo')
      .set('X-API-Key', team.apiKey)
      .set('Content-Type', 'text/csv')
      .send('name\nx')
      .expect(415);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Content-Type must be application/json' },
    });
  });

  it('refuses a compressed body with 415, naming its Content-Encoding', async () => {
    const gzipped = gzipSync(JSON.stringify({ name: 'x' })) as unknown as string;
    const compressed = () =>
      echo()
        .set('Content-Encoding', 'gzip')
        .serialize((bytes) => bytes);
    const res = await compressed().send(gzipped).expect(415);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Content-Encoding gzip is not supported: send the body uncompressed',
      },
    });
    const french = await compressed().set('Accept-Language', 'fr').send(gzipped).expect(415);
    expect(french.body.error.message).toBe(
      'Le Content-Encoding gzip n’est pas pris en charge : envoyez le corps non compressé',
    );
    // `identity` is no encoding at all.
    await echo().set('Content-Encoding', 'identity').send({ name: 'x' }).expect(201);
  });

  it('refuses a body declared in another charset than UTF-8 with 415, naming it', async () => {
    const latin1 = () =>
      echo()
        .set('Content-Type', 'application/json; charset=iso-8859-1')
        .serialize((body) => Buffer.from(JSON.stringify(body), 'latin1') as unknown as string);
    const res = await latin1().send({ name: 'é' }).expect(415);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'charset iso-8859-1 is not supported: send the body in UTF-8',
      },
    });
    const french = await latin1().set('Accept-Language', 'fr').send({ name: 'é' }).expect(415);
    expect(french.body.error.message).toBe(
      'Le charset iso-8859-1 n’est pas pris en charge : envoyez le corps en UTF-8',
    );
    // UTF-8, however it is written, is read.
    for (const charset of ['utf-8', 'UTF-8', 'utf8', '"utf-8"']) {
      await echo()
        .set('Content-Type', `application/json; charset=${charset}`)
        .send(JSON.stringify({ name: 'é' }))
        .expect(201);
    }
  });

  it('lists every invalid field in details', async () => {
    const res = await echo().send({ name: 'far too long a name', note: 42 }).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: [
          { field: 'name', message: 'name must be shorter than or equal to 10 characters' },
          { field: 'note', message: 'note must be a string' },
        ],
      },
    });
  });

  it('checks the key before reading the body: no key, no parsing, 401', async () => {
    const malformed = await t.http
      .post('/api/v1/__fixtures__/echo')
      .set('Content-Type', 'application/json')
      .send('{"name":')
      .expect(401);
    expect(malformed.body.error.code).toBe('UNAUTHORIZED');
    const oversized = await t.http
      .post('/api/v1/__fixtures__/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x', note: 'y'.repeat(BODY_LIMIT * 2) }))
      .expect(401);
    expect(oversized.body.error.code).toBe('UNAUTHORIZED');
  });

  it('counts a refused body against the rate limit and sends the rate-limit headers with it', async () => {
    const fresh = await createTeam(t);
    const first = await t.http.get('/api/v1/lookups').set('X-API-Key', fresh.apiKey).expect(200);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const malformed = await t.http
      .post('/api/v1/__fixtures__/echo')
      .set('X-API-Key', fresh.apiKey)
      .set('Content-Type', 'application/json')
      .send('{')
      .expect(400);
    expect(malformed.headers['x-ratelimit-limit']).toBe('1000');
    expect(malformed.headers['x-ratelimit-remaining']).toBe(String(remaining - 1));
    expect(malformed.headers['x-ratelimit-reset']).toMatch(/^\d{10}$/);
    const tooLarge = await t.http
      .post('/api/v1/__fixtures__/echo')
      .set('X-API-Key', fresh.apiKey)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x', note: 'y'.repeat(BODY_LIMIT) }))
      .expect(413);
    expect(tooLarge.headers['x-ratelimit-remaining']).toBe(String(remaining - 2));
  });

  it('answers a malformed URL with 400 in the monitor envelope', async () => {
    const res = await t.http.get('/api/v1/%zz').set('X-API-Key', team.apiKey).expect(400);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: [{ field: 'url', message: expect.stringMatching(/^Malformed URL: /) }],
      },
    });
  });

  it('logs and counts a malformed URL, and repeats at most 200 characters of it', async () => {
    const count = async () =>
      Number(
        /^http_requests_total\{method="GET",route="malformed",status="400"\} (\d+)$/m.exec(
          (await t.http.get('/metrics').expect(200)).text,
        )?.[1] ?? 0,
      );
    const before = await count();
    const long = `/api/v1/events/${'a'.repeat(5000)}/status`;
    const res = await t.http.get(long).set('X-API-Key', team.apiKey).expect(400);
    const [detail] = res.body.error.details as { message: string }[];
    expect(detail.message).toMatch(/^Malformed URL: .{1,200}… \(\d+ characters\)$/);
    await t.http.get('/betting-events/%ZZ/status').set('X-API-Key', team.apiKey).expect(400);
    expect(await count()).toBe(before + 2);
    const lines = t.logs
      .find('request completed')
      .filter((line) => (line.res as { statusCode: number }).statusCode === 400 && line.reason);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[lines.length - 1]).toMatchObject({
      level: 40,
      req: { method: 'GET', url: '/betting-events/%ZZ/status' },
      route: null,
    });
  });

  it('answers an unknown route under /api/v1 with 404 in the monitor envelope', async () => {
    const res = await t.http
      .get('/api/v1/no-such-thing?x=1')
      .set('X-API-Key', team.apiKey)
      .expect(404);
    expect(res.body).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Route GET /api/v1/no-such-thing not found' },
    });
    const post = await t.http.post('/api/v1/lookups').send({}).expect(404);
    expect(post.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'Route POST /api/v1/lookups not found',
    });
  });

  it('answers an unknown route outside every API as JSON 404', async () => {
    const res = await t.http.get('/nowhere').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: { status: 404, message: 'No route for GET /nowhere' } });
  });

  it('answers an unexpected failure with 500 and an error id, logging the cause under that id', async () => {
    const res = await t.http
      .post('/api/v1/__fixtures__/boom')
      .set('X-API-Key', team.apiKey)
      .send({ name: 'body' })
      .expect(500);
    const errorId = res.body.error.error_id as string;
    expect(errorId).toMatch(/^err_[0-9a-f]{16}$/);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'INTERNAL_ERROR',
        message: `Internal server error (error id ${errorId})`,
        error_id: errorId,
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|vault|at .*\.ts|stack/i);

    const [logged] = t.logs.find(errorId).filter((line) => line.level === 50);
    expect(logged).toMatchObject({ errorId, reqId: res.headers['x-request-id'] });
    expect(JSON.stringify(logged)).toContain('fixture failure: SELECT secret FROM vault');
    const rawLine = t.logs.raw.find(
      (line) => line.includes(errorId) && line.includes('"level":50'),
    )!;
    expect(rawLine.match(/"reqId"/g)).toHaveLength(1);
    const completed = t.logs
      .find('request completed')
      .find((line) => line.reqId === res.headers['x-request-id']);
    expect(completed).toMatchObject({
      level: 50,
      route: '/api/v1/__fixtures__/boom',
      res: { statusCode: 500 },
    });
  });
});
