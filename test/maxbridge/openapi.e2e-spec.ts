import { MAXBRIDGE_CODES, MaxBridgeCode } from '../../src/maxbridge/maxbridge-code';
import { USER_INFO_ANSWERS, WITHDRAW_ANSWERS } from '../../src/maxbridge/payment/payment.examples';
import { requestHash } from '../../src/maxbridge/signing/request-hash';
import { startTestApp, type TestApp } from '../support/test-app';

type Operation = {
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: { $ref: string }; examples?: Record<string, unknown> }>;
  };
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<
    string,
    { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }
  >;
  security?: Record<string, string[]>[];
  tags: string[];
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; description: string }[];
  components: {
    securitySchemes: Record<string, { type: string; in: string; name: string }>;
    schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }>;
  };
};

/** What the cash-desk integrator and support staff see of MaxBridge in Swagger. */
describe('Swagger of MaxBridge', () => {
  let t: TestApp;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => t.close());

  it('shows both routes, signed by Nonce and Hash together, with their examples', () => {
    for (const [path, examples] of [
      ['/api/payment/get-user-info', USER_INFO_ANSWERS],
      ['/api/payment/withdraw', WITHDRAW_ANSWERS],
    ] as const) {
      const operation = doc.paths[path].post;
      expect(operation.tags).toEqual(['MaxBridge']);
      expect(operation.security).toEqual([{ 'maxbridge-nonce': [], 'maxbridge-hash': [] }]);
      expect(Object.keys(operation.responses).sort()).toEqual(['200', '500', '503']);
      expect(operation.responses['200'].content?.['application/json'].examples).toEqual(examples);
    }
    expect(doc.components.securitySchemes['maxbridge-nonce']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Nonce',
    });
    expect(doc.components.securitySchemes['maxbridge-hash']).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Hash',
    });
  });

  it("documents every field of the seed's withdraw request, and which are required", () => {
    const schema = doc.components.schemas.WithdrawRequestDto;
    expect(Object.keys(schema.properties)).toEqual([
      'user_id',
      'amount',
      'currency',
      'service_id',
      'ip',
      'lang',
      'fee',
      'transaction_id',
    ]);
    expect(schema.required?.sort()).toEqual([
      'amount',
      'currency',
      'service_id',
      'transaction_id',
      'user_id',
    ]);
  });

  it('explains how to compute the hash, with the seed example, and lists every code of the table', () => {
    const tag = doc.tags.find((t) => t.name === 'MaxBridge')!;
    expect(tag.description).toContain('hex(SHA256(Nonce + body + secret))');
    const seedHash = requestHash(
      '1234',
      '{"transaction_id":"00000000-0000-0000-0000-000000000000","service_id":1,"user_id":1121}',
      'secret',
    );
    expect(tag.description).toContain(seedHash);
    for (const code of MAXBRIDGE_CODES) expect(tag.description).toContain(`| ${code} | `);
    expect(tag.description).toContain(
      '| 154 | INSUFFICIENT_FUNDS | Insufficient funds on the account |',
    );
    expect(tag.description).toContain(`| ${MaxBridgeCode.ACCOUNT_NOT_FOUND} | USER_NOT_FOUND |`);
  });

  it('reads in order for support staff: the business APIs first, operations last, the code table folded', () => {
    const names = doc.tags.map((tag) => tag.name);
    const first = (prefix: string) => names.findIndex((name) => name.startsWith(prefix));
    expect(first('Betting Monitor')).toBe(0);
    expect(first('AML')).toBeGreaterThan(first('Betting Monitor'));
    expect(first('Bet Records')).toBeGreaterThan(first('AML'));
    expect(first('MaxBridge')).toBeGreaterThan(first('Bet Records'));
    expect(names.at(-1)).toBe('Operations');
    const maxbridge = doc.tags.find((tag) => tag.name === 'MaxBridge')!.description;
    expect(maxbridge.indexOf('<details>')).toBeLessThan(maxbridge.indexOf('| 10 | '));
    expect(maxbridge.trimEnd()).toMatch(/<\/details>$/);
  });

  it('describes the three kinds of caller: nonce and hash, the retail key, the player session', () => {
    expect(doc.components.securitySchemes).toMatchObject({
      'maxbridge-nonce': { type: 'apiKey', in: 'header', name: 'Nonce' },
      'maxbridge-hash': { type: 'apiKey', in: 'header', name: 'Hash' },
      'maxbridge-retail-key': { type: 'apiKey', in: 'header', name: 'Authorization' },
      'maxbridge-session': { type: 'apiKey', in: 'cookie', name: 'JSESSIONID' },
      'maxbridge-requested-with': { type: 'apiKey', in: 'header', name: 'X-Requested-With' },
    });
    const security = (path: string, method = 'post') =>
      (doc.paths[path][method].security ?? []).flatMap((s) => Object.keys(s)).sort();
    expect(security('/api/v1/transactions/create-reservation')).toEqual([
      'maxbridge-hash',
      'maxbridge-nonce',
    ]);
    expect(security('/api/lockless-reservation/create')).toEqual(['maxbridge-retail-key']);
    expect(security('/api/v1/get-locations', 'get')).toEqual(['maxbridge-retail-key']);
    expect(security('/api/v1/transactions/deposit')).toEqual([
      'maxbridge-requested-with',
      'maxbridge-session',
    ]);
    expect(security('/api/v1/auth/login')).toEqual([]);
    // Every MaxBridge route shows an example of its answer.
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const operation of Object.values(methods)) {
        if (!operation.tags.some((tag) => tag.startsWith('MaxBridge'))) continue;
        const ok = operation.responses['200']?.content?.['application/json']?.examples;
        expect({ path, examples: Object.keys(ok ?? {}).length > 0 }).toEqual({
          path,
          examples: true,
        });
      }
    }
  });

  it('declares X-UserID on every session route, and the examples of login, logout and the seed’s 400', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const session = (operation.security ?? []).some((s) => 'maxbridge-session' in s);
        const userId = (operation.parameters ?? []).filter((p) => p.name === 'X-UserID');
        expect({ path, method, userId }).toEqual({
          path,
          method,
          userId: session ? [expect.objectContaining({ in: 'header', required: false })] : [],
        });
      }
    }
    const login = doc.paths['/api/v1/auth/login'].post;
    const logout = doc.paths['/api/v1/auth/logout'].post;
    expect(login.tags).toEqual(['MaxBridge front end']);
    expect(logout.tags).toEqual(['MaxBridge front end']);
    expect(Object.keys(login.requestBody!.content['application/json'].examples ?? {})).toEqual([
      'login',
    ]);
    const answers = (operation: Operation) =>
      Object.fromEntries(
        Object.entries(operation.responses['200'].content!['application/json'].examples!).map(
          ([name, { value }]) => [name, value],
        ),
      );
    expect(answers(login)).toEqual({
      opened: {
        code: 10,
        message: 'success',
        data: { token: expect.any(String), user_id: 12345, expires_at: expect.any(String) },
      },
      wrongCredentials: { code: 113, message: 'USER_WITH_GIVEN_AUTH_CREDENTIALS_NOT_FOUND' },
      blocked: { code: 124, message: 'IP_IS_BLOCKED' },
      accountBlocked: { code: 131, message: 'ACCOUNT_IS_BLOCKED' },
    });
    expect(answers(logout)).toEqual({
      closed: { code: 10, message: 'success' },
      noSession: { code: 126, message: 'SESSION_NOT_FOUND' },
    });
    expect(doc.paths['/paymentswebapi/api/integrations/get-locations'].post.requestBody).toEqual(
      expect.objectContaining({ required: false }),
    );
    const details = doc.paths['/api/ssbt-deposit/details'].get;
    expect(details.responses['400'].content?.['application/json'].examples).toEqual({
      malformed: {
        summary: 'An id that is not a GUID (seed: "Bad request example")',
        value: {
          code: 'INVALID_REQUEST',
          message: 'reservationId must be a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6',
        },
      },
    });
  });

  it('names MaxBridge’s three callers at the top of the document', () => {
    const { description } = (doc as unknown as { info: { description: string } }).info;
    expect(description).toContain('signed with `Nonce` and\n    `Hash` headers');
    expect(description).toContain('with `Authorization: <retail key>`');
    expect(description).toContain('behind the core session');
    expect(description).toContain('`X-UserID`');
  });
});
