import fc from 'fast-check';
import { requestHash } from '../../src/maxbridge/signing/request-hash';
import type { FuzzOperation, ParamSpec } from './openapi-operations';

/** A request exactly as it goes on the wire. */
export interface FuzzRequest {
  method: string;
  /** Path and query, already encoded (or deliberately not). */
  url: string;
  headers: Record<string, string | string[]>;
  body: Buffer | null;
  /** What was done to it, for the report of a failing case. */
  label: string;
}

/** What the generator may use to make requests that pass the guard. */
export interface FuzzCredentials {
  teamKey: string;
  brandKey: string;
  revokedKey: string;
  otherTeamKey: string;
  maxbridgeSecret: string;
  /** A key of the retail system, and one revoked. */
  retailKey: string;
  revokedRetailKey: string;
  /** A player's open core session, and one closed by a logout. */
  sessionToken: string;
  closedSessionToken: string;
  /** A dashboard admin's session (its cookie and CSRF token), and a cookie logged out. */
  dashboardCookie: string;
  dashboardCsrf: string;
  endedDashboardCookie: string;
  /** Body size limit of the app under test: some bodies go just past it. */
  bodyLimitBytes: number;
  /** Values that exist (an event's uuid, a bet id, a wallet user), by parameter or field name. */
  known: Record<string, unknown[]>;
  /**
   * Body fields that name something new each time (`event_id`, `transaction_id`): given a value
   * never sent before when the known values are used, so that a request is not a mere repeat.
   */
  fresh: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---- values that break parsers, validators and columns -----------------------------------------

/** `{"a":[{"a":[...]}]}`, `depth` levels of objects and arrays. */
const nested = (depth: number): Json => {
  let value: Json = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};

/** An object with keys that reach prototypes when code merges bodies carelessly. */
const withKey = (key: string, value: Json): Json =>
  Object.defineProperty({}, key, { value, enumerable: true });

// prettier-ignore
const SPECIAL_VALUES: Json[] = [
  null, true, false, 0, -0, -1, 1.5, -2.5, 0.1,
  2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 2 ** 64,
  1e15, 1e21, 1e308, -1e308, 5e-324,
  '', ' ', '0', '-1', '1e400', 'NaN', 'null', 'true', '[]', '{}',
  '\u0000', 'a\u0000b', '\u0001\u001f\u007f', '\t\n\r', '\ud800', '\udfff\ud800', '\u202e\u2066',
  '😀'.repeat(50), 'é', 'ß'.repeat(200), '<script>alert(1)</script>', "' OR '1'='1", '%00', '%',
  '../../etc/passwd', '${7*7}', '2026-13-45T99:99:99Z', '9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z',
  'x'.repeat(101), 'x'.repeat(5000), '012.345.678-90', '00000000000',
  [], {}, [[]], [{}], [null], [1, 'a', null], { '': 1 },
  withKey('__proto__', { polluted: true }), withKey('constructor', { prototype: { polluted: true } }),
  { toString: 1, valueOf: 'x', hasOwnProperty: null },
];

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 400 }).map(nested) },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 2000 }).map((n) => Array(n).fill({})) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''];

// ---- mutations of a valid body ------------------------------------------------------------------

type Path = (string | number)[];

/** Every node of `value`, root first. */
function pathsOf(value: Json, path: Path = []): Path[] {
  const paths: Path[] = [path];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...path, i])));
  else if (value && typeof value === 'object')
    for (const key of Object.keys(value)) paths.push(...pathsOf(value[key], [...path, key]));
  return paths;
}

type Edit =
  | { op: 'replace'; value: Json }
  | { op: 'swapType' }
  | { op: 'delete' }
  | { op: 'wrap' }
  | { op: 'unwrap' }
  | { op: 'addKey'; key: string; value: Json };

const edit: fc.Arbitrary<{ at: number; edit: Edit }> = fc.record({
  at: fc.nat(),
  edit: fc.oneof(
    { weight: 6, arbitrary: jsonValue.map((value): Edit => ({ op: 'replace', value })) },
    { weight: 3, arbitrary: fc.constant<Edit>({ op: 'swapType' }) },
    { weight: 2, arbitrary: fc.constant<Edit>({ op: 'delete' }) },
    { weight: 1, arbitrary: fc.constant<Edit>({ op: 'wrap' }) },
    { weight: 1, arbitrary: fc.constant<Edit>({ op: 'unwrap' }) },
    {
      weight: 1,
      arbitrary: fc
        .record({ key: fc.constantFrom(...PROTO_KEYS), value: jsonValue })
        .map(({ key, value }): Edit => ({ op: 'addKey', key, value })),
    },
  ),
});

/** `root` with one edit at the `at`-th node (counted modulo the number of nodes). */
function applyEdit(root: Json, { at, edit }: { at: number; edit: Edit }): Json {
  const paths = pathsOf(root);
  const path = paths[at % paths.length];
  const node = getAt(root, path);
  let next: Json | undefined;
  switch (edit.op) {
    case 'replace':
      next = edit.value;
      break;
    case 'swapType':
      // What a confused client sends: an array for an object, an object for an array, a list
      // or an object for a value.
      next = Array.isArray(node)
        ? {}
        : isObject(node)
          ? []
          : typeof node === 'string'
            ? [node]
            : { value: node };
      break;
    case 'delete':
      next = undefined;
      break;
    case 'wrap':
      next = [node];
      break;
    case 'unwrap':
      next = Array.isArray(node) ? (node[0] ?? null) : isObject(node) ? Object.values(node) : node;
      break;
    case 'addKey':
      next = isObject(node)
        ? Object.defineProperty({ ...node }, edit.key, { value: edit.value, enumerable: true })
        : node;
      break;
  }
  return setAt(root, path, next);
}

const isObject = (value: Json): value is { [key: string]: Json } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `root` with `value` at `path` (removed when undefined). */
function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : value;
  const [key, ...rest] = path;
  const child = (root as Record<string | number, Json>)[key];
  const replaced = setAt(child, rest, value);
  if (Array.isArray(root)) {
    const copy = [...root];
    if (rest.length === 0 && value === undefined) copy.splice(key as number, 1);
    else copy[key as number] = replaced;
    return copy;
  }
  const copy: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(root as object)) copy[k] = v as Json;
  if (rest.length === 0 && value === undefined) delete copy[key as string];
  else
    Object.defineProperty(copy, key as string, {
      value: replaced,
      enumerable: true,
      writable: true,
    });
  return copy;
}

// ---- bodies as bytes ----------------------------------------------------------------------------

type RawEdit =
  | { op: 'none' }
  | { op: 'truncate'; at: number }
  | { op: 'duplicateKey'; at: number; value: Json; first: boolean }
  | { op: 'bigNumber'; literal: string }
  | { op: 'garbage'; text: string }
  | { op: 'bytes'; bytes: number[] }
  | { op: 'oversized' };

// prettier-ignore
const GARBAGE = [
  '', ' ', '{', '[', '}', 'nul', 'undefined', '{"a":}', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}',
  '[]', '"text"', '123', 'null', 'true', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
  'a=1&b=2', '<?xml version="1.0"?><a/>',
];

const rawEdit: fc.Arbitrary<RawEdit> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<RawEdit>({ op: 'none' }) },
  {
    weight: 2,
    arbitrary: fc
      .double({ min: 0, max: 1, noNaN: true })
      .map((at): RawEdit => ({ op: 'truncate', at })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ at: fc.nat(), value: jsonValue, first: fc.boolean() })
      .map((r): RawEdit => ({ op: 'duplicateKey', ...r })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '123456789012345678901234567890',
        '-9223372036854775809',
        '1e400',
        '-0',
        '1.0e+2',
        '0x10',
        'Infinity',
        'NaN',
      )
      .map((literal): RawEdit => ({ op: 'bigNumber', literal })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...GARBAGE).map((text): RawEdit => ({ op: 'garbage', text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 })
      .map((bytes): RawEdit => ({ op: 'bytes', bytes })),
  },
  { weight: 1, arbitrary: fc.constant<RawEdit>({ op: 'oversized' }) },
);

const DUPLICATE_MARK = '\u0000dup';

/** The body's bytes after a byte-level edit (what no JSON serializer would write). */
function bytesOf(body: Json, raw: RawEdit, limitBytes: number): Buffer {
  const text = JSON.stringify(body);
  switch (raw.op) {
    case 'none':
      return Buffer.from(text);
    case 'truncate':
      return Buffer.from(text.slice(0, Math.floor(text.length * raw.at)));
    case 'duplicateKey': {
      // One object gets a key twice: the serialised text says it, JSON.parse keeps the last.
      const objects = pathsOf(body).filter((path) => isObject(getAt(body, path)));
      if (objects.length === 0) return Buffer.from(text);
      const path = objects[raw.at % objects.length];
      const target = getAt(body, path) as { [key: string]: Json };
      const key = Object.keys(target)[0] ?? '__proto__';
      const twin = Object.entries(target);
      const entries: [string, Json][] = raw.first
        ? [[key + DUPLICATE_MARK, raw.value], ...twin]
        : [...twin, [key + DUPLICATE_MARK, raw.value]];
      const marked = setAt(body, path, Object.fromEntries(entries) as Json);
      return Buffer.from(
        JSON.stringify(marked).replace(JSON.stringify(key + DUPLICATE_MARK), JSON.stringify(key)),
      );
    }
    case 'bigNumber': {
      const replaced = text.replace(/(:\s*)-?\d+(\.\d+)?([eE][+-]?\d+)?/, `$1${raw.literal}`);
      return Buffer.from(replaced === text ? `{"n":${raw.literal}}` : replaced);
    }
    case 'garbage':
      return Buffer.from(raw.text);
    case 'bytes':
      return Buffer.concat([
        Buffer.from(text.slice(0, -2)),
        Buffer.from(raw.bytes),
        Buffer.from(text.slice(-2)),
      ]);
    case 'oversized':
      return Buffer.from(
        JSON.stringify({ ...(isObject(body) ? body : {}), pad: 'x'.repeat(limitBytes) }),
      );
  }
}

function getAt(root: Json, path: Path): Json {
  return path.reduce<Json>((value, key) => (value as Record<string, Json>)[key], root);
}

// ---- headers ------------------------------------------------------------------------------------

/** Mostly JSON, as it should be; sometimes what a confused client sends. */
const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 20, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'APPLICATION/JSON',
      'application/json;;;',
      'application/jsonx',
      'application/vnd.api+json',
      '*/*',
      'application/json, text/plain',
      '',
    ),
  },
);

/** Header values Node's client will send: visible Latin-1 and spaces. */
const headerText = fc
  .string({ minLength: 0, maxLength: 60 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, '?'));

const extraHeaders: fc.Arbitrary<Record<string, string | string[]>> = fc.record(
  {
    'accept-language': fc.oneof(
      fc.constantFrom(
        'fr',
        'en',
        'pt-BR',
        'fr-SN;q=0.9, en;q=0.8',
        '*',
        'fr;q=abc',
        'ÿ',
        'x'.repeat(500),
      ),
      headerText,
    ),
    'x-request-id': fc.oneof(
      fc.constantFrom('trace-1', 'x'.repeat(300), '../..', '<b>'),
      headerText,
    ),
    'content-encoding': fc.constantFrom('gzip', 'br', 'identity', 'x'),
    accept: fc.constantFrom('text/html', 'application/xml', '*/*', ''),
  },
  { requiredKeys: [] },
);

type Credential =
  | { kind: 'valid' }
  | { kind: 'brand' }
  | { kind: 'missing' }
  | { kind: 'value'; value: string | string[] }
  | { kind: 'revoked' }
  | { kind: 'otherTeam' };

/** Most requests pass the guard, so that they reach validation; the rest attack the guard. */
const apiKeyCredential: fc.Arbitrary<Credential> = fc.oneof(
  { weight: 14, arbitrary: fc.constant<Credential>({ kind: 'valid' }) },
  { weight: 2, arbitrary: fc.constant<Credential>({ kind: 'brand' }) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.constant<Credential>({ kind: 'missing' }),
      fc.constant<Credential>({ kind: 'revoked' }),
      fc.constant<Credential>({ kind: 'otherTeam' }),
      fc
        .oneof(
          fc.constantFrom(
            '',
            ' ',
            'bmk_',
            'bmk_' + 'A'.repeat(43),
            'x'.repeat(4000),
            'null',
            "' OR 1=1 --",
          ),
          headerText,
          fc.constant<string[]>(['bmk_one', 'bmk_two']),
        )
        .map((value): Credential => ({ kind: 'value', value })),
    ),
  },
);

type Signature =
  | { kind: 'valid' }
  | { kind: 'missingNonce' }
  | { kind: 'missingHash' }
  | { kind: 'missingBoth' }
  | { kind: 'wrongSecret' }
  | { kind: 'otherBytes' }
  | { kind: 'nonce'; nonce: string }
  | { kind: 'hash'; hash: string }
  | { kind: 'uppercase' }
  | { kind: 'twoNonces' };

const signature: fc.Arbitrary<Signature> = fc.oneof(
  { weight: 14, arbitrary: fc.constant<Signature>({ kind: 'valid' }) },
  {
    weight: 5,
    arbitrary: fc.oneof(
      fc.constantFrom<Signature>(
        { kind: 'missingNonce' },
        { kind: 'missingHash' },
        { kind: 'missingBoth' },
        { kind: 'wrongSecret' },
        { kind: 'otherBytes' },
        { kind: 'uppercase' },
        { kind: 'twoNonces' },
        { kind: 'nonce', nonce: 'fuzz-reused-nonce' },
      ),
      fc
        .oneof(fc.constantFrom('', ' ', 'a b', 'x'.repeat(129), 'ÿÿ', '\t1'), headerText)
        .map((nonce): Signature => ({ kind: 'nonce', nonce })),
      fc
        .oneof(fc.constantFrom('', '0', 'z'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)), headerText)
        .map((hash): Signature => ({ kind: 'hash', hash })),
    ),
  },
);

let nonceCounter = 0;

function authHeaders(
  operation: FuzzOperation,
  credential: Credential,
  sign: Signature,
  body: Buffer | null,
  credentials: FuzzCredentials,
): Record<string, string | string[]> {
  if (operation.auth === 'api-key') {
    switch (credential.kind) {
      case 'valid':
        return { 'x-api-key': credentials.teamKey };
      case 'brand':
        return { 'x-api-key': credentials.brandKey };
      case 'revoked':
        return { 'x-api-key': credentials.revokedKey };
      case 'otherTeam':
        return { 'x-api-key': credentials.otherTeamKey };
      case 'missing':
        return {};
      case 'value':
        return { 'x-api-key': credential.value };
    }
  }
  if (operation.auth === 'retail-key') {
    switch (credential.kind) {
      case 'valid':
      case 'brand':
        return { authorization: credentials.retailKey };
      case 'revoked':
        return { authorization: credentials.revokedRetailKey };
      case 'otherTeam':
        return { authorization: credentials.teamKey };
      case 'missing':
        return {};
      case 'value':
        return { authorization: credential.value };
    }
  }
  if (operation.auth === 'core-session') {
    const front = (token: string) => ({ 'x-requested-with': 'true', cookie: token });
    switch (credential.kind) {
      case 'valid':
      case 'brand':
        return front(credentials.sessionToken);
      case 'revoked':
        return front(credentials.closedSessionToken);
      case 'otherTeam':
        return { cookie: credentials.sessionToken };
      case 'missing':
        return {};
      case 'value':
        return { 'x-requested-with': 'true', cookie: credential.value };
    }
  }
  if (operation.auth === 'dashboard-session') {
    switch (credential.kind) {
      case 'valid':
      case 'brand':
        return { cookie: credentials.dashboardCookie, 'x-csrf-token': credentials.dashboardCsrf };
      case 'revoked':
        return {
          cookie: credentials.endedDashboardCookie,
          'x-csrf-token': credentials.dashboardCsrf,
        };
      case 'otherTeam':
        // The session without its CSRF token: what a cross-site form would send.
        return { cookie: credentials.dashboardCookie };
      case 'missing':
        return {};
      case 'value':
        return { cookie: `bm_dashboard=${credential.value}` };
    }
  }
  if (operation.auth === 'nonce-hash') {
    const bytes = body ?? Buffer.alloc(0);
    const nonce = `fuzz-${process.pid}-${++nonceCounter}`;
    const hashOf = (n: string, secret = credentials.maxbridgeSecret, signed = bytes) =>
      requestHash(n, signed, secret);
    switch (sign.kind) {
      case 'valid':
        return { nonce, hash: hashOf(nonce) };
      case 'missingNonce':
        return { hash: hashOf(nonce) };
      case 'missingHash':
        return { nonce };
      case 'missingBoth':
        return {};
      case 'wrongSecret':
        return { nonce, hash: hashOf(nonce, 'not-the-secret-0123456789') };
      case 'otherBytes':
        return {
          nonce,
          hash: hashOf(
            nonce,
            credentials.maxbridgeSecret,
            Buffer.concat([bytes, Buffer.from(' ')]),
          ),
        };
      case 'uppercase':
        return { nonce, hash: hashOf(nonce).toUpperCase() };
      case 'twoNonces':
        return { nonce: [nonce, `${nonce}-2`], hash: hashOf(nonce) };
      case 'nonce':
        return { nonce: sign.nonce, hash: hashOf(sign.nonce) };
      case 'hash':
        return { nonce, hash: sign.hash };
    }
  }
  return {};
}

// ---- path and query -----------------------------------------------------------------------------

/** A segment as sent: usually encoded, sometimes raw bytes that no client library would send. */
function pathValue(param: ParamSpec, known: unknown[]): fc.Arbitrary<string> {
  const documented = [param.example, ...known].filter((v) => v !== undefined).map(String);
  return fc.oneof(
    { weight: 4, arbitrary: documented.length ? fc.constantFrom(...documented) : fc.constant('1') },
    {
      weight: 4,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...SPECIAL_VALUES.filter((v) => typeof v !== 'object').map(String)),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
          fc.constant('x'.repeat(3000)),
        )
        .filter((v) => v.length > 0)
        .map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%00', '%2F', '..', '.', '%ff', '%c0%ae', ';', '%20'),
    },
  );
}

function queryValue(param: ParamSpec, known: unknown[]): fc.Arbitrary<string> {
  const valid: fc.Arbitrary<string>[] = [];
  if (param.enum?.length) valid.push(fc.constantFrom(...param.enum.map(String)));
  if (param.type === 'integer')
    valid.push(
      fc
        .integer({ min: param.minimum ?? 1, max: Math.min(param.maximum ?? 1000, 10_000) })
        .map(String),
    );
  for (const value of [param.example, ...known])
    if (value !== undefined) valid.push(fc.constant(String(value)));
  return fc.oneof(
    { weight: 3, arbitrary: valid.length ? fc.oneof(...valid) : fc.constant('1') },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...SPECIAL_VALUES.filter((v) => typeof v !== 'object').map(String)),
          fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
          fc.string({ maxLength: 30 }),
        )
        .map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))),
    },
  );
}

/** name=value pairs: the documented parameters, some twice, some absent, and a few strangers. */
function query(operation: FuzzOperation, known: Record<string, unknown[]>): fc.Arbitrary<string> {
  if (operation.queryParams.length === 0) {
    return fc.oneof(
      { weight: 9, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('a=1', '__proto__[x]=1', 'constructor=1&constructor=2'),
      },
    );
  }
  const pairs = operation.queryParams.map((param) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as string[]) },
      {
        weight: 3,
        arbitrary: queryValue(param, known[param.name] ?? []).map((v) => [`${param.name}=${v}`]),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(queryValue(param, []), queryValue(param, []))
          .map(([a, b]) => [`${param.name}=${a}`, `${param.name}=${b}`]),
      },
    ),
  );
  const strangers = fc.constantFrom(
    [],
    [],
    [],
    ['__proto__=1'],
    ['unknown=1'],
    ['constructor[prototype][x]=1'],
    ['='],
    ['&&'],
  );
  return fc
    .tuple(fc.tuple(...pairs), strangers)
    .map(([chosen, extra]) => [...chosen.flat(), ...extra].join('&'));
}

// ---- the whole request --------------------------------------------------------------------------

const BODY_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Requests for one route: its documented shape, mutated at every level. */
export function requestsFor(
  operation: FuzzOperation,
  credentials: FuzzCredentials,
): fc.Arbitrary<FuzzRequest> {
  const examples = (operation.bodies ?? [{}]) as Json[];
  const path = fc
    .tuple(...operation.pathParams.map((p) => pathValue(p, credentials.known[p.name] ?? [])))
    .map((values) =>
      operation.pathParams.reduce(
        (url, param, i) => url.replace(`{${param.name}}`, values[i]),
        operation.path,
      ),
    );
  const takesBody = BODY_METHODS.includes(operation.method);
  const body = fc.record({
    example: fc.nat(),
    known: fc.boolean(),
    edits: fc.oneof(
      { weight: 1, arbitrary: fc.constant<{ at: number; edit: Edit }[]>([]) },
      // One edit reaches deepest: the rest of the body stays valid, so validation must catch it.
      { weight: 4, arbitrary: edit.map((e) => [e]) },
      { weight: 1, arbitrary: fc.array(edit, { minLength: 2, maxLength: 3 }) },
    ),
    raw: rawEdit,
  });
  return fc
    .record({
      path,
      query: query(operation, credentials.known),
      body: takesBody
        ? body
        : fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: body }),
      contentType,
      extra: extraHeaders,
      credential: apiKeyCredential,
      sign: signature,
    })
    .map(({ path, query, body: spec, contentType, extra, credential, sign }): FuzzRequest => {
      let bytes: Buffer | null = null;
      let label = 'no body';
      if (spec) {
        const example = examples[spec.example % examples.length];
        let json = spec.known ? withKnownValues(example, credentials) : example;
        for (const e of spec.edits) json = applyEdit(json, e);
        bytes = bytesOf(json, spec.raw, credentials.bodyLimitBytes);
        label = `${spec.edits.map((e) => e.edit.op).join('+') || 'example'}, bytes: ${spec.raw.op}`;
      }
      const headers: Record<string, string | string[]> = {
        ...extra,
        ...(bytes && contentType !== null ? { 'content-type': contentType } : {}),
        ...authHeaders(operation, credential, sign, bytes, credentials),
      };
      return {
        method: operation.method,
        url: query ? `${path}?${query}` : path,
        headers,
        body: bytes,
        label: `${label}; credential ${operation.auth === 'nonce-hash' ? sign.kind : credential.kind}`,
      };
    });
}

let freshCounter = 0;

/** The example with its fields that name something known set to values that exist, or new. */
function withKnownValues(example: Json, { known, fresh }: FuzzCredentials): Json {
  if (!isObject(example)) return example;
  const copy = { ...example };
  for (const [name, values] of Object.entries(known)) {
    if (name in copy && values.length > 0) copy[name] = values[0] as Json;
  }
  for (const name of fresh) {
    if (name in copy) copy[name] = `fuzz-${process.pid}-${++freshCounter}`;
  }
  return copy;
}

// ---- the boundary sweep: every field of a valid request, one at a time ----------------------------

/** What each field in turn is set to, everything else valid: the edges of types and columns. */
// prettier-ignore
const BOUNDARY_VALUES: Json[] = [
  null, true, '', ' ', 'x'.repeat(5000), 'a\u0000b', '\ud800', '😀', '2147483648', '-1',
  -1, 0, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 1e308, -1e308,
  [], {}, [[]], [{}], [null],
];

/** Number literals no JSON serializer writes from a JavaScript number. */
const RAW_NUMBERS = ['123456789012345678901234567890', '-9223372036854775809', '1e400', '-0.0'];
const RAW_MARK = '\u0000raw:';

/**
 * Every node of the route's first example, then every path and query parameter, set in turn to
 * each boundary value (and each numeric leaf to number literals beyond any column), with valid
 * credentials and the known values: deterministic requests that reach each field's validation
 * with the rest of the request valid, where random mutation would most often trip on another.
 */
export function boundaryRequests(
  operation: FuzzOperation,
  credentials: FuzzCredentials,
): FuzzRequest[] {
  const valid = {
    credential: { kind: 'valid' } as Credential,
    sign: { kind: 'valid' } as Signature,
  };
  const pathOf = (values: Record<string, string>) =>
    operation.pathParams.reduce(
      (url, p) =>
        url.replace(
          `{${p.name}}`,
          values[p.name] ?? String((credentials.known[p.name] ?? [p.example ?? 1])[0]),
        ),
      operation.path,
    );
  const requests: FuzzRequest[] = [];
  const push = (label: string, url: string, bytes: Buffer | null) =>
    requests.push({
      method: operation.method,
      url,
      headers: {
        ...(bytes ? { 'content-type': 'application/json' } : {}),
        ...authHeaders(operation, valid.credential, valid.sign, bytes, credentials),
      },
      body: bytes,
      label: `boundary sweep: ${label}`,
    });

  const plainPath = pathOf({});
  if (BODY_METHODS.includes(operation.method) && operation.bodies) {
    const example = operation.bodies[0] as Json;
    for (const path of pathsOf(example)) {
      const at = `body.${path.join('.')}`;
      const node = getAt(example, path);
      for (const value of BOUNDARY_VALUES) {
        // A fresh copy each time, so that ids stay new (the swept field keeps its boundary value).
        const body = setAt(withKnownValues(example, credentials), path, value);
        push(
          `${at} = ${JSON.stringify(value).slice(0, 40)}`,
          plainPath,
          Buffer.from(JSON.stringify(body)),
        );
      }
      if (typeof node !== 'number') continue;
      for (const literal of RAW_NUMBERS) {
        const marked = JSON.stringify(
          setAt(withKnownValues(example, credentials), path, RAW_MARK + literal),
        );
        push(
          `${at} = ${literal}`,
          plainPath,
          Buffer.from(marked.replace(JSON.stringify(RAW_MARK + literal), literal)),
        );
      }
    }
  }
  const stringValues = [
    ...BOUNDARY_VALUES.filter((v) => typeof v !== 'object' || v === null).map(String),
    ...RAW_NUMBERS,
  ].map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?')));
  for (const param of operation.pathParams) {
    for (const value of stringValues)
      push(`path ${param.name} = ${value.slice(0, 40)}`, pathOf({ [param.name]: value }), null);
  }
  for (const param of operation.queryParams) {
    for (const value of stringValues)
      push(
        `query ${param.name} = ${value.slice(0, 40)}`,
        `${plainPath}?${param.name}=${value}`,
        null,
      );
  }
  return requests;
}
