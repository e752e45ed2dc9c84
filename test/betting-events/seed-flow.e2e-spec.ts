import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  PLAYER_SLIPS_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
  SLIP_DETAIL_EXAMPLE,
} from '../../src/betting-events/dto/betting-event.examples';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const EVENT_ID = /^evt_[a-z2-7]{24}$/;

/**
 * The seed's three curl examples, sent as they are, and the slips they describe (seed 001,
 * issue 4 "Done when"), read back through the API.
 */
describe('AML Betting Events: the seed examples', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  const post = (body: object, key = team.apiKey) =>
    t.http
      .post('/betting-events')
      .set('accept', 'application/json')
      .set('x-api-key', key)
      .set('Origin', '*')
      .send(body);
  const get = (path: string, key = team.apiKey) => t.http.get(path).set('x-api-key', key);

  it('answers the single new bet with an id, and the slip is open with its one leg', async () => {
    const res = await post(SINGLE_NEW_BET_EXAMPLE).expect(200);
    expect(res.body).toEqual({ id: expect.stringMatching(EVENT_ID) });

    const slip = await get('/betting-events/slips/slip_single_123').expect(200);
    expect(slip.body).toEqual({
      bet_slip_id: 'slip_single_123',
      tax_id: '01234567890',
      state: 'open',
      total_stake: 5000,
      total_odds: 2.5,
      leg_count: 1,
      is_live: false,
      is_free_bet: false,
      is_each_way: false,
      bonus_amount: 0,
      payout: null,
      out_of_order: false,
      events_count: 1,
      first_event_at: '2024-01-15T15:30:00.000000Z',
      last_event_at: '2024-01-15T15:30:00.000000Z',
      closed_at: null,
      bet_legs: [
        {
          leg_id: 'leg_abc123',
          odds: 2.5,
          sport_id: '66',
          sport_name: 'Football',
          event_id: 'evt_fla_palm_001',
          event_name: 'Flamengo vs. Palmeiras',
          tournament_id: 'tourn_brasileirao_2024',
          tournament_name: 'Brazilian Championship 2024',
          market_id: 'mkt_winner',
          market_name: 'Match Winner',
          selection_id: 'sel_flamengo',
          selection_name: 'Flamengo',
          event_start_time: '2024-01-15T21:00:00.000000Z',
          event_end_time: null,
          leg_state: 'open',
          result: null,
          amount_won: null,
        },
      ],
      events: [
        {
          id: res.body.id,
          event: 'new_bet',
          tax_id: '01234567890',
          event_date: '2024-01-15T15:30:00.000000Z',
          received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
          last_player_balance: 30000,
          current_player_balance: 25000,
          bet_slip_state: 'open',
          total_stake: 5000,
          total_odds: 2.5,
          leg_count: 1,
          is_live: false,
          is_free_bet: false,
          bonus_amount: 0,
          is_each_way: false,
          meta: null,
          checks: [],
          bet_legs: slip.body.bet_legs,
        },
      ],
    });
  });

  it('answers the multiple new bet, and the slip is open with its three legs', async () => {
    const res = await post(MULTIPLE_NEW_BET_EXAMPLE).expect(200);
    expect(res.body).toEqual({ id: expect.stringMatching(EVENT_ID) });

    const slip = await get('/betting-events/slips/slip_multiple_456').expect(200);
    expect(slip.body).toMatchObject({
      state: 'open',
      leg_count: 3,
      payout: null,
      bonus_amount: 2000,
    });
    expect(
      slip.body.bet_legs.map((l: { leg_id: string; leg_state: string }) => [l.leg_id, l.leg_state]),
    ).toEqual([
      ['leg_001', 'open'],
      ['leg_002', 'open'],
      ['leg_003', 'open'],
    ]);
  });

  it('answers the multiple result, and the slip is settled with three won legs and their winnings', async () => {
    const res = await post(MULTIPLE_RESULT_EXAMPLE).expect(200);
    expect(res.body).toEqual({ id: expect.stringMatching(EVENT_ID) });

    const slip = await get('/betting-events/slips/slip_multiple_456').expect(200);
    // The Swagger example is this very answer; only the ids and arrival times differ.
    const [bet, result] = SLIP_DETAIL_EXAMPLE.events;
    expect(slip.body).toEqual({
      ...SLIP_DETAIL_EXAMPLE,
      events: [
        { ...bet, id: expect.stringMatching(EVENT_ID), received_at: expect.any(String) },
        { ...result, id: res.body.id, received_at: expect.any(String) },
      ],
    });
    expect(slip.body).toMatchObject({ state: 'settled', payout: 62500 });
    expect(
      slip.body.bet_legs.map((l: { leg_state: string; amount_won: number }) => [
        l.leg_state,
        l.amount_won,
      ]),
    ).toEqual([
      ['won', 18000],
      ['won', 37800],
      ['won', 62500],
    ]);
  });

  it("lists the player's slips by CPF, newest first, a page at a time", async () => {
    const first = await get('/betting-events/players/012.345.678-90/slips?page_size=1').expect(200);
    expect(first.body).toEqual(PLAYER_SLIPS_EXAMPLE);

    const second = await get('/betting-events/players/01234567890/slips?page=2&page_size=1').expect(
      200,
    );
    expect(second.body).toMatchObject({ tax_id: '01234567890', total: 2, page: 2, page_size: 1 });
    expect(second.body.items.map((s: { bet_slip_id: string }) => s.bet_slip_id)).toEqual([
      'slip_single_123',
    ]);

    const all = await get('/betting-events/players/01234567890/slips').expect(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, page_size: 20 });
    expect(all.body.items).toHaveLength(2);

    const beyond = await get('/betting-events/players/01234567890/slips?page=3&page_size=1').expect(
      200,
    );
    expect(beyond.body).toEqual({
      tax_id: '01234567890',
      total: 2,
      page: 3,
      page_size: 1,
      items: [],
    });
  });

  it('answers an unknown CPF with no slips, and an unknown slip with a 404', async () => {
    const none = await get('/betting-events/players/111.444.777-35/slips').expect(200);
    expect(none.body).toEqual({
      tax_id: '11144477735',
      total: 0,
      page: 1,
      page_size: 20,
      items: [],
    });

    const missing = await get('/betting-events/slips/slip_unknown').expect(404);
    expect(missing.body).toEqual({
      error: { message: 'Bet slip slip_unknown not found', status: 404 },
    });
  });

  it("never shows another team's slips or players", async () => {
    const other = await createTeam(t);
    await get('/betting-events/slips/slip_multiple_456', other.apiKey).expect(404);
    const page = await get('/betting-events/players/01234567890/slips', other.apiKey).expect(200);
    expect(page.body).toMatchObject({ total: 0, items: [] });

    // The same slip id and CPF in another team are another slip and another player.
    await post(SINGLE_NEW_BET_EXAMPLE, other.apiKey).expect(200);
    const mine = await get('/betting-events/slips/slip_single_123').expect(200);
    expect(mine.body.events).toHaveLength(1);
    const theirs = await get('/betting-events/players/01234567890/slips', other.apiKey).expect(200);
    expect(theirs.body.total).toBe(1);
  });

  it.each([
    ['page=0', { page: ['page must be an integer from 1 to 1000000'] }],
    ['page=abc', { page: ['page must be an integer from 1 to 1000000'] }],
    ['page=1.5', { page: ['page must be an integer from 1 to 1000000'] }],
    ['page=1e300', { page: ['page must be an integer from 1 to 1000000'] }],
    ['page_size=0', { page_size: ['page_size must be an integer from 1 to 100'] }],
    ['page_size=101', { page_size: ['page_size must be an integer from 1 to 100'] }],
    ['page_size=-5', { page_size: ['page_size must be an integer from 1 to 100'] }],
    ['page_size=0x10', { page_size: ['page_size must be an integer from 1 to 100'] }],
    ['page_size=1e1', { page_size: ['page_size must be an integer from 1 to 100'] }],
    ['page=', { page: ['page must be an integer from 1 to 1000000'] }],
  ])('refuses %s on the player route in its own shape', async (query, details) => {
    const res = await get(`/betting-events/players/01234567890/slips?${query}`).expect(400);
    expect(res.body).toEqual({ error: { message: 'Invalid input data', details, status: 400 } });
  });

  it.each(['01234567891', '012.345.678-9O', 'abc', '0123456789'])(
    'refuses the CPF %p on the player route',
    async (cpf) => {
      const res = await get(`/betting-events/players/${cpf}/slips`).expect(400);
      expect(res.body).toEqual({
        error: {
          message: 'Invalid input data',
          details: { cpf: ['Tax ID must be in valid format'] },
          status: 400,
        },
      });
    },
  );

  it.each([
    ['without a key', undefined],
    ['with an unknown key', 'bm_live_unknown'],
  ])('answers 401 in its own shape %s, on every route', async (_name, key) => {
    const unauthorized = { error: { message: 'Unauthorized', status: 401 } };
    const withKey = <T extends { set(h: string, v: string): T }>(r: T) =>
      key ? r.set('x-api-key', key) : r;
    for (const res of [
      await withKey(t.http.post('/betting-events')).send(SINGLE_NEW_BET_EXAMPLE),
      await withKey(t.http.get('/betting-events/slips/slip_single_123')),
      await withKey(t.http.get('/betting-events/players/01234567890/slips')),
    ]) {
      expect([res.status, res.body]).toEqual([401, unauthorized]);
    }
  });

  it('takes the key header in any case', async () => {
    await t.http
      .get('/betting-events/slips/slip_single_123')
      .set('X-API-KEY', team.apiKey)
      .expect(200);
  });
});
