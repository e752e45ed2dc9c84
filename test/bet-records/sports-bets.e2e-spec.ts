import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
} from '../../src/betting-events/dto/betting-event.examples';
import { SqlDatabase } from '../../src/database/sql-database';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { GROUPED_EVENT_EXAMPLE } from '../../src/events/dto/event.examples';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Sports bets (issue 5): from AML slips and from SPORTS monitor events, read as the seed's bodies. */
describe('Bet Records: sports bets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (team: TestTeam, path: string) => t.http.get(path).set('X-API-Key', team.apiKey);
  const playerId = async (team: TestTeam) =>
    Number(
      (
        await t.app
          .get(SqlDatabase)
          .select<{ id: number }>('SELECT id FROM players WHERE team_id = ?', [team.id])
      )[0].id,
    );

  it("makes the seed's multiple-bet slip and its result into a settled parlay with three lines", async () => {
    const team = await createTeam(t);
    for (const body of [MULTIPLE_NEW_BET_EXAMPLE, MULTIPLE_RESULT_EXAMPLE]) {
      await t.http.post('/betting-events').set('x-api-key', team.apiKey).send(body).expect(200);
    }
    const list = await get(team, '/api/sports-bet/list').expect(200);
    const bet = {
      id: expect.any(Number),
      team_id: team.id,
      brand_id: null,
      player_id: await playerId(team),
      provider_id: null,
      provider_code: null,
      bet_id: 'slip_multiple_456',
      odds: '6.25',
      stake: '100.00',
      payout: '625.00',
      win_loss: '525.00',
      parlay: 1,
      status: 1,
      balance_before: '500.00',
      balance_after: '1025.00',
      settled_at: '2024-01-16T05:30:00Z',
      created_at: '2024-01-15T15:30:00Z',
    };
    expect(list.body).toEqual({ total: 1, page: 1, page_size: 20, items: [bet] });

    const detail = await get(team, `/api/sports-bet/${list.body.items[0].id}`).expect(200);
    const line = (lineId: string, event: string, league: string, market: string, odds: string) => ({
      id: expect.any(Number),
      sports_bet_id: list.body.items[0].id,
      line_id: lineId,
      event_name: event,
      league_name: league,
      market,
      home_name: event.split(' vs. ')[0],
      away_name: event.split(' vs. ')[1],
      odds,
      score: null,
      status: 1,
      is_live: 0,
      created_at: '2024-01-15T15:30:00Z',
    });
    expect(detail.body).toEqual({
      ...bet,
      lines: [
        line(
          'leg_001',
          'Flamengo vs. Palmeiras',
          'Brazilian Championship 2024',
          'Match Winner',
          '1.80',
        ),
        line(
          'leg_002',
          'Santos vs. Corinthians',
          'Brazilian Championship 2024',
          'Over 2.5 Goals',
          '2.10',
        ),
        line('leg_003', 'Lakers vs. Warriors', 'NBA 2023-24', 'Match Winner', '1.65'),
      ],
    });
  });

  it('follows the slip: pending while open, cancelled with the stake paid back', async () => {
    const team = await createTeam(t);
    const post = (body: object) =>
      t.http.post('/betting-events').set('x-api-key', team.apiKey).send(body).expect(200);
    await post(SINGLE_NEW_BET_EXAMPLE);
    let [bet] = (await get(team, '/api/sports-bet/list').expect(200)).body.items;
    expect(bet).toMatchObject({
      status: 0,
      parlay: 0,
      stake: '50.00',
      payout: '0.00',
      win_loss: '-50.00',
      settled_at: null,
    });

    await post({
      ...SINGLE_NEW_BET_EXAMPLE,
      event: 'cancellation',
      event_date: '2024-01-15T16:00:00Z',
      last_player_balance: 25000,
      current_player_balance: 30000,
    });
    const page = (await get(team, '/api/sports-bet/list?status=2').expect(200)).body;
    [bet] = page.items;
    expect(page.total).toBe(1);
    expect(bet).toMatchObject({
      status: 2,
      payout: '50.00',
      win_loss: '0.00',
      settled_at: '2024-01-15T16:00:00Z',
    });
    expect((await get(team, '/api/sports-bet/list?status=0').expect(200)).body.total).toBe(0);
  });

  it('makes a SPORTS monitor placement and its settlement into a single bet with one line', async () => {
    const team = await createTeam(t);
    const event = (id: string, type: string, amount: number, time: string) => ({
      ...GROUPED_EVENT_EXAMPLE,
      event_id: id,
      event: { ...GROUPED_EVENT_EXAMPLE.event, type, amount, timestamp: time },
      game: { ...GROUPED_EVENT_EXAMPLE.game, provider: 'betconstruct' },
    });
    for (const body of [
      event('e1', 'BET_PLACED', 5000, '2026-02-03T14:32:45Z'),
      event('e2', 'BET_WON', 12500, '2026-02-03T16:40:00Z'),
    ]) {
      await t.http.post('/api/v1/events').set('X-API-Key', team.apiKey).send(body).expect(202);
    }
    await t.app.get(ProcessingWorker).drain();
    const [bet] = (await get(team, '/api/sports-bet/list').expect(200)).body.items;
    expect(bet).toEqual({
      id: expect.any(Number),
      team_id: team.id,
      brand_id: null,
      player_id: await playerId(team),
      provider_id: expect.any(Number),
      provider_code: 'betconstruct',
      bet_id: 'bet_456',
      odds: '2.50',
      stake: '5000.00',
      payout: '12500.00',
      win_loss: '7500.00',
      parlay: 0,
      status: 1,
      balance_before: '15000.00',
      balance_after: '10000.00',
      settled_at: '2026-02-03T16:40:00Z',
      created_at: '2026-02-03T14:32:45Z',
    });
    const detail = await get(team, `/api/sports-bet/${bet.id}`).expect(200);
    expect(detail.body.lines).toEqual([
      {
        id: expect.any(Number),
        sports_bet_id: bet.id,
        line_id: 'game_789',
        event_name: 'Senegal vs Nigeria',
        league_name: 'CAN 2025',
        market: null,
        home_name: 'Senegal',
        away_name: 'Nigeria',
        odds: '2.50',
        score: null,
        status: 1,
        is_live: 0,
        created_at: '2026-02-03T14:32:45Z',
      },
    ]);
    // Monitor and casino bets stay apart.
    expect((await get(team, '/api/bet/list').expect(200)).body.total).toBe(0);
  });

  it('projects a whole batch: outcomes that came before their placements, in an earlier batch or the same one', async () => {
    const team = await createTeam(t);
    const event = (id: string, bet: string, type: string, amount: number, time: string) => ({
      ...GROUPED_EVENT_EXAMPLE,
      event_id: id,
      event: { ...GROUPED_EVENT_EXAMPLE.event, type, amount, timestamp: time },
      game: { ...GROUPED_EVENT_EXAMPLE.game, bet_id: bet },
    });
    const send = async (...bodies: object[]) => {
      for (const body of bodies) {
        await t.http.post('/api/v1/events').set('X-API-Key', team.apiKey).send(body).expect(202);
      }
      // One drain, one batch: the worker takes up to 500 events at a time.
      await t.app.get(ProcessingWorker).drain();
    };
    await send(
      event('a-won', 'a', 'BET_WON', 9000, '2026-02-03T16:40:00Z'),
      event('b-lost', 'b', 'BET_LOST', 5000, '2026-02-03T16:00:00Z'),
      event('e-placed', 'e', 'BET_PLACED', 5000, '2026-02-03T14:00:00Z'),
    );
    expect((await get(team, '/api/sports-bet/list').expect(200)).body.total).toBe(1);

    await send(
      event('d-refund', 'd', 'REFUND', 5000, '2026-02-03T15:00:00Z'),
      event('a-placed', 'a', 'BET_PLACED', 5000, '2026-02-03T14:00:00Z'),
      event('b-placed', 'b', 'BET_PLACED', 5000, '2026-02-03T14:00:00Z'),
      event('b-placed-again', 'b', 'BET_PLACED', 7000, '2026-02-03T14:05:00Z'),
      event('c-placed', 'c', 'BET_PLACED', 5000, '2026-02-03T14:00:00Z'),
      event('a-lost-older', 'a', 'BET_LOST', 5000, '2026-02-03T15:30:00Z'),
      event('c-won', 'c', 'BET_WON', 11000, '2026-02-03T17:00:00Z'),
      event('d-placed', 'd', 'BET_PLACED', 5000, '2026-02-03T14:00:00Z'),
      event('e-won', 'e', 'BET_WON', 20000, '2026-02-03T17:30:00Z'),
      event('e-lost-older', 'e', 'BET_LOST', 5000, '2026-02-03T16:30:00Z'),
    );
    const { body } = await get(team, '/api/sports-bet/list?size=10').expect(200);
    const byBet = Object.fromEntries(
      (body.items as { bet_id: string; id: number; status: number }[]).map((bet) => [
        bet.bet_id,
        bet,
      ]),
    );
    expect(body.total).toBe(5);
    // a: the outcome that waited is the newer one, whatever the order they were applied in.
    expect(byBet.a).toMatchObject({
      status: 1,
      stake: '5000.00',
      payout: '9000.00',
      settled_at: '2026-02-03T16:40:00Z',
    });
    expect(byBet.b).toMatchObject({
      status: 1,
      stake: '5000.00',
      payout: '0.00',
      settled_at: '2026-02-03T16:00:00Z',
    });
    expect(byBet.c).toMatchObject({
      status: 1,
      payout: '11000.00',
      settled_at: '2026-02-03T17:00:00Z',
    });
    // e: settled twice in the batch; the second, older outcome must see the first one's row.
    expect(byBet.e).toMatchObject({
      status: 1,
      payout: '20000.00',
      settled_at: '2026-02-03T17:30:00Z',
    });
    expect(byBet.d).toMatchObject({
      status: 2,
      payout: '5000.00',
      settled_at: '2026-02-03T15:00:00Z',
    });
    for (const bet of ['a', 'b', 'c', 'd', 'e']) {
      const detail = await get(team, `/api/sports-bet/${byBet[bet].id}`).expect(200);
      expect(detail.body.lines.map((l: { status: number }) => l.status)).toEqual([
        byBet[bet].status,
      ]);
    }
    // The list counts moved with every bet: none is left pending, and nothing waits any more.
    expect((await get(team, '/api/sports-bet/list?status=0').expect(200)).body.total).toBe(0);
    expect((await get(team, '/api/sports-bet/list?status=1').expect(200)).body.total).toBe(4);
    expect((await get(team, '/api/sports-bet/list?status=2').expect(200)).body.total).toBe(1);
    const [waiting] = await t.app
      .get(SqlDatabase)
      .select<{ n: number }>('SELECT COUNT(*) AS n FROM pending_settlements WHERE team_id = ?', [
        team.id,
      ]);
    expect(Number(waiting.n)).toBe(0);
    // All of it in the batch's own transaction: no step failed into the event-by-event retry.
    expect(t.logs.find('event by event')).toEqual([]);
  });

  it.each([
    ['/api/sports-bet/list?size=101', 400, { detail: 'size must be an integer from 1 to 100' }],
    ['/api/sports-bet/list?page=0', 400, { detail: 'page must be an integer from 1 to 1000000' }],
    [
      '/api/sports-bet/list?player_id=x',
      400,
      { detail: 'player_id must be an integer from 1 to 2147483647' },
    ],
    ['/api/sports-bet/abc', 400, { detail: 'sports_bet_id must be a positive integer' }],
    ['/api/sports-bet/-1', 400, { detail: 'sports_bet_id must be a positive integer' }],
    ['/api/sports-bet/123456789', 404, { detail: 'Sports bet 123456789 not found' }],
  ])('answers %s with %p in its own shape', async (path, status, body) => {
    const team = await createTeam(t);
    const res = await get(team, path).expect(status);
    expect(res.body).toEqual(body);
  });

  it("answers another team's sports bet with a 404", async () => {
    const owner = await createTeam(t);
    await t.http
      .post('/betting-events')
      .set('x-api-key', owner.apiKey)
      .send(SINGLE_NEW_BET_EXAMPLE)
      .expect(200);
    const [bet] = (await get(owner, '/api/sports-bet/list').expect(200)).body.items;
    const other = await createTeam(t);
    const res = await get(other, `/api/sports-bet/${bet.id}`).expect(404);
    expect(res.body).toEqual({ detail: `Sports bet ${bet.id} not found` });
  });
});
