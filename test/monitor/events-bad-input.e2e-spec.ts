import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createTeam, TestTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { BATCH_EXAMPLE, GROUPED_EVENT_EXAMPLE } from '../../src/events/dto/event.examples';

/**
 * Bad input on POST /api/v1/events and /api/v1/events/batch (seed 000, CONTRACTS.md section 1):
 * every field of the seed's table broken in each way it can be, in both body shapes, body-level
 * garbage, batch limits, mixed batches and duplicates. None may answer a 5xx or store a bad row.
 *
 * Expected messages are written out here from the rules (label = the field's flat name), never
 * computed by the application's own message functions.
 */

// ---------------------------------------------------------------------------------------------
// Bodies

type Json = Record<string, unknown>;
type Change = (body: Json) => void;

/** The seed's grouped example, with the two optional fields it leaves out (provider, user agent). */
const GROUPED_BASE: Json = {
  ...GROUPED_EVENT_EXAMPLE,
  game: { ...GROUPED_EVENT_EXAMPLE.game, provider: 'pragmatic' },
  metadata: { ...GROUPED_EVENT_EXAMPLE.metadata, user_agent: 'Mozilla/5.0 (Linux; Android 14)' },
};

/** The same event in the flat shape of the seed's curl example. */
const FLAT_BASE: Json = {
  external_event_id: 'evt_20250203_143245_abc123',
  player_id: 'pl_12345abc',
  player_phone: '+221771234567',
  player_country: 'SEN',
  player_kyc_level: 2,
  event_type: 'BET_PLACED',
  event_timestamp: '2026-02-03T14:32:45Z',
  amount: 5000,
  currency: 'XOF',
  balance_before: 15000,
  balance_after: 10000,
  game_type: 'SPORTS',
  game_id: 'game_789',
  game_name: 'Senegal vs Nigeria',
  game_sport: 'football',
  game_competition: 'CAN 2025',
  game_odds: 2.5,
  game_bet_id: 'bet_456',
  game_provider: 'pragmatic',
  device_type: 'MOBILE',
  operator: 'ORANGE_SN',
  ip_address: '41.138.45.22',
  session_id: 'sess_xyz',
  user_agent: 'Mozilla/5.0 (Linux; Android 14)',
};

/** Grouped path of each field -> its flat name (also the label of its messages). */
const FLAT_NAME = {
  event_id: 'external_event_id',
  'player.id': 'player_id',
  'player.phone': 'player_phone',
  'player.country': 'player_country',
  'player.kyc_level': 'player_kyc_level',
  'event.type': 'event_type',
  'event.timestamp': 'event_timestamp',
  'event.amount': 'amount',
  'event.currency': 'currency',
  'event.balance_before': 'balance_before',
  'event.balance_after': 'balance_after',
  'game.type': 'game_type',
  'game.id': 'game_id',
  'game.name': 'game_name',
  'game.sport': 'game_sport',
  'game.competition': 'game_competition',
  'game.odds': 'game_odds',
  'game.bet_id': 'game_bet_id',
  'game.provider': 'game_provider',
  'metadata.device_type': 'device_type',
  'metadata.operator': 'operator',
  'metadata.ip_address': 'ip_address',
  'metadata.session_id': 'session_id',
  'metadata.user_agent': 'user_agent',
} as const;
type FieldPath = keyof typeof FLAT_NAME;

/** Sets `path` (dotted) to `value`, creating the groups on the way. */
const withField =
  (path: string, value: unknown): Change =>
  (body) => {
    const keys = path.split('.');
    let target = body;
    for (const key of keys.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Json;
    }
    target[keys[keys.length - 1]] = value;
  };

/** Removes `path` (dotted). */
const without =
  (path: string): Change =>
  (body) => {
    const keys = path.split('.');
    let target: Json | undefined = body;
    for (const key of keys.slice(0, -1)) target = target?.[key] as Json | undefined;
    if (target) delete target[keys[keys.length - 1]];
  };

const build = (base: Json, changes: Change[]): Json => {
  const body = structuredClone(base);
  for (const change of changes) change(body);
  return body;
};
const grouped = (...changes: Change[]): Json => build(GROUPED_BASE, changes);
const flat = (...changes: Change[]): Json => build(FLAT_BASE, changes);
/** A grouped event of its own id. */
const groupedWithId = (id: string, ...changes: Change[]) =>
  grouped(withField('event_id', id), ...changes);
const flatWithId = (id: string, ...changes: Change[]) =>
  flat(withField('external_event_id', id), ...changes);

// ---------------------------------------------------------------------------------------------
// Expected answers

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MICRO_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_AMOUNT = '90000000000000';

interface Detail {
  field: string;
  message: string;
}

const failure = (code: string, message: string, details?: Detail[]) => ({
  success: false,
  error: { code, message, ...(details ? { details } : {}) },
});
const validationFailed = (details: Detail[]) =>
  failure('VALIDATION_ERROR', 'Validation failed', details);
const validationEchouee = (details: Detail[]) =>
  failure('VALIDATION_ERROR', 'Échec de la validation', details);
const MALFORMED = failure('VALIDATION_ERROR', 'Malformed JSON body');
const NOT_JSON = failure('VALIDATION_ERROR', 'Content-Type must be application/json');

/** 202 body of the grouped/flat base event under id `id`. */
const accepted = (id: string, overrides: Json = {}) => ({
  success: true,
  data: {
    uuid: expect.stringMatching(UUID),
    event_month: 202602,
    external_event_id: id,
    amount_cents: 500000,
    amount: 5000,
    currency: 'XOF',
    received_at: expect.stringMatching(MICRO_ISO),
    ...overrides,
  },
});

/** Status and body at once: a failure shows both, and a 5xx can never pass. */
const answer = (res: Response) => ({ status: res.status, body: res.body as unknown });

const invalidTimestamp = (value: string) =>
  `invalid event_timestamp: ${value} (an ISO 8601 date-time with a time zone, such as 2026-01-31T12:00:00Z)`;
const timeRange = (value: string) =>
  `event_timestamp must be after 2000-01-01 and at most 24 hours ahead of now: ${value}`;
const invalidIp = (value: string) => `invalid ip_address: ${value} (an IPv4 or IPv6 address)`;
const invalidCountry = (value: string) =>
  `invalid player_country: ${value} (an ISO 3166-1 alpha-3 code such as SEN)`;
const invalidCurrency = (value: string) =>
  `invalid currency: ${value} (an ISO 4217 code such as XOF)`;

// ---------------------------------------------------------------------------------------------
// The field table: one field broken at a time

const ABSENT = Symbol('absent');
const HOUR = 3600_000;
/** More than 24 hours ahead (for as long as this file runs). */
const FUTURE = new Date(Date.now() + 25 * HOUR).toISOString();
const LONG_GARBAGE = 'not-a-date-'.repeat(7); // 77 characters: echoed cut to 60 + '…'

/** [grouped path, value sent (ABSENT: key left out), expected message (same in both shapes)] */
type FieldCase = [FieldPath, unknown, string];

const FIELD_CASES: FieldCase[] = [
  // event_id: required string, at most 100
  ['event_id', ABSENT, 'external_event_id is required'],
  ['event_id', null, 'external_event_id is required'],
  ['event_id', '', 'external_event_id must not be empty'],
  ['event_id', '   ', 'external_event_id must not be empty'],
  ['event_id', 12345, 'external_event_id must be a string'],
  ['event_id', true, 'external_event_id must be a string'],
  ['event_id', { id: 'evt_1' }, 'external_event_id must be a string'],
  ['event_id', ['evt_1'], 'external_event_id must be a string'],
  ['event_id', 'e'.repeat(101), 'external_event_id must be at most 100 characters long'],
  // player.id: required string, at most 100
  ['player.id', ABSENT, 'player_id is required'],
  ['player.id', null, 'player_id is required'],
  ['player.id', '', 'player_id must not be empty'],
  ['player.id', 42, 'player_id must be a string'],
  ['player.id', { id: 'pl' }, 'player_id must be a string'],
  ['player.id', 'p'.repeat(101), 'player_id must be at most 100 characters long'],
  // player.phone: optional string, at most 50
  ['player.phone', 221771234567, 'player_phone must be a string'],
  ['player.phone', ['+221771234567'], 'player_phone must be a string'],
  ['player.phone', '  ', 'player_phone must not be empty'],
  ['player.phone', '+'.padEnd(51, '1'), 'player_phone must be at most 50 characters long'],
  // player.country: ISO 3166-1 alpha-3
  ['player.country', 'SN', invalidCountry('SN')],
  ['player.country', 'sen', invalidCountry('sen')],
  ['player.country', 'XXX', invalidCountry('XXX')],
  ['player.country', 'Senegal', invalidCountry('Senegal')],
  ['player.country', 686, 'player_country must be a string'],
  // player.kyc_level: integer 0..5
  ['player.kyc_level', 6, 'player_kyc_level must be between 0 and 5'],
  ['player.kyc_level', -1, 'player_kyc_level must be between 0 and 5'],
  ['player.kyc_level', 2.5, 'player_kyc_level must be an integer'],
  ['player.kyc_level', '2', 'player_kyc_level must be an integer'],
  ['player.kyc_level', true, 'player_kyc_level must be an integer'],
  // event.type: required code of the lookups
  ['event.type', ABSENT, 'event_type is required'],
  ['event.type', null, 'event_type is required'],
  ['event.type', '', 'event_type must not be empty'],
  ['event.type', 'INVALID', 'invalid event_type: INVALID'],
  ['event.type', 'deposit', 'invalid event_type: deposit'],
  ['event.type', ' DEPOSIT', 'invalid event_type:  DEPOSIT'],
  ['event.type', 'SPORTS', 'invalid event_type: SPORTS'],
  ['event.type', 3, 'event_type must be a string'],
  ['event.type', { code: 'DEPOSIT' }, 'event_type must be a string'],
  ['event.type', 'X'.repeat(70), `invalid event_type: ${'X'.repeat(60)}…`],
  // event.timestamp: required ISO 8601 with a zone, 2000-01-01 .. now + 24 h
  ['event.timestamp', ABSENT, 'event_timestamp is required'],
  ['event.timestamp', null, 'event_timestamp is required'],
  ['event.timestamp', '', 'event_timestamp must not be empty'],
  ['event.timestamp', '2026-02-03T14:32:45', invalidTimestamp('2026-02-03T14:32:45')],
  ['event.timestamp', '2026-02-03', invalidTimestamp('2026-02-03')],
  ['event.timestamp', '2026-02-30T12:00:00Z', invalidTimestamp('2026-02-30T12:00:00Z')],
  ['event.timestamp', '2026-13-01T12:00:00Z', invalidTimestamp('2026-13-01T12:00:00Z')],
  ['event.timestamp', '2026-02-03T24:00:00Z', invalidTimestamp('2026-02-03T24:00:00Z')],
  ['event.timestamp', '2026-02-03T14:32:45+25:00', invalidTimestamp('2026-02-03T14:32:45+25:00')],
  ['event.timestamp', 'garbage', invalidTimestamp('garbage')],
  ['event.timestamp', '03/02/2026 14:32:45', invalidTimestamp('03/02/2026 14:32:45')],
  ['event.timestamp', LONG_GARBAGE, invalidTimestamp(`${LONG_GARBAGE.slice(0, 60)}…`)],
  ['event.timestamp', 1770129165, 'event_timestamp must be a string'],
  ['event.timestamp', FUTURE, timeRange(FUTURE)],
  ['event.timestamp', '1999-12-31T23:59:59Z', timeRange('1999-12-31T23:59:59Z')],
  ['event.timestamp', '1970-01-01T00:00:00Z', timeRange('1970-01-01T00:00:00Z')],
  // event.amount: required integer 0..90000000000000
  ['event.amount', ABSENT, 'amount is required'],
  ['event.amount', null, 'amount is required'],
  ['event.amount', '', 'amount must not be empty'],
  ['event.amount', -1, `amount must be between 0 and ${MAX_AMOUNT}`],
  ['event.amount', -5000, `amount must be between 0 and ${MAX_AMOUNT}`],
  ['event.amount', 100.5, 'amount must be an integer'],
  ['event.amount', 0.01, 'amount must be an integer'],
  ['event.amount', '5000', 'amount must be an integer'],
  ['event.amount', { value: 5000 }, 'amount must be an integer'],
  ['event.amount', [5000], 'amount must be an integer'],
  ['event.amount', 90_000_000_000_001, `amount must be between 0 and ${MAX_AMOUNT}`],
  ['event.amount', 1e20, `amount must be between 0 and ${MAX_AMOUNT}`],
  // event.currency: required ISO 4217
  ['event.currency', ABSENT, 'currency is required'],
  ['event.currency', null, 'currency is required'],
  ['event.currency', '', 'currency must not be empty'],
  ['event.currency', 'xof', invalidCurrency('xof')],
  ['event.currency', 'XXX', invalidCurrency('XXX')],
  ['event.currency', 'EURO', invalidCurrency('EURO')],
  ['event.currency', 'EU', invalidCurrency('EU')],
  ['event.currency', 952, 'currency must be a string'],
  // balances: optional integers 0..90000000000000
  ['event.balance_before', -1, `balance_before must be between 0 and ${MAX_AMOUNT}`],
  ['event.balance_before', 10.5, 'balance_before must be an integer'],
  ['event.balance_before', '15000', 'balance_before must be an integer'],
  ['event.balance_after', -10000, `balance_after must be between 0 and ${MAX_AMOUNT}`],
  ['event.balance_after', 90_000_000_000_001, `balance_after must be between 0 and ${MAX_AMOUNT}`],
  ['event.balance_after', false, 'balance_after must be an integer'],
  // game
  ['game.type', 'FOOTBALL', 'invalid game_type: FOOTBALL'],
  ['game.type', 'sports', 'invalid game_type: sports'],
  ['game.type', 1, 'game_type must be a string'],
  ['game.id', 789, 'game_id must be a string'],
  ['game.id', 'g'.repeat(101), 'game_id must be at most 100 characters long'],
  ['game.name', 'n'.repeat(201), 'game_name must be at most 200 characters long'],
  ['game.name', ['Senegal', 'Nigeria'], 'game_name must be a string'],
  ['game.sport', 's'.repeat(101), 'game_sport must be at most 100 characters long'],
  ['game.competition', 'c'.repeat(201), 'game_competition must be at most 200 characters long'],
  ['game.odds', 0.5, 'game_odds must be between 1 and 1000000'],
  ['game.odds', 0, 'game_odds must be between 1 and 1000000'],
  ['game.odds', -2.5, 'game_odds must be between 1 and 1000000'],
  ['game.odds', 1_000_001, 'game_odds must be between 1 and 1000000'],
  ['game.odds', '2.5', 'game_odds must be a number'],
  ['game.odds', { decimal: 2.5 }, 'game_odds must be a number'],
  ['game.bet_id', 456, 'game_bet_id must be a string'],
  ['game.bet_id', 'b'.repeat(101), 'game_bet_id must be at most 100 characters long'],
  ['game.provider', 'p'.repeat(101), 'game_provider must be at most 100 characters long'],
  // metadata
  ['metadata.device_type', 'PHONE', 'invalid device_type: PHONE'],
  ['metadata.device_type', 'mobile', 'invalid device_type: mobile'],
  ['metadata.device_type', 2, 'device_type must be a string'],
  ['metadata.operator', 'ORANGE_XX', 'invalid operator: ORANGE_XX'],
  ['metadata.operator', 'orange_sn', 'invalid operator: orange_sn'],
  ['metadata.operator', 1, 'operator must be a string'],
  ['metadata.ip_address', '1.2.3', invalidIp('1.2.3')],
  ['metadata.ip_address', '999.1.1.1', invalidIp('999.1.1.1')],
  ['metadata.ip_address', 'abc', invalidIp('abc')],
  ['metadata.ip_address', '1.2.3.4.5', invalidIp('1.2.3.4.5')],
  ['metadata.ip_address', '41.138.45.22:8080', invalidIp('41.138.45.22:8080')],
  ['metadata.ip_address', '2001:db8::g', invalidIp('2001:db8::g')],
  ['metadata.ip_address', 4113845, 'ip_address must be a string'],
  ['metadata.session_id', 's'.repeat(101), 'session_id must be at most 100 characters long'],
  ['metadata.session_id', 12, 'session_id must be a string'],
  ['metadata.user_agent', 'u'.repeat(501), 'user_agent must be at most 500 characters long'],
  ['metadata.user_agent', { ua: 'x' }, 'user_agent must be a string'],
];

const show = (value: unknown): string => {
  if (value === ABSENT) return 'missing';
  if (typeof value === 'string' && value.length > 24)
    return `"${value.slice(0, 12)}…" (${value.length} chars)`;
  return JSON.stringify(value);
};

const change = (path: string, value: unknown): Change =>
  value === ABSENT ? without(path) : withField(path, value);

interface TableCase {
  name: string;
  body: Json;
  details: Detail[];
}

const TABLE: TableCase[] = FIELD_CASES.flatMap(([path, value, message]) => [
  {
    name: `grouped ${path} ${show(value)}`,
    body: grouped(change(path, value)),
    details: [{ field: path, message }],
  },
  {
    name: `flat ${FLAT_NAME[path]} ${show(value)}`,
    body: flat(change(FLAT_NAME[path], value)),
    details: [{ field: FLAT_NAME[path], message }],
  },
]);

/** Broken groups: the grouped shape only; a missing group is reported once, not its fields. */
const GROUP_CASES: TableCase[] = (
  [
    ['player', ABSENT, 'player is required'],
    ['player', null, 'player is required'],
    ['player', [], 'player must be an object'],
    ['player', [{ id: 'pl_1' }], 'player must be an object'],
    ['player', 'pl_12345abc', 'player must be an object'],
    ['event', ABSENT, 'event is required'],
    ['event', null, 'event is required'],
    ['event', [{ type: 'DEPOSIT' }], 'event must be an object'],
    ['event', 5, 'event must be an object'],
    ['game', [], 'game must be an object'],
    ['game', 'SPORTS', 'game must be an object'],
    ['metadata', [], 'metadata must be an object'],
    ['metadata', true, 'metadata must be an object'],
  ] as [string, unknown, string][]
).map(([group, value, message]) => ({
  name: `grouped ${group} ${show(value)}`,
  body: grouped(change(group, value)),
  details: [{ field: group, message }],
}));

const SEVERAL_CASES: TableCase[] = [
  {
    name: 'grouped, four fields wrong',
    body: grouped(
      withField('player.country', 'SN'),
      withField('event.type', 'INVALID'),
      withField('event.amount', -5),
      withField('metadata.ip_address', 'abc'),
    ),
    details: [
      { field: 'player.country', message: invalidCountry('SN') },
      { field: 'event.type', message: 'invalid event_type: INVALID' },
      { field: 'event.amount', message: `amount must be between 0 and ${MAX_AMOUNT}` },
      { field: 'metadata.ip_address', message: invalidIp('abc') },
    ],
  },
  {
    name: 'flat, four fields wrong',
    body: flat(
      withField('player_country', 'SN'),
      withField('event_type', 'INVALID'),
      withField('amount', -5),
      withField('ip_address', 'abc'),
    ),
    details: [
      { field: 'player_country', message: invalidCountry('SN') },
      { field: 'event_type', message: 'invalid event_type: INVALID' },
      { field: 'amount', message: `amount must be between 0 and ${MAX_AMOUNT}` },
      { field: 'ip_address', message: invalidIp('abc') },
    ],
  },
  {
    name: 'grouped, every required field missing from present groups',
    body: { event_id: 'evt_1', player: {}, event: {} },
    details: [
      { field: 'player.id', message: 'player_id is required' },
      { field: 'event.type', message: 'event_type is required' },
      { field: 'event.timestamp', message: 'event_timestamp is required' },
      { field: 'event.amount', message: 'amount is required' },
      { field: 'event.currency', message: 'currency is required' },
    ],
  },
  {
    name: 'flat, every required field missing but the id',
    body: { external_event_id: 'evt_1' },
    details: [
      { field: 'player_id', message: 'player_id is required' },
      { field: 'event_type', message: 'event_type is required' },
      { field: 'event_timestamp', message: 'event_timestamp is required' },
      { field: 'amount', message: 'amount is required' },
      { field: 'currency', message: 'currency is required' },
    ],
  },
  {
    name: 'grouped, both required groups missing and a bad optional group',
    body: { event_id: 'evt_1', game: [] },
    details: [
      { field: 'player', message: 'player is required' },
      { field: 'event', message: 'event is required' },
      { field: 'game', message: 'game must be an object' },
    ],
  },
  {
    name: 'grouped, bad event type AND a timestamp out of range (both listed)',
    body: grouped(
      withField('event.type', 'INVALID'),
      withField('event.timestamp', '1999-12-31T23:59:59Z'),
    ),
    details: [
      { field: 'event.type', message: 'invalid event_type: INVALID' },
      { field: 'event.timestamp', message: timeRange('1999-12-31T23:59:59Z') },
    ],
  },
  {
    name: 'flat, missing currency AND a timestamp too far ahead (both listed)',
    body: flat(without('currency'), withField('event_timestamp', FUTURE)),
    details: [
      { field: 'event_timestamp', message: timeRange(FUTURE) },
      { field: 'currency', message: 'currency is required' },
    ],
  },
  {
    name: 'mixed body: the grouped keys win, the flat ones are ignored',
    body: { event_id: 'evt_1', ...flat(without('external_event_id')) },
    details: [
      { field: 'player', message: 'player is required' },
      { field: 'event', message: 'event is required' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

describe('POST /api/v1/events and /api/v1/events/batch: bad input', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const countRows = async (team: TestTeam): Promise<number> => {
    const [row] = await t.app
      .get(DataSource)
      .query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM events WHERE team_id = ?', [
        team.id,
      ]);
    return Number(row.n);
  };
  const storedIds = async (team: TestTeam): Promise<string[]> => {
    const rows = await t.app
      .get(DataSource)
      .query<{ external_event_id: string }[]>(
        'SELECT external_event_id FROM events WHERE team_id = ? ORDER BY external_event_id',
        [team.id],
      );
    return rows.map((row) => row.external_event_id);
  };

  const post = (team: TestTeam, path: string, language?: string) => {
    const req = t.http.post(path).set('X-API-Key', team.apiKey);
    return language ? req.set('Accept-Language', language) : req;
  };
  const postEvent = (team: TestTeam, body: unknown, language?: string) =>
    post(team, '/api/v1/events', language).send(body as object);
  const postBatch = (team: TestTeam, body: unknown, language?: string) =>
    post(team, '/api/v1/events/batch', language).send(body as object);
  /** A body sent as is, under `contentType` (none: no Content-Type and no body). */
  const postRaw = (team: TestTeam, path: string, contentType: string | null, raw = '') =>
    contentType ? post(team, path).set('Content-Type', contentType).send(raw) : post(team, path);

  // -------------------------------------------------------------------------------------------
  describe('one field wrong at a time (both shapes): 400, every detail, nothing stored', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await createTeam(t, 'enterprise');
    });

    it('accepts the two base events (the table breaks valid bodies)', async () => {
      // Under another team: this one must end with no row at all.
      const control = await createTeam(t);
      expect(answer(await postEvent(control, grouped()))).toEqual({
        status: 202,
        body: accepted('evt_20250203_143245_abc123'),
      });
      expect(answer(await postEvent(control, flat()))).toEqual({
        status: 202,
        body: accepted('evt_20250203_143245_abc123'),
      });
    });

    it.each(TABLE)('$name', async ({ body, details }) => {
      expect(answer(await postEvent(team, body))).toEqual({
        status: 400,
        body: validationFailed(details),
      });
    });

    it.each(GROUP_CASES)('$name', async ({ body, details }) => {
      expect(answer(await postEvent(team, body))).toEqual({
        status: 400,
        body: validationFailed(details),
      });
    });

    it.each(SEVERAL_CASES)('several errors at once: $name', async ({ body, details }) => {
      expect(answer(await postEvent(team, body))).toEqual({
        status: 400,
        body: validationFailed(details),
      });
    });

    it('an empty object lists the required groups and the id', async () => {
      expect(answer(await postEvent(team, {}))).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'player', message: 'player is required' },
          { field: 'event', message: 'event is required' },
          { field: 'event_id', message: 'external_event_id is required' },
        ]),
      });
    });

    it('stored nothing for any of them', async () => {
      expect(await countRows(team)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('French (Accept-Language: fr): every validation message', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await createTeam(t);
    });

    const FR_CASES: [string, Json, Detail][] = [
      [
        'required',
        grouped(without('event.type')),
        { field: 'event.type', message: 'event_type est obligatoire' },
      ],
      [
        'required group',
        grouped(without('player')),
        { field: 'player', message: 'player est obligatoire' },
      ],
      [
        'object',
        grouped(withField('metadata', 'x')),
        { field: 'metadata', message: 'metadata doit être un objet' },
      ],
      [
        'string',
        grouped(withField('event_id', 5)),
        { field: 'event_id', message: 'external_event_id doit être une chaîne de caractères' },
      ],
      [
        'not empty',
        flat(withField('player_id', ' ')),
        { field: 'player_id', message: 'player_id ne doit pas être vide' },
      ],
      [
        'too long',
        grouped(withField('player.phone', '1'.repeat(51))),
        { field: 'player.phone', message: 'player_phone doit contenir au plus 50 caractères' },
      ],
      [
        'code (the seed example)',
        grouped(withField('event.type', 'INVALID')),
        { field: 'event.type', message: 'event_type invalide: INVALID' },
      ],
      [
        'country',
        flat(withField('player_country', 'SN')),
        {
          field: 'player_country',
          message: 'player_country invalide: SN (code ISO 3166-1 alpha-3, par exemple SEN)',
        },
      ],
      [
        'currency',
        grouped(withField('event.currency', 'EURO')),
        {
          field: 'event.currency',
          message: 'currency invalide: EURO (code ISO 4217, par exemple XOF)',
        },
      ],
      [
        'integer',
        grouped(withField('event.amount', 1.5)),
        { field: 'event.amount', message: 'amount doit être un entier' },
      ],
      [
        'number',
        grouped(withField('game.odds', '2.5')),
        { field: 'game.odds', message: 'game_odds doit être un nombre' },
      ],
      [
        'range',
        grouped(withField('player.kyc_level', 6)),
        { field: 'player.kyc_level', message: 'player_kyc_level doit être compris entre 0 et 5' },
      ],
      [
        'ip',
        flat(withField('ip_address', 'abc')),
        { field: 'ip_address', message: 'ip_address invalide: abc (adresse IPv4 ou IPv6)' },
      ],
      [
        'timestamp',
        grouped(withField('event.timestamp', 'garbage')),
        {
          field: 'event.timestamp',
          message:
            'event_timestamp invalide: garbage (date-heure ISO 8601 avec fuseau, par exemple 2026-01-31T12:00:00Z)',
        },
      ],
      [
        'time range',
        grouped(withField('event.timestamp', '1999-12-31T23:59:59Z')),
        {
          field: 'event.timestamp',
          message:
            'event_timestamp doit être postérieur au 2000-01-01 et au plus 24 heures après maintenant: 1999-12-31T23:59:59Z',
        },
      ],
    ];

    it.each(FR_CASES)('%s', async (_rule, body, detail) => {
      expect(answer(await postEvent(team, body, 'fr'))).toEqual({
        status: 400,
        body: validationEchouee([detail]),
      });
    });

    it('lists several errors in French', async () => {
      const body = grouped(withField('event.type', 'INVALID'), withField('event.amount', -1));
      expect(answer(await postEvent(team, body, 'fr-FR,fr;q=0.9,en;q=0.5'))).toEqual({
        status: 400,
        body: validationEchouee([
          { field: 'event.type', message: 'event_type invalide: INVALID' },
          { field: 'event.amount', message: `amount doit être compris entre 0 et ${MAX_AMOUNT}` },
        ]),
      });
    });

    it('answers a body that is no object in French', async () => {
      expect(answer(await postEvent(team, ['x'], 'fr'))).toEqual({
        status: 400,
        body: validationEchouee([{ field: 'body', message: 'event doit être un objet' }]),
      });
    });

    it('answers the batch-level errors in French', async () => {
      expect(answer(await postBatch(team, {}, 'fr'))).toEqual({
        status: 400,
        body: validationEchouee([{ field: 'events', message: 'events est obligatoire' }]),
      });
      expect(answer(await postBatch(team, { events: 'x' }, 'fr'))).toEqual({
        status: 400,
        body: validationEchouee([{ field: 'events', message: 'events doit être un tableau' }]),
      });
      expect(answer(await postBatch(team, { events: [] }, 'fr'))).toEqual({
        status: 400,
        body: validationEchouee([
          { field: 'events', message: 'events doit contenir de 1 à 1000 événements' },
        ]),
      });
    });

    it('answers malformed JSON and a non-JSON body in French', async () => {
      const malformed = await postRaw(
        team,
        '/api/v1/events',
        'application/json',
        '{"event_id":',
      ).set('Accept-Language', 'fr');
      expect(answer(malformed)).toEqual({
        status: 400,
        body: failure('VALIDATION_ERROR', 'Corps JSON mal formé'),
      });
      const csv = await postRaw(team, '/api/v1/events', 'text/csv', 'event_id\nx').set(
        'Accept-Language',
        'fr',
      );
      expect(answer(csv)).toEqual({
        status: 415,
        body: failure('VALIDATION_ERROR', 'Le Content-Type doit être application/json'),
      });
    });

    it('stays in English for a language it does not speak', async () => {
      const body = grouped(withField('event.type', 'INVALID'));
      expect(answer(await postEvent(team, body, 'de-DE,de;q=0.9'))).toEqual({
        status: 400,
        body: validationFailed([{ field: 'event.type', message: 'invalid event_type: INVALID' }]),
      });
    });

    it('stored nothing', async () => {
      expect(await countRows(team)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('edge values that are valid: accepted and stored as sent', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await createTeam(t);
    });

    /** [case, event_id, changes (made when the test runs: some depend on the clock)] */
    const VALID_CASES: [string, string, () => Change[]][] = [
      ['an IPv6 address', 'ok_ipv6', () => [withField('metadata.ip_address', '2001:db8::1')]],
      [
        'an IPv4-mapped IPv6 address',
        'ok_ipv4_mapped',
        () => [withField('metadata.ip_address', '::ffff:41.138.45.22')],
      ],
      ['amount 0', 'ok_amount_0', () => [withField('event.amount', 0)]],
      ['kyc_level 0', 'ok_kyc_0', () => [withField('player.kyc_level', 0)]],
      ['kyc_level 5', 'ok_kyc_5', () => [withField('player.kyc_level', 5)]],
      ['odds 1', 'ok_odds_1', () => [withField('game.odds', 1)]],
      ['an event_id of 100 characters', 'v'.repeat(100), () => []],
      [
        'a player id of 100 characters',
        'ok_player_100',
        () => [withField('player.id', 'p'.repeat(100))],
      ],
      [
        'a phone of 50 characters',
        'ok_phone_50',
        () => [withField('player.phone', '1'.repeat(50))],
      ],
      [
        'a user agent of 500 characters',
        'ok_ua_500',
        () => [withField('metadata.user_agent', 'u'.repeat(500))],
      ],
      [
        'a game name of 200 characters',
        'ok_name_200',
        () => [withField('game.name', 'n'.repeat(200))],
      ],
      [
        'a time stamp with an offset',
        'ok_offset',
        () => [withField('event.timestamp', '2026-02-03T15:32:45+01:00')],
      ],
      [
        'a time stamp with microseconds',
        'ok_micros',
        () => [withField('event.timestamp', '2026-02-03T14:32:45.123456Z')],
      ],
      [
        'a time stamp 23 hours ahead',
        'ok_ahead',
        () => [withField('event.timestamp', new Date(Date.now() + 23 * HOUR).toISOString())],
      ],
      [
        'a time stamp on 2000-01-01',
        'ok_2000',
        () => [withField('event.timestamp', '2000-01-01T00:00:00Z')],
      ],
      [
        'null optional groups',
        'ok_null_groups',
        () => [withField('game', null), withField('metadata', null)],
      ],
      ['missing optional groups', 'ok_no_groups', () => [without('game'), without('metadata')]],
      [
        'empty strings and nulls for optional fields',
        'ok_empty_optionals',
        () => [
          withField('player.phone', ''),
          withField('player.country', null),
          withField('player.kyc_level', ''),
          withField('game.type', ''),
          withField('metadata.ip_address', ''),
        ],
      ],
      [
        'unknown fields (ignored)',
        'ok_unknown_fields',
        () => [withField('surprise', { deep: true }), withField('event.x', 1)],
      ],
    ];

    it.each(VALID_CASES)('%s', async (_case, id, changes) => {
      const res = await postEvent(team, groupedWithId(id, ...changes()));
      expect(answer(res)).toEqual({
        status: 202,
        body: {
          success: true,
          data: expect.objectContaining({
            external_event_id: id,
            uuid: expect.stringMatching(UUID),
          }),
        },
      });
    });

    it('takes amount 90000000000000 (the largest) and answers its cents exactly', async () => {
      const body = groupedWithId('ok_max_amount', withField('event.amount', 90_000_000_000_000));
      expect(answer(await postEvent(team, body))).toEqual({
        status: 202,
        body: accepted('ok_max_amount', {
          amount: 90_000_000_000_000,
          amount_cents: 9_000_000_000_000_000,
        }),
      });
    });

    it('stores the event exactly as sent, absent fields as NULL', async () => {
      const full = groupedWithId('ok_full_row');
      expect((await postEvent(team, full)).status).toBe(202);
      const sparse = groupedWithId(
        'ok_sparse_row',
        without('game'),
        without('metadata'),
        withField('player', { id: 'pl_2', phone: '' }),
        withField('event.balance_before', null),
        without('event.balance_after'),
      );
      expect((await postEvent(team, sparse)).status).toBe(202);
      const rows = await t.app
        .get(DataSource)
        .query<Json[]>(
          'SELECT external_event_id, player_external_id, player_phone, player_country, ' +
            'player_kyc_level, event_type, event_month, amount, currency, balance_before, ' +
            'balance_after, game_type, game_code, game_name, sport, competition, odds, bet_ref, ' +
            'provider_code, device_type, operator_code, ip_address, session_id, user_agent ' +
            "FROM events WHERE team_id = ? AND external_event_id IN ('ok_full_row', 'ok_sparse_row') " +
            'ORDER BY external_event_id',
          [team.id],
        );
      // BIGINT columns come back as strings on MySQL: compare numbers as numbers.
      const NUMERIC = [
        'player_kyc_level',
        'event_month',
        'amount',
        'balance_before',
        'balance_after',
        'odds',
      ];
      const normalised = rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value !== null && NUMERIC.includes(key) ? Number(value) : value,
          ]),
        ),
      );
      expect(normalised).toEqual([
        {
          external_event_id: 'ok_full_row',
          player_external_id: 'pl_12345abc',
          player_phone: '+221771234567',
          player_country: 'SEN',
          player_kyc_level: 2,
          event_type: 'BET_PLACED',
          event_month: 202602,
          amount: 5000,
          currency: 'XOF',
          balance_before: 15000,
          balance_after: 10000,
          game_type: 'SPORTS',
          game_code: 'game_789',
          game_name: 'Senegal vs Nigeria',
          sport: 'football',
          competition: 'CAN 2025',
          odds: 2.5,
          bet_ref: 'bet_456',
          provider_code: 'pragmatic',
          device_type: 'MOBILE',
          operator_code: 'ORANGE_SN',
          ip_address: '41.138.45.22',
          session_id: 'sess_xyz',
          user_agent: 'Mozilla/5.0 (Linux; Android 14)',
        },
        {
          external_event_id: 'ok_sparse_row',
          player_external_id: 'pl_2',
          player_phone: null,
          player_country: null,
          player_kyc_level: null,
          event_type: 'BET_PLACED',
          event_month: 202602,
          amount: 5000,
          currency: 'XOF',
          balance_before: null,
          balance_after: null,
          game_type: null,
          game_code: null,
          game_name: null,
          sport: null,
          competition: null,
          odds: null,
          bet_ref: null,
          provider_code: null,
          device_type: null,
          operator_code: null,
          ip_address: null,
          session_id: null,
          user_agent: null,
        },
      ]);
    });

    /**
     * Accepted values must be stored exactly as sent: never cut to a column's size, never
     * re-encoded. [case, grouped path, value, column]
     */
    // [name, field, value, column, null when stored exactly as sent, else the 400's message]
    const EXACT_CASES: [string, FieldPath, string, string, string | null][] = [
      [
        'an IPv6 address with a long zone id (wider than the column)',
        'metadata.ip_address',
        `fe80::1%${'z'.repeat(60)}`,
        'ip_address',
        `invalid ip_address: fe80::1%${'z'.repeat(52)}… (an IPv4 or IPv6 address)`,
      ],
      [
        'emoji (50 of them, 100 UTF-16 units)',
        'metadata.session_id',
        '😀'.repeat(50),
        'session_id',
        null,
      ],
      ['a NUL character', 'metadata.user_agent', 'Mozilla/5.0\u0000x', 'user_agent', null],
      [
        'a lone surrogate (not Unicode text)',
        'player.id',
        'pl_\ud800',
        'player_external_id',
        'player_id must be valid Unicode text',
      ],
    ];

    it.each(EXACT_CASES)(
      'stores %s exactly as sent, or refuses it: never a value cut short or altered',
      async (name, path, value, column, refusal) => {
        const id = `exact_${name.replace(/\W+/g, '_')}`.slice(0, 100);
        const res = await postEvent(team, groupedWithId(id, withField(path, value)));
        if (refusal === null) {
          expect(res.status).toBe(202);
          const [row] = await t.app
            .get(DataSource)
            .query<Json[]>(
              `SELECT ${column} AS v FROM events WHERE team_id = ? AND external_event_id = ?`,
              [team.id, id],
            );
          expect(row.v).toBe(value);
        } else {
          expect(answer(res)).toEqual({
            status: 400,
            body: validationFailed([{ field: path, message: refusal }]),
          });
        }
      },
    );
  });

  // -------------------------------------------------------------------------------------------
  describe('body-level garbage on POST /api/v1/events', () => {
    let team: TestTeam;
    beforeAll(async () => {
      team = await createTeam(t);
    });

    it.each([
      ['truncated', '{"event_id":'],
      ['not JSON at all', 'hello'],
      ['trailing garbage', '{"event_id":"x"} extra'],
      ['single quotes', "{'event_id':'x'}"],
      ['empty', ''],
    ])('refuses malformed JSON (%s) with 400', async (_case, raw) => {
      const res = await postRaw(team, '/api/v1/events', 'application/json', raw);
      expect(answer(res)).toEqual({ status: 400, body: MALFORMED });
    });

    it.each([
      ['a JSON array', JSON.stringify([grouped()])],
      ['a JSON string', JSON.stringify('evt_1')],
      ['a JSON number', '42'],
      ['JSON null', 'null'],
    ])('refuses %s as the body with 400 (an event must be an object)', async (_case, raw) => {
      const res = await postRaw(team, '/api/v1/events', 'application/json', raw);
      expect(answer(res)).toEqual({
        status: 400,
        body: validationFailed([{ field: 'body', message: 'event must be an object' }]),
      });
    });

    it('refuses a JSON number too large for a double as a non-integer amount', async () => {
      const raw = JSON.stringify(grouped()).replace('"amount":5000', '"amount":1e400');
      const res = await postRaw(team, '/api/v1/events', 'application/json', raw);
      expect(answer(res)).toEqual({
        status: 400,
        body: validationFailed([{ field: 'event.amount', message: 'amount must be an integer' }]),
      });
    });

    it('refuses a __proto__ key without a 5xx', async () => {
      const raw = JSON.stringify(grouped()).replace('{', '{"__proto__":{"polluted":true},');
      const res = await postRaw(team, '/api/v1/events', 'application/json', raw);
      expect(answer(res)).toEqual({ status: 400, body: MALFORMED });
      expect(({} as Json).polluted).toBeUndefined();
    });

    it.each([
      ['text/plain', JSON.stringify(grouped())],
      ['text/csv', 'event_id,player_id\nevt_1,pl_1'],
      ['application/x-www-form-urlencoded', 'event_id=evt_1&player_id=pl_1'],
    ])('refuses Content-Type %s with 415', async (contentType, raw) => {
      const res = await postRaw(team, '/api/v1/events', contentType, raw);
      expect(answer(res)).toEqual({ status: 415, body: NOT_JSON });
    });

    it('refuses a request with no body and no Content-Type with 400', async () => {
      const res = await postRaw(team, '/api/v1/events', null);
      expect(answer(res)).toEqual({
        status: 400,
        body: validationFailed([{ field: 'body', message: 'event must be an object' }]),
      });
    });

    it('refuses malformed JSON and a non-JSON body on the batch route too', async () => {
      const malformed = await postRaw(
        team,
        '/api/v1/events/batch',
        'application/json',
        '{"events":[',
      );
      expect(answer(malformed)).toEqual({ status: 400, body: MALFORMED });
      const text = await postRaw(
        team,
        '/api/v1/events/batch',
        'text/plain',
        JSON.stringify({ events: [grouped()] }),
      );
      expect(answer(text)).toEqual({ status: 415, body: NOT_JSON });
    });

    it('stored nothing', async () => {
      expect(await countRows(team)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('batch limits and mixed batches', () => {
    let team: TestTeam;
    beforeEach(async () => {
      team = await createTeam(t);
    });

    const eventsRequired = validationFailed([{ field: 'events', message: 'events is required' }]);
    const eventsArray = validationFailed([{ field: 'events', message: 'events must be an array' }]);
    const batchSize = validationFailed([
      { field: 'events', message: 'events must hold from 1 to 1000 events' },
    ]);

    it.each([
      ['no events', {}, eventsRequired],
      ['events null', { events: null }, eventsRequired],
      ['a bare array of events', [grouped()], eventsRequired],
      ['events as an object', { events: grouped() }, eventsArray],
      ['events as a string', { events: 'evt_1' }, eventsArray],
      ['events as a number', { events: 3 }, eventsArray],
      ['an empty events array', { events: [] }, batchSize],
    ])('refuses %s with 400', async (_case, body, expected) => {
      expect(answer(await postBatch(team, body))).toEqual({ status: 400, body: expected });
      expect(await countRows(team)).toBe(0);
    });

    it('counts refused events in /metrics, and logs a batch that refused some as a warning', async () => {
      const refusedCount = async (route: string, reason: string) =>
        Number(
          new RegExp(
            `^events_refused_total\\{route="${route}",reason="${reason}"\\} (\\d+)$`,
            'm',
          ).exec(await (await fetch(`${t.url}/metrics`)).text())?.[1] ?? 0,
        );
      const before = {
        batchInvalid: await refusedCount('batch', 'invalid'),
        batchConflict: await refusedCount('batch', 'conflict'),
        singleInvalid: await refusedCount('single', 'invalid'),
      };
      await postBatch(team, { events: [groupedWithId('taken-1')] }).expect(200);
      const requestId = `batch-refusals-${team.id}`;
      const answer = await postBatch(team, {
        events: [
          groupedWithId('fresh-1'),
          groupedWithId('bad-type-1', withField('event.type', 'NOPE')),
          groupedWithId('taken-1', withField('event.amount', 7)),
        ],
      })
        .set('X-Request-Id', requestId)
        .expect(200);
      expect(answer.body.data).toMatchObject({ success_count: 1, failed_count: 2 });
      await postEvent(team, groupedWithId('bad-type-2', withField('event.type', 'NOPE'))).expect(
        400,
      );

      expect(await refusedCount('batch', 'invalid')).toBe(before.batchInvalid + 1);
      expect(await refusedCount('batch', 'conflict')).toBe(before.batchConflict + 1);
      expect(await refusedCount('single', 'invalid')).toBe(before.singleInvalid + 1);
      const [line] = t.logs.find(requestId).filter((l) => l.msg === 'request completed');
      expect(line).toMatchObject({
        level: 40,
        res: { statusCode: 200 },
        accepted: 1,
        refused: 2,
        firstRefused: 'bad-type-1: invalid event_type: NOPE',
      });
    });

    it('refuses 1001 valid events as a whole: 400 and nothing stored', async () => {
      const events = Array.from({ length: 1001 }, (_, i) => groupedWithId(`big_${i}`));
      expect(answer(await postBatch(team, { events }))).toEqual({ status: 400, body: batchSize });
      expect(await countRows(team)).toBe(0);
    }, 30_000);

    it('takes exactly 1000 valid events: 200, all stored', async () => {
      const events = Array.from({ length: 1000 }, (_, i) =>
        i % 2 === 0 ? groupedWithId(`max_${i}`) : flatWithId(`max_${i}`),
      );
      const res = await postBatch(team, { events });
      expect(res.status).toBe(200);
      expect(res.body.success).toBe(true);
      expect(res.body.data.success_count).toBe(1000);
      expect(res.body.data.failed_count).toBe(0);
      const entries = res.body.data.events as { uuid: string; external_event_id: string }[];
      expect(entries.map((e) => e.external_event_id)).toEqual(events.map((_, i) => `max_${i}`));
      expect(entries.every((e) => UUID.test(e.uuid))).toBe(true);
      expect(new Set(entries.map((e) => e.uuid)).size).toBe(1000);
      expect(await countRows(team)).toBe(1000);
    }, 30_000);

    it('judges each event alone: good ones stored, bad ones reported, in input order', async () => {
      const events: unknown[] = [
        groupedWithId('mix_01'),
        5,
        flatWithId('mix_03', withField('event_type', 'DEPOSIT')),
        groupedWithId(
          'mix_04',
          withField('event.type', 'INVALID'),
          withField('event.amount', -1),
          withField('metadata.ip_address', '1.2.3'),
        ),
        null,
        flatWithId('mix_06', withField('currency', 'xof')),
        [groupedWithId('mix_07')],
        grouped(without('event_id')),
        grouped(withField('event_id', 42), withField('event.amount', 1.5)),
        groupedWithId('mix_10', without('game'), without('metadata')),
        'mix_11',
        groupedWithId('mix_12', without('player')),
        flatWithId('mix_13', withField('event_timestamp', '1999-01-01T00:00:00Z')),
      ];
      const res = await postBatch(team, { events });
      const uuid = expect.stringMatching(UUID);
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 3,
            failed_count: 10,
            events: [
              { uuid, external_event_id: 'mix_01' },
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              { uuid, external_event_id: 'mix_03' },
              {
                uuid: null,
                external_event_id: 'mix_04',
                error:
                  'invalid event_type: INVALID; ' +
                  `amount must be between 0 and ${MAX_AMOUNT}; ` +
                  invalidIp('1.2.3'),
              },
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              { uuid: null, external_event_id: 'mix_06', error: invalidCurrency('xof') },
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              { uuid: null, external_event_id: null, error: 'external_event_id is required' },
              {
                uuid: null,
                external_event_id: null,
                error: 'external_event_id must be a string; amount must be an integer',
              },
              { uuid, external_event_id: 'mix_10' },
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              { uuid: null, external_event_id: 'mix_12', error: 'player is required' },
              {
                uuid: null,
                external_event_id: 'mix_13',
                error: timeRange('1999-01-01T00:00:00Z'),
              },
            ],
          },
        },
      });
      const { data } = res.body as { data: { success_count: number; failed_count: number } };
      expect(data.success_count + data.failed_count).toBe(events.length);
      const good = (res.body.data.events as { uuid: string | null }[]).filter((e) => e.uuid);
      expect(new Set(good.map((e) => e.uuid)).size).toBe(3);
      expect(await storedIds(team)).toEqual(['mix_01', 'mix_03', 'mix_10']);
    });

    it('answers the seed example with a bad third event in French', async () => {
      const seedBatch = {
        events: [
          ...BATCH_EXAMPLE.events,
          {
            event_id: 'evt_003',
            player: { id: 'player_123' },
            event: {
              type: 'INVALID',
              timestamp: '2026-01-31T12:10:00Z',
              amount: 1000,
              currency: 'XOF',
            },
          },
        ],
      };
      const res = await postBatch(team, seedBatch, 'fr');
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 2,
            failed_count: 1,
            events: [
              { uuid: expect.stringMatching(UUID), external_event_id: 'evt_001' },
              { uuid: expect.stringMatching(UUID), external_event_id: 'evt_002' },
              { uuid: null, external_event_id: 'evt_003', error: 'event_type invalide: INVALID' },
            ],
          },
        },
      });
      expect(await storedIds(team)).toEqual(['evt_001', 'evt_002']);
    });

    it('answers a batch of nothing but bad events with 200 and stores nothing', async () => {
      const res = await postBatch(team, { events: [1, 'x', {}] });
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 0,
            failed_count: 3,
            events: [
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              { uuid: null, external_event_id: null, error: 'event must be an object' },
              {
                uuid: null,
                external_event_id: null,
                error: 'player is required; event is required; external_event_id is required',
              },
            ],
          },
        },
      });
      expect(await countRows(team)).toBe(0);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('duplicates', () => {
    let team: TestTeam;
    beforeEach(async () => {
      team = await createTeam(t);
    });

    type Entry = { uuid: string | null; external_event_id: string | null; error?: string };
    const entriesOf = (res: Response) => (res.body as { data: { events: Entry[] } }).data.events;

    it('answers the same event twice in one batch with one uuid and stores one row', async () => {
      const res = await postBatch(team, {
        events: [groupedWithId('dup_1'), groupedWithId('dup_1')],
      });
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 2,
            failed_count: 0,
            events: [
              { uuid: expect.stringMatching(UUID), external_event_id: 'dup_1' },
              { uuid: expect.stringMatching(UUID), external_event_id: 'dup_1' },
            ],
          },
        },
      });
      const [first, second] = entriesOf(res);
      expect(second.uuid).toBe(first.uuid);
      expect(await countRows(team)).toBe(1);
    });

    it('reports the same event_id with other content in one batch as a failed entry', async () => {
      const res = await postBatch(team, {
        events: [
          groupedWithId('dup_2'),
          groupedWithId('dup_2', withField('event.amount', 6000)),
          groupedWithId('dup_3'),
        ],
      });
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 2,
            failed_count: 1,
            events: [
              { uuid: expect.stringMatching(UUID), external_event_id: 'dup_2' },
              {
                uuid: null,
                external_event_id: 'dup_2',
                error: 'event_id dup_2 was already received with different content',
              },
              { uuid: expect.stringMatching(UUID), external_event_id: 'dup_3' },
            ],
          },
        },
      });
      expect(await storedIds(team)).toEqual(['dup_2', 'dup_3']);
    });

    it('reports a conflicting batch entry in French', async () => {
      expect((await postEvent(team, groupedWithId('dup_fr'))).status).toBe(202);
      const res = await postBatch(
        team,
        { events: [groupedWithId('dup_fr', withField('event.type', 'DEPOSIT'))] },
        'fr',
      );
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 0,
            failed_count: 1,
            events: [
              {
                uuid: null,
                external_event_id: 'dup_fr',
                error: 'event_id dup_fr déjà reçu avec un contenu différent',
              },
            ],
          },
        },
      });
      expect(await countRows(team)).toBe(1);
    });

    it('answers a repeated single POST with 202, the same uuid and received_at, one row', async () => {
      const first = await postEvent(team, groupedWithId('dup_4'));
      expect(answer(first)).toEqual({ status: 202, body: accepted('dup_4') });
      const again = await postEvent(team, groupedWithId('dup_4'));
      expect(answer(again)).toEqual({ status: 202, body: first.body });
      expect(await countRows(team)).toBe(1);
    });

    it('answers a batch entry repeating a single POST with its uuid', async () => {
      const single = await postEvent(team, groupedWithId('dup_5'));
      expect(single.status).toBe(202);
      const res = await postBatch(team, { events: [flatWithId('dup_5')] });
      expect(answer(res)).toEqual({
        status: 200,
        body: {
          success: true,
          data: {
            success_count: 1,
            failed_count: 0,
            events: [{ uuid: single.body.data.uuid, external_event_id: 'dup_5' }],
          },
        },
      });
      expect(await countRows(team)).toBe(1);
    });

    it('answers a repeat with different content with 409 and keeps the first row', async () => {
      const first = await postEvent(team, groupedWithId('dup_6'));
      expect(first.status).toBe(202);
      const { uuid } = first.body.data as { uuid: string };
      const other = await postEvent(team, groupedWithId('dup_6', withField('event.amount', 5001)));
      expect(answer(other)).toEqual({
        status: 409,
        body: failure(
          'CONFLICT',
          `Event dup_6 was already received with different content (uuid ${uuid})`,
        ),
      });
      const otherFr = await postEvent(team, groupedWithId('dup_6', without('metadata')), 'fr');
      expect(answer(otherFr)).toEqual({
        status: 409,
        body: failure(
          'CONFLICT',
          `Événement dup_6 : déjà reçu avec un contenu différent (uuid ${uuid})`,
        ),
      });
      expect(await countRows(team)).toBe(1);
      const [row] = await t.app
        .get(DataSource)
        .query<{ amount: number | string }[]>('SELECT amount FROM events WHERE team_id = ?', [
          team.id,
        ]);
      expect(Number(row.amount)).toBe(5000);
    });

    it('treats the flat and grouped forms of one event as the same event', async () => {
      const groupedRes = await postEvent(team, groupedWithId('dup_7'));
      expect(groupedRes.status).toBe(202);
      const flatRes = await postEvent(team, flatWithId('dup_7'));
      expect(answer(flatRes)).toEqual({ status: 202, body: groupedRes.body });
      // The same instant written in another zone is the same content.
      const zoned = await postEvent(
        team,
        flatWithId('dup_7', withField('event_timestamp', '2026-02-03T15:32:45+01:00')),
      );
      expect(answer(zoned)).toEqual({ status: 202, body: groupedRes.body });
      expect(await countRows(team)).toBe(1);
    });

    it('refuses an event id or a player id with leading or trailing spaces (MySQL compares keys without them)', async () => {
      const plain = await postEvent(team, groupedWithId('dup_space'));
      expect(answer(plain)).toEqual({ status: 202, body: accepted('dup_space') });
      const spaced = await postEvent(team, groupedWithId('dup_space '));
      expect(answer(spaced)).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'event_id', message: 'external_event_id must not begin or end with spaces' },
        ]),
      });
      const spacedPlayer = await postEvent(
        team,
        groupedWithId('dup_space_2', withField('player.id', ' pl_1')),
      );
      expect(answer(spacedPlayer)).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'player.id', message: 'player_id must not begin or end with spaces' },
        ]),
      });
      // The bet, its provider and its game are keys too: "R " would be another bet on SQLite and
      // the same one on MariaDB (found by a hostile test: the second event FAILED there).
      const spacedGame = await postEvent(
        team,
        groupedWithId(
          'dup_space_3',
          withField('game.bet_id', 'bet_456 '),
          withField('game.provider', ' evolution'),
          withField('game.id', 'game_789\t'),
        ),
      );
      expect(answer(spacedGame)).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'game.id', message: 'game_id must not begin or end with spaces' },
          { field: 'game.bet_id', message: 'game_bet_id must not begin or end with spaces' },
          { field: 'game.provider', message: 'game_provider must not begin or end with spaces' },
        ]),
      });
      expect(await countRows(team)).toBe(1);
    });

    it('refuses ids with control characters (NUL, the C0 range), as the AML API does', async () => {
      const res = await postEvent(
        team,
        groupedWithId(
          'ctl\u0000id',
          withField('player.id', 'pl\u0007'),
          withField('game.bet_id', 'bet\u001f456'),
        ),
      );
      expect(answer(res)).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'event_id', message: 'external_event_id must not contain control characters' },
          { field: 'player.id', message: 'player_id must not contain control characters' },
          { field: 'game.bet_id', message: 'game_bet_id must not contain control characters' },
        ]),
      });
      expect(await countRows(team)).toBe(0);
    });

    it('refuses an event_id that is not Unicode text (MySQL would store it altered)', async () => {
      const res = await postEvent(team, groupedWithId('dup_\ud800'));
      expect(answer(res)).toEqual({
        status: 400,
        body: validationFailed([
          { field: 'event_id', message: 'external_event_id must be valid Unicode text' },
        ]),
      });
      expect(await countRows(team)).toBe(0);
    });

    it('settles 20 identical POSTs sent at once: all 202, one uuid, one row', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => postEvent(team, groupedWithId('dup_race'))),
      );
      expect(responses.map((res) => res.status)).toEqual(Array(20).fill(202));
      const bodies = responses.map((res) => res.body as { data: Json });
      expect(new Set(bodies.map((b) => b.data.uuid)).size).toBe(1);
      expect(new Set(bodies.map((b) => b.data.received_at)).size).toBe(1);
      expect(bodies[0]).toEqual(accepted('dup_race'));
      expect(await countRows(team)).toBe(1);
    });

    it('settles 20 POSTs of one id with different content sent at once: one 202 uuid, the rest 409', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postEvent(team, groupedWithId('dup_race_conflict', withField('event.amount', 1000 + i))),
        ),
      );
      const statuses = responses.map((res) => res.status).sort();
      expect(statuses).toEqual([...Array(19).fill(409), 202].sort());
      const winner = responses.find((res) => res.status === 202)!;
      for (const res of responses.filter((r) => r.status === 409)) {
        expect(res.body).toEqual(
          failure(
            'CONFLICT',
            `Event dup_race_conflict was already received with different content (uuid ${winner.body.data.uuid as string})`,
          ),
        );
      }
      expect(await countRows(team)).toBe(1);
    });

    it('settles 10 batches of the same 50 events sent at once: one row and one uuid per event', async () => {
      const events = Array.from({ length: 50 }, (_, i) =>
        i % 2 ? groupedWithId(`race_${i}`) : flatWithId(`race_${i}`),
      );
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, n) =>
          // Each batch in its own order, so that inserts cross.
          postBatch(team, { events: n % 2 ? [...events].reverse() : events }),
        ),
      );
      expect(responses.map((res) => res.status)).toEqual(Array(10).fill(200));
      const uuidsById = new Map<string, Set<string | null>>();
      for (const res of responses) {
        expect(res.body.data).toMatchObject({ success_count: 50, failed_count: 0 });
        for (const entry of entriesOf(res)) {
          expect(entry).toEqual({
            uuid: expect.stringMatching(UUID),
            external_event_id: expect.stringMatching(/^race_\d+$/),
          });
          const set = uuidsById.get(entry.external_event_id!) ?? new Set();
          set.add(entry.uuid);
          uuidsById.set(entry.external_event_id!, set);
        }
      }
      expect(uuidsById.size).toBe(50);
      expect([...uuidsById.values()].every((set) => set.size === 1)).toBe(true);
      expect(await countRows(team)).toBe(50);
      const stored = await t.app
        .get(DataSource)
        .query<{ uuid: string; external_event_id: string }[]>(
          'SELECT uuid, external_event_id FROM events WHERE team_id = ?',
          [team.id],
        );
      for (const row of stored) {
        expect([...uuidsById.get(row.external_event_id)!]).toEqual([row.uuid]);
      }
    }, 30_000);
  });

  // -------------------------------------------------------------------------------------------
  it('logged no error for any of it (no 5xx, no failure behind an answer)', () => {
    expect(t.logs.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
