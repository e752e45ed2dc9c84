import type { LookupKind } from '../../lookups/lookups.service';
import type { MonitorEvent } from './event-fields';
import { EventValidator, type EventCheck, type ValidEvent } from './event.validator';
import { GROUPED_EVENT_EXAMPLE } from '../dto/event.examples';

/** The lookup codes of seed 000 (operators: those of its reference table). */
const CODES: Record<LookupKind, string[]> = {
  event_type: [
    'DEPOSIT',
    'WITHDRAWAL',
    'BET_PLACED',
    'BET_WON',
    'BET_LOST',
    'BONUS_CREDITED',
    'BONUS_USED',
    'REFUND',
    'CASHOUT',
    'JACKPOT',
  ],
  game_type: ['SPORTS', 'CASINO', 'VIRTUAL', 'LOTTERY', 'POKER', 'ESPORTS', 'LIVE_CASINO'],
  device_type: ['DESKTOP', 'MOBILE', 'TABLET', 'API', 'OTHER'],
  operator: [
    'ORANGE_SN',
    'WAVE_SN',
    'FREE_SN',
    'ORANGE_CI',
    'MTN_CI',
    'WAVE_CI',
    'MOOV_CI',
    'ORANGE_ML',
    'WAVE_ML',
    'MTN_GH',
    'VODAFONE_GH',
    'MTN_NG',
    'OPAY_NG',
    'BANK_TRANSFER',
    'CARD',
  ],
};

const lookups = {
  isKnownCode: jest.fn((kind: LookupKind, code: string) => CODES[kind].includes(code)),
};
const validator = new EventValidator(lookups);

/** "Now" for these tests: 2026-11-21T12:00:00Z, in microseconds. */
const NOW = Date.UTC(2026, 10, 21, 12) * 1000;
const HOUR_MICROS = 3_600_000_000;
const check = (input: unknown, prefix = '') => validator.check(input, prefix, NOW);

type Json = Record<string, unknown>;

/** The seed's grouped example, a fresh copy each time. */
const grouped = (): Json => structuredClone(GROUPED_EVENT_EXAMPLE);

/** The same event, flat. */
const flat = (): Json => ({
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
  device_type: 'MOBILE',
  operator: 'ORANGE_SN',
  ip_address: '41.138.45.22',
  session_id: 'sess_xyz',
});

/** The normalised event both give: every field of the table, null when absent. */
const NORMALISED: MonitorEvent = {
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
  game_provider: null,
  device_type: 'MOBILE',
  operator: 'ORANGE_SN',
  ip_address: '41.138.45.22',
  session_id: 'sess_xyz',
  user_agent: null,
};

/** Sets a dotted path of a copy. */
const set = (body: Json, path: string, value: unknown): Json => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Json;
  }
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return copy;
};

const valid = (result: EventCheck): ValidEvent => {
  if (!result.valid)
    throw new Error(`expected a valid event, got ${JSON.stringify(result.issues)}`);
  return result.value;
};
/** The issues as an API client sees them. */
const problems = (result: EventCheck) => {
  if (result.valid) throw new Error('expected an invalid event');
  return result.issues.map(({ field, message }) => ({ field, message }));
};

describe('EventValidator', () => {
  describe('both body shapes', () => {
    it('normalises the grouped and the flat body to the same event, nulls for absent fields', () => {
      const fromGrouped = valid(check(grouped()));
      const fromFlat = valid(check(flat()));
      expect(fromGrouped.event).toEqual(NORMALISED);
      expect(fromFlat.event).toEqual(NORMALISED);
      expect(fromFlat.contentHash).toBe(fromGrouped.contentHash);
      expect(fromGrouped.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(fromGrouped.month).toBe(202602);
      expect(fromGrouped.time.micros).toBe(Date.UTC(2026, 1, 3, 14, 32, 45) * 1000);
    });

    it('normalises the minimal flat body of the seed curl example', () => {
      const body = {
        external_event_id: 'evt-123',
        player_id: 'player-456',
        event_type: 'DEPOSIT',
        amount: 100000,
        currency: 'XOF',
        event_timestamp: '2026-01-31T12:00:00Z',
      };
      const result = valid(check(body));
      expect(result.event).toEqual({
        external_event_id: 'evt-123',
        player_id: 'player-456',
        player_phone: null,
        player_country: null,
        player_kyc_level: null,
        event_type: 'DEPOSIT',
        event_timestamp: '2026-01-31T12:00:00Z',
        amount: 100000,
        currency: 'XOF',
        balance_before: null,
        balance_after: null,
        game_type: null,
        game_id: null,
        game_name: null,
        game_sport: null,
        game_competition: null,
        game_odds: null,
        game_bet_id: null,
        game_provider: null,
        device_type: null,
        operator: null,
        ip_address: null,
        session_id: null,
        user_agent: null,
      });
      expect(result.month).toBe(202601);
      const sameGrouped = {
        event_id: 'evt-123',
        player: { id: 'player-456' },
        event: {
          type: 'DEPOSIT',
          amount: 100000,
          currency: 'XOF',
          timestamp: '2026-01-31T12:00:00Z',
        },
      };
      expect(valid(check(sameGrouped)).contentHash).toBe(result.contentHash);
    });

    it('checks codes against the lookups, by kind', () => {
      lookups.isKnownCode.mockClear();
      valid(check(grouped()));
      expect(lookups.isKnownCode.mock.calls).toEqual([
        ['event_type', 'BET_PLACED'],
        ['game_type', 'SPORTS'],
        ['device_type', 'MOBILE'],
        ['operator', 'ORANGE_SN'],
      ]);
    });

    it('reads a mixed body as grouped: the grouped keys win, the flat ones are ignored', () => {
      const mixed = {
        ...flat(),
        ...grouped(),
        // flat names with other values: ignored
        player_id: 'someone_else',
        amount: 1,
        event_type: 'DEPOSIT',
      };
      const result = valid(check(mixed));
      expect(result.event).toEqual(NORMALISED);
      expect(result.contentHash).toBe(valid(check(grouped())).contentHash);
    });

    it('reads a body with event_id and flat fields as grouped, missing its groups', () => {
      const body = { ...flat(), event_id: 'evt_1' };
      expect(problems(check(body))).toEqual([
        { field: 'player', message: 'player is required' },
        { field: 'event', message: 'event is required' },
      ]);
    });

    it('ignores unknown fields, in the body and in its groups', () => {
      const body = set(set(grouped(), 'surprise', { deep: 1 }), 'event.note', 'x');
      expect(valid(check(body)).contentHash).toBe(valid(check(grouped())).contentHash);
    });
  });

  describe('month and time', () => {
    it.each([
      ['2026-03-01T00:30:00+01:00', 202602],
      ['2026-02-28T23:30:00-01:00', 202603],
      ['2025-12-31T23:30:00-01:00', 202601],
      ['2026-01-01T00:59:59+01:00', 202512],
      ['2026-02-03T14:32:45Z', 202602],
      ['2000-01-01T00:00:00Z', 200001],
    ])('%s is in month %i (UTC)', (timestamp, month) => {
      const result = valid(check(set(grouped(), 'event.timestamp', timestamp)));
      expect(result.month).toBe(month);
      expect(result.event.event_timestamp).toBe(timestamp);
    });

    it('keeps microseconds', () => {
      const result = valid(check(set(grouped(), 'event.timestamp', '2026-02-03T14:32:45.123456Z')));
      expect(result.time.micros % 1_000_000).toBe(123456);
    });

    it('gives the same hash to the same instant written in two zones', () => {
      const utc = valid(check(set(grouped(), 'event.timestamp', '2026-02-03T14:32:45Z')));
      const dakarIsUtc = valid(
        check(set(grouped(), 'event.timestamp', '2026-02-03T14:32:45+00:00')),
      );
      const paris = valid(check(set(grouped(), 'event.timestamp', '2026-02-03T15:32:45+01:00')));
      expect(dakarIsUtc.contentHash).toBe(utc.contentHash);
      expect(paris.contentHash).toBe(utc.contentHash);
    });

    it('takes 2000-01-01T00:00:00Z and refuses a microsecond before', () => {
      valid(check(set(grouped(), 'event.timestamp', '2000-01-01T00:00:00Z')));
      const before = '1999-12-31T23:59:59.999999Z';
      expect(problems(check(set(grouped(), 'event.timestamp', before)))).toEqual([
        {
          field: 'event.timestamp',
          message: `event_timestamp must be after 2000-01-01 and at most 24 hours ahead of now: ${before}`,
        },
      ]);
    });

    it('takes a time exactly 24 hours ahead of now and refuses a microsecond more', () => {
      const limit = new Date((NOW + 24 * HOUR_MICROS) / 1000).toISOString();
      expect(limit).toBe('2026-11-22T12:00:00.000Z');
      valid(check(set(grouped(), 'event.timestamp', limit)));
      const beyond = '2026-11-22T12:00:00.000001Z';
      expect(problems(check(set(flat(), 'event_timestamp', beyond)))).toEqual([
        {
          field: 'event_timestamp',
          message: `event_timestamp must be after 2000-01-01 and at most 24 hours ahead of now: ${beyond}`,
        },
      ]);
    });
  });

  describe('prefix (an event inside a batch)', () => {
    it('names fields after the prefix, in both shapes', () => {
      expect(problems(check(set(grouped(), 'event.type', 'INVALID'), 'events[3].'))).toEqual([
        { field: 'events[3].event.type', message: 'invalid event_type: INVALID' },
      ]);
      expect(problems(check(set(flat(), 'event_type', 'INVALID'), 'events[3].'))).toEqual([
        { field: 'events[3].event_type', message: 'invalid event_type: INVALID' },
      ]);
      expect(problems(check(set(grouped(), 'event_id', undefined), 'events[0].'))).toEqual([
        { field: 'events[0].event_id', message: 'external_event_id is required' },
      ]);
    });

    it('names a missing group and a time out of range after the prefix', () => {
      expect(problems(check(set(grouped(), 'player', undefined), 'events[7].'))).toEqual([
        { field: 'events[7].player', message: 'player is required' },
      ]);
      const old = '1999-01-01T00:00:00Z';
      expect(problems(check(set(grouped(), 'event.timestamp', old), 'events[2].'))).toEqual([
        {
          field: 'events[2].event.timestamp',
          message: `event_timestamp must be after 2000-01-01 and at most 24 hours ahead of now: ${old}`,
        },
      ]);
    });

    it.each([
      ['a number', 5],
      ['null', null],
      ['a string', 'evt_1'],
      ['an array', [grouped()]],
      ['a boolean', true],
    ])('refuses %s as an event, named by the prefix or "body"', (_case, input) => {
      expect(check(input, 'events[3].')).toEqual({
        valid: false,
        issues: [
          expect.objectContaining({ field: 'events[3]', message: 'event must be an object' }),
        ],
        externalEventId: null,
      });
      expect(problems(check(input))).toEqual([
        { field: 'body', message: 'event must be an object' },
      ]);
    });
  });

  describe('groups', () => {
    it('reports a missing required group once, without its fields', () => {
      expect(problems(check(set(grouped(), 'player', undefined)))).toEqual([
        { field: 'player', message: 'player is required' },
      ]);
      expect(problems(check(set(grouped(), 'event', null)))).toEqual([
        { field: 'event', message: 'event is required' },
      ]);
    });

    it('reports a group that is not an object once, without its fields', () => {
      expect(problems(check(set(grouped(), 'event', [{ type: 'DEPOSIT' }])))).toEqual([
        { field: 'event', message: 'event must be an object' },
      ]);
      expect(problems(check(set(grouped(), 'game', 'SPORTS')))).toEqual([
        { field: 'game', message: 'game must be an object' },
      ]);
      expect(problems(check(set(grouped(), 'metadata', [])))).toEqual([
        { field: 'metadata', message: 'metadata must be an object' },
      ]);
    });

    it('reports the required fields of an empty required group', () => {
      expect(problems(check(set(grouped(), 'event', {})))).toEqual([
        { field: 'event.type', message: 'event_type is required' },
        { field: 'event.timestamp', message: 'event_timestamp is required' },
        { field: 'event.amount', message: 'amount is required' },
        { field: 'event.currency', message: 'currency is required' },
      ]);
    });

    it.each([
      ['null', null],
      ['absent', undefined],
      ['empty', {}],
    ])('accepts optional groups that are %s: their fields are null', (_case, value) => {
      const body = set(set(grouped(), 'game', value), 'metadata', value);
      const { event } = valid(check(body));
      expect(event).toEqual({
        ...NORMALISED,
        game_type: null,
        game_id: null,
        game_name: null,
        game_sport: null,
        game_competition: null,
        game_odds: null,
        game_bet_id: null,
        device_type: null,
        operator: null,
        ip_address: null,
        session_id: null,
      });
    });

    it('gives the same hash to an absent, a null and an empty optional group', () => {
      const hashes = [undefined, null, {}].map(
        (value) => valid(check(set(grouped(), 'game', value))).contentHash,
      );
      expect(new Set(hashes).size).toBe(1);
    });
  });

  describe('absent values', () => {
    it.each([
      ['player.phone', 'player_phone'],
      ['player.country', 'player_country'],
      ['player.kyc_level', 'player_kyc_level'],
      ['event.balance_before', 'balance_before'],
      ['game.type', 'game_type'],
      ['game.odds', 'game_odds'],
      ['metadata.operator', 'operator'],
      ['metadata.ip_address', 'ip_address'],
    ] as const)('takes an empty string or null for optional %s as absent', (path, name) => {
      const absent = valid(check(set(grouped(), path, undefined)));
      expect(absent.event[name]).toBeNull();
      for (const value of ['', null]) {
        const result = valid(check(set(grouped(), path, value)));
        expect(result.event[name]).toBeNull();
        expect(result.contentHash).toBe(absent.contentHash);
      }
    });

    it.each([
      ['event_id', 'external_event_id'],
      ['player.id', 'player_id'],
      ['event.type', 'event_type'],
      ['event.timestamp', 'event_timestamp'],
      ['event.amount', 'amount'],
      ['event.currency', 'currency'],
    ])('refuses required %s when absent, null or empty', (path, label) => {
      expect(problems(check(set(grouped(), path, undefined)))).toEqual([
        { field: path, message: `${label} is required` },
      ]);
      expect(problems(check(set(grouped(), path, null)))).toEqual([
        { field: path, message: `${label} is required` },
      ]);
      expect(problems(check(set(grouped(), path, '')))).toEqual([
        { field: path, message: `${label} must not be empty` },
      ]);
    });

    it('keeps the event id of an invalid event when it is a string, for the batch answer', () => {
      const result = check(set(grouped(), 'event.amount', -1));
      expect(result).toMatchObject({ valid: false, externalEventId: 'evt_20250203_143245_abc123' });
      expect(check(set(grouped(), 'event_id', 42))).toMatchObject({
        valid: false,
        externalEventId: null,
      });
      expect(check(set(flat(), 'currency', 'xof'))).toMatchObject({
        valid: false,
        externalEventId: 'evt_20250203_143245_abc123',
      });
    });
  });

  describe('several errors', () => {
    it('lists every invalid field, in the order of the field table', () => {
      const body = set(
        set(
          set(set(grouped(), 'metadata.ip_address', 'abc'), 'event.amount', 1.5),
          'player.country',
          'sen',
        ),
        'event_id',
        'e'.repeat(101),
      );
      expect(problems(check(body))).toEqual([
        { field: 'event_id', message: 'external_event_id must be at most 100 characters long' },
        {
          field: 'player.country',
          message: 'invalid player_country: sen (an ISO 3166-1 alpha-3 code such as SEN)',
        },
        { field: 'event.amount', message: 'amount must be an integer' },
        {
          field: 'metadata.ip_address',
          message: 'invalid ip_address: abc (an IPv4 or IPv6 address)',
        },
      ]);
    });

    it('lists a time stamp out of range together with the other errors', () => {
      const body = set(
        set(grouped(), 'event.type', 'INVALID'),
        'event.timestamp',
        '1999-01-01T00:00:00Z',
      );
      expect(problems(check(body))).toEqual([
        { field: 'event.type', message: 'invalid event_type: INVALID' },
        {
          field: 'event.timestamp',
          message:
            'event_timestamp must be after 2000-01-01 and at most 24 hours ahead of now: 1999-01-01T00:00:00Z',
        },
      ]);
    });
  });

  describe('content hash', () => {
    /** Another valid value for every field of the table (flat name, grouped path, value). */
    const OTHER_VALUES: [keyof MonitorEvent, string, unknown][] = [
      ['external_event_id', 'event_id', 'evt_other'],
      ['player_id', 'player.id', 'pl_other'],
      ['player_phone', 'player.phone', '+221770000000'],
      ['player_country', 'player.country', 'CIV'],
      ['player_kyc_level', 'player.kyc_level', 3],
      ['event_type', 'event.type', 'DEPOSIT'],
      ['event_timestamp', 'event.timestamp', '2026-02-03T14:32:45.000001Z'],
      ['amount', 'event.amount', 5001],
      ['currency', 'event.currency', 'EUR'],
      ['balance_before', 'event.balance_before', 15001],
      ['balance_after', 'event.balance_after', 10001],
      ['game_type', 'game.type', 'CASINO'],
      ['game_id', 'game.id', 'game_790'],
      ['game_name', 'game.name', 'Senegal vs Mali'],
      ['game_sport', 'game.sport', 'basketball'],
      ['game_competition', 'game.competition', 'CAN 2027'],
      ['game_odds', 'game.odds', 2.51],
      ['game_bet_id', 'game.bet_id', 'bet_457'],
      ['game_provider', 'game.provider', 'evolution'],
      ['device_type', 'metadata.device_type', 'DESKTOP'],
      ['operator', 'metadata.operator', 'WAVE_SN'],
      ['ip_address', 'metadata.ip_address', '41.138.45.23'],
      ['session_id', 'metadata.session_id', 'sess_other'],
      ['user_agent', 'metadata.user_agent', 'curl/8.0'],
    ];

    it('covers every field of the normalised event', () => {
      expect(OTHER_VALUES.map(([name]) => name).sort()).toEqual(Object.keys(NORMALISED).sort());
    });

    const base = valid(check(grouped())).contentHash;

    it.each(OTHER_VALUES)('changes when %s changes', (name, path, value) => {
      const changed = valid(check(set(grouped(), path, value)));
      expect(changed.event[name]).toBe(value);
      expect(changed.contentHash).not.toBe(base);
      // The flat body with the same change has the same hash.
      expect(valid(check(set(flat(), name, value))).contentHash).toBe(changed.contentHash);
    });

    it('changes when an optional field goes from a value to absent', () => {
      expect(valid(check(set(grouped(), 'player.phone', undefined))).contentHash).not.toBe(base);
      expect(valid(check(set(grouped(), 'game', undefined))).contentHash).not.toBe(base);
    });

    it('does not mix up two fields holding the same value', () => {
      const a = valid(check(set(set(grouped(), 'game.id', 'x'), 'game.bet_id', 'y')));
      const b = valid(check(set(set(grouped(), 'game.id', 'y'), 'game.bet_id', 'x')));
      expect(a.contentHash).not.toBe(b.contentHash);
    });
  });
});
