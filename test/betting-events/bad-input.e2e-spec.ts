import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { SqlDatabase } from '../../src/database/sql-database';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type Body = Record<string, unknown>;
const BASE = SINGLE_NEW_BET_EXAMPLE as Body;
const LEG = SINGLE_NEW_BET_EXAMPLE.bet_legs[0] as Body;

const without = (body: Body, field: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));
const withField = (field: string, value: unknown) =>
  value === undefined ? without(BASE, field) : { ...BASE, [field]: value };
const withLeg = (field: string, value: unknown) => ({
  ...BASE,
  bet_legs: [value === undefined ? without(LEG, field) : { ...LEG, [field]: value }],
});
const legs = (count: number, id = (i: number) => `leg_${i}`) => ({
  ...BASE,
  leg_count: count,
  bet_legs: Array.from({ length: count }, (_, i) => ({ ...LEG, leg_id: id(i) })),
});

/** `{"a":[{"a":[...]}]}`, `depth` levels of objects and arrays. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

const TAX_ID = 'Tax ID must be in valid format';
const STAKE = 'Bet amount must be greater than zero';
const ODDS = 'Odds must be a positive number';
const LEGS = 'Must contain at least one selection';
const ISO = (f: string) =>
  `${f} must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z`;
const CENTS = (f: string) => `${f} must be an integer number of cents, 0 or more`;
const EVENT_DATE_RANGE = 'event_date must be from 2000-01-01 and at most a day ahead';

/** [what is wrong, body, the `details` of the answer] */
const CASES: [string, unknown, Record<string, string[]>][] = [
  ['tax_id missing', withField('tax_id', undefined), { tax_id: [TAX_ID] }],
  ['tax_id null', withField('tax_id', null), { tax_id: [TAX_ID] }],
  ['tax_id a number', withField('tax_id', 1234567890), { tax_id: [TAX_ID] }],
  ['tax_id with bad check digits', withField('tax_id', '012.345.678-91'), { tax_id: [TAX_ID] }],
  ['tax_id bare with bad check digits', withField('tax_id', '01234567809'), { tax_id: [TAX_ID] }],
  ['tax_id with letters', withField('tax_id', 'ABC.DEF.GHI-JK'), { tax_id: [TAX_ID] }],
  ['tax_id with a letter', withField('tax_id', '0123456789O'), { tax_id: [TAX_ID] }],
  ['tax_id half formatted', withField('tax_id', '012345678-90'), { tax_id: [TAX_ID] }],
  ['tax_id of 10 digits', withField('tax_id', '0123456789'), { tax_id: [TAX_ID] }],
  ['tax_id of equal digits', withField('tax_id', '111.111.111-11'), { tax_id: [TAX_ID] }],
  ['event missing', withField('event', undefined), { event: ['event is required'] }],
  [
    'event unknown',
    withField('event', 'bet'),
    { event: ['event must be one of: new_bet, result, cancellation'] },
  ],
  [
    'event a number',
    withField('event', 1),
    { event: ['event must be one of: new_bet, result, cancellation'] },
  ],
  [
    'last_player_balance missing',
    withField('last_player_balance', undefined),
    { last_player_balance: ['last_player_balance is required'] },
  ],
  [
    'last_player_balance negative',
    withField('last_player_balance', -1),
    { last_player_balance: [CENTS('last_player_balance')] },
  ],
  [
    'last_player_balance fractional',
    withField('last_player_balance', 300.5),
    { last_player_balance: [CENTS('last_player_balance')] },
  ],
  [
    'last_player_balance a string',
    withField('last_player_balance', '30000'),
    { last_player_balance: [CENTS('last_player_balance')] },
  ],
  [
    'last_player_balance beyond 2^53',
    withField('last_player_balance', 2 ** 53),
    { last_player_balance: [CENTS('last_player_balance')] },
  ],
  [
    'current_player_balance missing',
    withField('current_player_balance', undefined),
    { current_player_balance: ['current_player_balance is required'] },
  ],
  [
    'current_player_balance negative',
    withField('current_player_balance', -25000),
    { current_player_balance: [CENTS('current_player_balance')] },
  ],
  [
    'current_player_balance a boolean',
    withField('current_player_balance', true),
    { current_player_balance: [CENTS('current_player_balance')] },
  ],
  [
    'event_date without a time',
    withField('event_date', '2024-01-15'),
    { event_date: [ISO('event_date')] },
  ],
  [
    'event_date without a zone',
    withField('event_date', '2024-01-15T15:30:00'),
    { event_date: [ISO('event_date')] },
  ],
  [
    'event_date in another format',
    withField('event_date', '15/01/2024 15:30'),
    { event_date: [ISO('event_date')] },
  ],
  [
    'event_date that does not exist',
    withField('event_date', '2024-02-30T10:00:00Z'),
    { event_date: [ISO('event_date')] },
  ],
  ['event_date a number', withField('event_date', 1705332600), { event_date: [ISO('event_date')] }],
  [
    'event_date before 2000',
    withField('event_date', '1999-12-31T23:59:59Z'),
    { event_date: [EVENT_DATE_RANGE] },
  ],
  [
    'event_date years ahead',
    withField('event_date', '2999-01-01T00:00:00Z'),
    { event_date: [EVENT_DATE_RANGE] },
  ],
  [
    'bet_slip_id missing',
    withField('bet_slip_id', undefined),
    { bet_slip_id: ['bet_slip_id is required'] },
  ],
  [
    'bet_slip_id empty',
    withField('bet_slip_id', ''),
    { bet_slip_id: ['bet_slip_id must not be blank'] },
  ],
  [
    'bet_slip_id a number',
    withField('bet_slip_id', 123),
    { bet_slip_id: ['bet_slip_id must be a string'] },
  ],
  [
    'bet_slip_id too long',
    withField('bet_slip_id', 's'.repeat(101)),
    { bet_slip_id: ['bet_slip_id must be at most 100 characters long'] },
  ],
  [
    'total_odds 1e308 (it would show as a 309-digit string)',
    withField('total_odds', 1e308),
    { total_odds: ['Odds must be at most 1000000'] },
  ],
  [
    "a leg's odds above 1,000,000",
    withLeg('odds', 1_000_001),
    { 'bet_legs[0].odds': ['Odds must be at most 1000000'] },
  ],
  [
    'total_stake above the largest amount',
    withField('total_stake', 9_000_000_000_000_001),
    { total_stake: ['total_stake must be at most 9000000000000000'] },
  ],
  [
    'current_player_balance above the largest amount',
    withField('current_player_balance', 9_000_000_000_000_100),
    { current_player_balance: ['current_player_balance must be at most 9000000000000000'] },
  ],
  [
    'bet_slip_id padded',
    withField('bet_slip_id', 'slip_single_123 '),
    { bet_slip_id: ['bet_slip_id must not begin or end with spaces'] },
  ],
  [
    'bet_slip_id with a lone surrogate',
    withField('bet_slip_id', 'slip_\ud800'),
    { bet_slip_id: ['bet_slip_id must be well-formed Unicode text'] },
  ],
  [
    'bet_slip_state unknown',
    withField('bet_slip_state', 'closed'),
    { bet_slip_state: ['bet_slip_state must be one of: open, settled, cancelled'] },
  ],
  ['total_stake missing', withField('total_stake', undefined), { total_stake: [STAKE] }],
  ['total_stake zero', withField('total_stake', 0), { total_stake: [STAKE] }],
  ['total_stake negative', withField('total_stake', -5000), { total_stake: [STAKE] }],
  ['total_stake fractional', withField('total_stake', 50.5), { total_stake: [STAKE] }],
  ['total_stake a string', withField('total_stake', '5000'), { total_stake: [STAKE] }],
  ['total_odds missing', withField('total_odds', undefined), { total_odds: [ODDS] }],
  ['total_odds zero', withField('total_odds', 0), { total_odds: [ODDS] }],
  ['total_odds negative', withField('total_odds', -2.5), { total_odds: [ODDS] }],
  ['total_odds a string', withField('total_odds', '2.5'), { total_odds: [ODDS] }],
  [
    'leg_count missing',
    withField('leg_count', undefined),
    { leg_count: ['leg_count is required'] },
  ],
  [
    'leg_count zero',
    withField('leg_count', 0),
    {
      leg_count: [
        'leg_count must equal the number of bet_legs',
        'leg_count must be an integer from 1 to 100',
      ],
    },
  ],
  [
    'leg_count other than the legs',
    withField('leg_count', 2),
    { leg_count: ['leg_count must equal the number of bet_legs'] },
  ],
  [
    'leg_count a string',
    withField('leg_count', '1'),
    { leg_count: ['leg_count must be an integer from 1 to 100'] },
  ],
  [
    'is_live a string',
    withField('is_live', 'yes'),
    { is_live: ['is_live must be a boolean value'] },
  ],
  [
    'is_free_bet a number',
    withField('is_free_bet', 1),
    { is_free_bet: ['is_free_bet must be a boolean value'] },
  ],
  [
    'is_each_way a string',
    withField('is_each_way', 'false'),
    { is_each_way: ['is_each_way must be a boolean value'] },
  ],
  [
    'bonus_amount negative',
    withField('bonus_amount', -100),
    { bonus_amount: [CENTS('bonus_amount')] },
  ],
  [
    'bonus_amount fractional',
    withField('bonus_amount', 0.5),
    { bonus_amount: [CENTS('bonus_amount')] },
  ],
  ['bet_legs missing', withField('bet_legs', undefined), { bet_legs: [LEGS] }],
  ['bet_legs empty', withField('bet_legs', []), { bet_legs: [LEGS] }],
  ['bet_legs an object', withField('bet_legs', LEG), { bet_legs: [LEGS] }],
  ['bet_legs a string', withField('bet_legs', 'leg_abc123'), { bet_legs: [LEGS] }],
  [
    'a leg that is a number',
    withField('bet_legs', [5]),
    { 'bet_legs[0]': ['each of bet_legs must be an object'] },
  ],
  [
    'a leg that is null',
    withField('bet_legs', [null]),
    { 'bet_legs[0]': ['each of bet_legs must be an object'] },
  ],
  [
    'two legs with one leg_id',
    legs(2, () => 'leg_same'),
    { bet_legs: ['Each selection must have its own leg_id'] },
  ],
  [
    '101 legs',
    legs(101),
    {
      leg_count: ['leg_count must be an integer from 1 to 100'],
      bet_legs: ['bet_legs must hold at most 100 selections'],
    },
  ],
  [
    'meta an array',
    withField('meta', [{ channel: 'web' }]),
    { meta: ['meta must be a JSON object'] },
  ],
  ['meta a string', withField('meta', 'web'), { meta: ['meta must be a JSON object'] }],
  [
    'meta over 16 KiB',
    withField('meta', { note: 'x'.repeat(16_400) }),
    { meta: ['meta must take at most 16384 bytes as JSON'] },
  ],
  [
    'leg_id missing',
    withLeg('leg_id', undefined),
    { 'bet_legs[0].leg_id': ['leg_id is required'] },
  ],
  ['leg_id blank', withLeg('leg_id', '  '), { 'bet_legs[0].leg_id': ['leg_id must not be blank'] }],
  ['leg_id a number', withLeg('leg_id', 7), { 'bet_legs[0].leg_id': ['leg_id must be a string'] }],
  [
    'leg_id padded',
    withLeg('leg_id', ' leg_abc123'),
    { 'bet_legs[0].leg_id': ['leg_id must not begin or end with spaces'] },
  ],
  ['leg odds missing', withLeg('odds', undefined), { 'bet_legs[0].odds': [ODDS] }],
  ['leg odds zero', withLeg('odds', 0), { 'bet_legs[0].odds': [ODDS] }],
  ['leg odds negative', withLeg('odds', -1.85), { 'bet_legs[0].odds': [ODDS] }],
  ['leg odds a string', withLeg('odds', '2.5'), { 'bet_legs[0].odds': [ODDS] }],
  [
    'leg sport_name a number',
    withLeg('sport_name', 66),
    { 'bet_legs[0].sport_name': ['sport_name must be a string'] },
  ],
  [
    'leg event_name too long',
    withLeg('event_name', 'x'.repeat(301)),
    { 'bet_legs[0].event_name': ['event_name must be at most 300 characters long'] },
  ],
  [
    'leg event_start_time without a zone',
    withLeg('event_start_time', '2024-01-15T21:00:00'),
    { 'bet_legs[0].event_start_time': [ISO('event_start_time')] },
  ],
  [
    'leg event_end_time after 2100',
    withLeg('event_end_time', '2100-01-01T00:00:00Z'),
    {
      'bet_legs[0].event_end_time': [
        'event_end_time must be from 2000-01-01 and before 2100-01-01',
      ],
    },
  ],
  [
    'leg_state unknown',
    withLeg('leg_state', 'pending'),
    { 'bet_legs[0].leg_state': ['leg_state must be one of: open, won, lost, void'] },
  ],
  [
    'leg result unknown',
    withLeg('result', 'draw'),
    { 'bet_legs[0].result': ['result must be one of: won, lost, void, push'] },
  ],
  [
    'leg amount_won negative',
    withLeg('amount_won', -1),
    { 'bet_legs[0].amount_won': [CENTS('amount_won')] },
  ],
  [
    'leg amount_won a string',
    withLeg('amount_won', '18000'),
    { 'bet_legs[0].amount_won': [CENTS('amount_won')] },
  ],
  [
    "the seed's 400 example",
    { ...BASE, tax_id: '012.345.678-00', total_stake: 0, total_odds: -2.5, bet_legs: [] },
    { tax_id: [TAX_ID], total_stake: [STAKE], total_odds: [ODDS], bet_legs: [LEGS] },
  ],
  [
    'several legs wrong at once',
    {
      ...BASE,
      leg_count: 3,
      bet_legs: [
        LEG,
        { ...LEG, leg_id: 'leg_2', odds: 0 },
        { ...LEG, leg_id: 'leg_3', leg_state: 'x', amount_won: -1 },
      ],
    },
    {
      'bet_legs[1].odds': [ODDS],
      'bet_legs[2].leg_state': ['leg_state must be one of: open, won, lost, void'],
      'bet_legs[2].amount_won': [CENTS('amount_won')],
    },
  ],
  [
    'a leg that is an empty array (issue 13)',
    {
      tax_id: '50797186506',
      event: 'new_bet',
      last_player_balance: 30000,
      current_player_balance: 25000,
      event_date: '2026-01-15T15:30:00Z',
      bet_slip_id: 'fzs-1',
      bet_slip_state: 'open',
      total_stake: 5000,
      total_odds: 2.5,
      leg_count: 2,
      bet_legs: [{ leg_id: 'leg_1', odds: 2.5 }, []],
    },
    { 'bet_legs[1]': ['each of bet_legs must be an object'] },
  ],
  [
    'the only leg an array of a leg',
    { ...BASE, bet_legs: [[LEG]] },
    { 'bet_legs[0]': ['each of bet_legs must be an object'] },
  ],
  [
    'meta nested 40 deep',
    withField('meta', nested(40)),
    { body: ['The body must not nest deeper than 32 levels'] },
  ],
  ['a body that is an array', [BASE], { body: ['The body must be a JSON object'] }],
  ['a body that is null', null, { body: ['The body must be a JSON object'] }],
  ['a body that is a string', 'new_bet', { body: ['The body must be a JSON object'] }],
];

/**
 * Every field wrong in every way (issue 4, "Bad input"): the seed's error shape with every
 * failing field, never a 5xx, and nothing stored.
 */
describe('AML Betting Events: bad input', () => {
  let t: TestApp;
  let team: TestTeam;
  const BODY_LIMIT = 65_536;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: String(BODY_LIMIT) } });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  const postRaw = (payload: string, contentType = 'application/json') =>
    t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .set('content-type', contentType)
      .send(payload);

  /** Rows of the team in every table the API writes. */
  async function storedRows(): Promise<number[]> {
    const db = t.app.get(SqlDatabase);
    const count = async (sql: string) =>
      Number((await db.select<{ n: number }>(sql, [team.id]))[0].n);
    return [
      await count('SELECT COUNT(*) AS n FROM betting_events WHERE team_id = ?'),
      await count('SELECT COUNT(*) AS n FROM betting_slips WHERE team_id = ?'),
      await count(
        'SELECT COUNT(*) AS n FROM betting_event_legs l JOIN betting_events e ON e.id = l.event_id WHERE e.team_id = ?',
      ),
      await count('SELECT COUNT(*) AS n FROM players WHERE team_id = ?'),
    ];
  }

  it.each(CASES)('refuses %s, listing every failing field', async (_name, body, details) => {
    const res = await postRaw(JSON.stringify(body));
    expect([res.status, res.body]).toEqual([
      400,
      { error: { message: 'Invalid input data', details, status: 400 } },
    ]);
  });

  it('refuses a body nested 10,000 deep (in a field it does not even know) without exhausting the stack', async () => {
    const depth = 10_000;
    const payload = `${JSON.stringify(BASE).slice(0, -1)},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await postRaw(payload);
    expect([res.status, res.body]).toEqual([
      400,
      {
        error: {
          message: 'Invalid input data',
          details: { body: ['The body must not nest deeper than 32 levels'] },
          status: 400,
        },
      },
    ]);
  });

  it('refuses malformed JSON in its own shape', async () => {
    const res = await postRaw('{"tax_id": "012.345.678-90",');
    expect([res.status, res.body]).toEqual([
      400,
      {
        error: {
          message: 'Invalid input data',
          details: { body: ['Malformed JSON'] },
          status: 400,
        },
      },
    ]);
  });

  it('refuses a body that is not JSON with a 415 in its own shape', async () => {
    const res = await postRaw('tax_id=01234567890', 'application/x-www-form-urlencoded');
    expect([res.status, res.body]).toEqual([
      415,
      {
        error: {
          message: 'Invalid input data',
          details: { body: ['Content-Type must be application/json'] },
          status: 415,
        },
      },
    ]);
  });

  it.each([
    [
      'compressed',
      { 'content-type': 'application/json', 'content-encoding': 'br' },
      'Content-Encoding br is not supported: send the body uncompressed',
    ],
    [
      'declared in another charset',
      { 'content-type': 'application/json; charset=windows-1252' },
      'charset windows-1252 is not supported: send the body in UTF-8',
    ],
  ])('refuses a body %s with a 415 in its own shape', async (_case, headers, refusal) => {
    const before = await storedRows();
    const res = await t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .set(headers)
      .send(JSON.stringify(BASE));
    expect([res.status, res.body]).toEqual([
      415,
      { error: { message: 'Invalid input data', details: { body: [refusal] }, status: 415 } },
    ]);
    expect(await storedRows()).toEqual(before);
  });

  it('refuses a body over the size limit with a 413 in its own shape', async () => {
    const res = await postRaw(JSON.stringify({ ...BASE, meta: { note: 'x'.repeat(BODY_LIMIT) } }));
    expect([res.status, res.body]).toEqual([
      413,
      { error: { message: `Request body exceeds the limit of ${BODY_LIMIT} bytes`, status: 413 } },
    ]);
  });

  it('stored nothing for any of them, and stores the valid body', async () => {
    expect(await storedRows()).toEqual([0, 0, 0, 0]);
    await postRaw(JSON.stringify(BASE)).expect(200);
    expect(await storedRows()).toEqual([1, 1, 1, 1]);
  });
});
