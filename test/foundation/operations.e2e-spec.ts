import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('operations: health, metrics, request ids, security headers', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('GET /health answers 200 when the database answers, without a key', async () => {
    const res = await t.http.get('/health').expect(200);
    const processing = {
      status: 'up',
      backlog: expect.any(Number),
      oldest_age_seconds: expect.any(Number),
      limit_seconds: 60,
    };
    expect(res.body).toEqual({
      status: 'ok',
      info: { database: { status: 'up', responseTime: expect.any(Number) }, processing },
      error: {},
      details: { database: { status: 'up', responseTime: expect.any(Number) }, processing },
    });
  });

  it('GET /metrics counts requests and latencies by route pattern and status', async () => {
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    await t.http.get('/api/v1/lookups').set('X-API-Key', team.apiKey).expect(200);
    await t.http.get('/api/v1/lookups').expect(401);
    await t.http.get('/api/v1/unknown/123').expect(404);

    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/v1/lookups",status="200"} 2',
    );
    expect(text).toContain(
      'http_requests_total{method="GET",route="/api/v1/lookups",status="401"} 1',
    );
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    // Every bucket exists; how long the requests took is the machine's business (a bucket below
    // +Inf made this test fail once on a busy machine), so only the total is asserted.
    const buckets = [
      ...text.matchAll(
        /http_request_duration_seconds_bucket\{le="([^"]+)",method="GET",route="\/api\/v1\/lookups",status="200"\} (\d+)/g,
      ),
    ];
    // prettier-ignore
    expect(buckets.map(([, le]) => le)).toEqual(
      ['0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'],
    );
    const counts = buckets.map(([, , count]) => Number(count));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(2);
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/api/v1/lookups",status="200"} 2',
    );
    expect(text).not.toContain('/api/v1/unknown/123');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('gives every answer a request id, keeping a sane one sent by the caller', async () => {
    const generated = await t.http.get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http.get('/health').set('X-Request-Id', 'trace-42.abc').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-42.abc');
    const refused = await t.http
      .get('/health')
      .set('X-Request-Id', 'bad id with spaces')
      .expect(200);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const onErrors = await t.http.get('/nowhere').set('X-Request-Id', 'trace-43').expect(404);
    expect(onErrors.headers['x-request-id']).toBe('trace-43');
  });

  it('sends security headers on every answer, errors included', async () => {
    for (const res of [
      await t.http.get('/health'),
      await t.http.get('/api/v1/lookups'),
      await t.http.get('/nowhere'),
    ]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });
});

describe('API documentation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http.get('/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('swagger-ui');
  });

  it('serves the OpenAPI document at /docs-json with the X-API-Key scheme and the monitor error shape', async () => {
    const res = await t.http.get('/docs-json').expect(200);
    const doc = res.body;
    expect(doc.components.securitySchemes['api-key']).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-API-Key',
      description: "Your team's API key",
    });
    const lookups = doc.paths['/api/v1/lookups'].get;
    expect(lookups.security).toEqual([{ 'api-key': [] }]);
    expect(Object.keys(lookups.responses).sort()).toEqual(['200', '401', '429', '500', '503']);
    expect(lookups.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/LookupsResponseDto',
    });
    expect(lookups.responses['429'].headers).toHaveProperty('Retry-After');
    expect(doc.components.schemas.MonitorErrorDto.required).toEqual(['success', 'error']);
    expect(doc.paths['/health'].get.security).toBeUndefined();
    expect(doc.paths['/health'].get.responses['503'].content['application/json'].example).toEqual({
      status: 'error',
      info: {},
      error: { database: { status: 'down' } },
      details: { database: { status: 'down' } },
    });
  });
});
