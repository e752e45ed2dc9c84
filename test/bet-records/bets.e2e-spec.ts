import { betKey } from '../../src/bet-records/projection/bet-ref';
import { PendingSettlementsRepository } from '../../src/bet-records/projection/pending-settlements.repository';
import { CasinoBets } from '../../src/bet-records/casino/casino-bets.kind';
import { SqlDatabase } from '../../src/database/sql-database';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { dialectUnderTest } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';

/** A monitor event of a casino bet round (the grouped body of seed 000). */
function casinoEvent(
  eventId: string,
  type: string,
  amount: number,
  extra: { time?: string; before?: number; after?: number; bet?: string; player?: string } = {},
) {
  return {
    event_id: eventId,
    player: { id: extra.player ?? 'pl_8801' },
    event: {
      type,
      timestamp: extra.time ?? '2026-04-06T10:15:00Z',
      amount,
      currency: 'XOF',
      ...(extra.before !== undefined && { balance_before: extra.before }),
      ...(extra.after !== undefined && { balance_after: extra.after }),
    },
    game: {
      type: 'LIVE_CASINO',
      id: 'baccarat_main',
      name: 'Baccarat',
      bet_id: extra.bet ?? 'evo_rnd_99887766',
      provider: 'evolution',
    },
  };
}

/**
 * Live/Slots bets (issue 5): monitor events sent through the API become the seed's bodies once
 * processed.
 */
describe('Bet Records: Live/Slots bets from monitor events', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  const send = async (...events: object[]) => {
    for (const event of events) {
      await t.http.post('/api/v1/events').set('X-API-Key', team.apiKey).send(event).expect(202);
    }
    await t.app.get(ProcessingWorker).drain();
  };
  const get = (path: string, key = team.apiKey) => t.http.get(path).set('X-API-Key', key);
  const playerIdOf = async (externalId: string) =>
    Number(
      (
        await t.app
          .get(SqlDatabase)
          .select<{ id: number }>('SELECT id FROM players WHERE team_id = ? AND external_id = ?', [
            team.id,
            externalId,
          ])
      )[0].id,
    );

  it("makes a placement and its settlement into the seed's bet body", async () => {
    await send(
      casinoEvent('evo_txn_00112233', 'BET_PLACED', 10000, { before: 55200, after: 45200 }),
      casinoEvent('evo_txn_00112234', 'BET_LOST', 0, {
        time: '2026-04-06T10:15:32Z',
        after: 45200,
      }),
    );
    const list = await get('/api/bet/list').expect(200);
    const bet = {
      id: expect.any(Number),
      team_id: team.id,
      brand_id: null,
      player_id: await playerIdOf('pl_8801'),
      provider_id: expect.any(Number),
      provider_code: 'evolution',
      game_id: expect.any(Number),
      game_code: 'baccarat_main',
      transaction_id: 'evo_txn_00112233',
      round_id: 'evo_rnd_99887766',
      bet_amount: '10000.00',
      payout_amount: '0.00',
      win_loss: '-10000.00',
      status: 1,
      result_type: 0,
      balance_before: '55200.00',
      balance_after: '45200.00',
      settled_at: '2026-04-06T10:15:32Z',
      created_at: '2026-04-06T10:15:00Z',
    };
    expect(list.body).toEqual({ total: 1, page: 1, page_size: 20, items: [bet] });
    const detail = await get(`/api/bet/${list.body.items[0].id}`).expect(200);
    expect(detail.body).toEqual(list.body.items[0]);
  });

  it('shows a pending bet with no payout and no settled_at, and each outcome as the seed says', async () => {
    const other = await createTeam(t);
    const post = (event: object) =>
      t.http.post('/api/v1/events').set('X-API-Key', other.apiKey).send(event).expect(202);
    const rounds = ['won', 'cashout', 'jackpot', 'refund', 'pending'];
    for (const [i, round] of rounds.entries()) {
      await post(
        casinoEvent(`p_${round}`, 'BET_PLACED', 1000, {
          bet: round,
          time: `2026-04-06T10:0${i}:00Z`,
        }),
      );
    }
    await post(casinoEvent('s_won', 'BET_WON', 2500, { bet: 'won' }));
    await post(casinoEvent('s_cashout', 'CASHOUT', 800, { bet: 'cashout' }));
    await post(casinoEvent('s_jackpot', 'JACKPOT', 1_000_000, { bet: 'jackpot' }));
    await post(casinoEvent('s_refund', 'REFUND', 1000, { bet: 'refund' }));
    await t.app.get(ProcessingWorker).drain();

    const list = await get('/api/bet/list', other.apiKey).expect(200);
    const summary = list.body.items.map((b: Record<string, unknown>) => [
      b.round_id,
      b.status,
      b.result_type,
      b.payout_amount,
      b.win_loss,
      b.settled_at === null,
    ]);
    // Newest first: ids descend.
    expect(summary).toEqual([
      ['pending', 0, null, '0.00', '-1000.00', true],
      ['refund', 2, null, '1000.00', '0.00', false],
      ['jackpot', 1, 3, '1000000.00', '999000.00', false],
      ['cashout', 1, 2, '800.00', '-200.00', false],
      ['won', 1, 1, '2500.00', '1500.00', false],
    ]);
    const ids = list.body.items.map((b: { id: number }) => b.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('keeps a settlement processed before its placement, and applies it when the placement comes', async () => {
    const other = await createTeam(t);
    const post = (event: object) =>
      t.http.post('/api/v1/events').set('X-API-Key', other.apiKey).send(event).expect(202);
    await post(
      casinoEvent('s_early', 'BET_WON', 3000, { bet: 'early', time: '2026-04-06T10:20:00Z' }),
    );
    await t.app.get(ProcessingWorker).drain();
    expect((await get('/api/bet/list', other.apiKey).expect(200)).body.total).toBe(0);

    await post(casinoEvent('p_early', 'BET_PLACED', 1000, { bet: 'early' }));
    await t.app.get(ProcessingWorker).drain();
    const list = await get('/api/bet/list', other.apiKey).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        transaction_id: 'p_early',
        status: 1,
        result_type: 1,
        payout_amount: '3000.00',
        settled_at: '2026-04-06T10:20:00Z',
      }),
    ]);
    const waiting = await t.app
      .get(SqlDatabase)
      .select<{ n: number }>('SELECT COUNT(*) AS n FROM pending_settlements WHERE team_id = ?', [
        other.id,
      ]);
    expect(Number(waiting[0].n)).toBe(0);
  });

  it('projects a whole batch: waiting outcomes, a repeated placement, a bet settled twice', async () => {
    const other = await createTeam(t);
    const send = async (...events: object[]) => {
      for (const event of events) {
        await t.http.post('/api/v1/events').set('X-API-Key', other.apiKey).send(event).expect(202);
      }
      await t.app.get(ProcessingWorker).drain(); // one batch: up to 500 events
    };
    const at = (minute: number) => `2026-04-06T10:${String(minute).padStart(2, '0')}:00Z`;
    await send(
      casinoEvent('x_won', 'BET_WON', 4000, { bet: 'x', time: at(30) }),
      casinoEvent('z_placed', 'BET_PLACED', 1000, { bet: 'z' }),
    );
    await send(
      casinoEvent('x_placed', 'BET_PLACED', 1000, { bet: 'x' }),
      casinoEvent('x_placed_again', 'BET_PLACED', 2000, { bet: 'x' }),
      casinoEvent('x_lost_older', 'BET_LOST', 1000, { bet: 'x', time: at(20) }),
      casinoEvent('y_refund', 'REFUND', 1000, { bet: 'y', time: at(25) }),
      casinoEvent('y_placed', 'BET_PLACED', 1000, { bet: 'y' }),
      casinoEvent('z_won', 'BET_WON', 7000, { bet: 'z', time: at(40) }),
      casinoEvent('z_lost_older', 'BET_LOST', 1000, { bet: 'z', time: at(35) }),
    );
    const { body } = await get('/api/bet/list', other.apiKey).expect(200);
    const byRound = Object.fromEntries(
      (body.items as { round_id: string }[]).map((bet) => [bet.round_id, bet]),
    );
    expect(body.total).toBe(3);
    expect(byRound.x).toMatchObject({
      transaction_id: 'x_placed',
      bet_amount: '1000.00',
      status: 1,
      payout_amount: '4000.00',
      settled_at: at(30),
    });
    expect(byRound.y).toMatchObject({ status: 2, payout_amount: '1000.00', settled_at: at(25) });
    expect(byRound.z).toMatchObject({ status: 1, payout_amount: '7000.00', settled_at: at(40) });
    expect((await get('/api/bet/list?status=0', other.apiKey).expect(200)).body.total).toBe(0);
    expect((await get('/api/bet/list?status=1', other.apiKey).expect(200)).body.total).toBe(2);
    expect((await get('/api/bet/list?status=2', other.apiKey).expect(200)).body.total).toBe(1);
    const [waiting] = await t.app
      .get(SqlDatabase)
      .select<{ n: number }>('SELECT COUNT(*) AS n FROM pending_settlements WHERE team_id = ?', [
        other.id,
      ]);
    expect(Number(waiting.n)).toBe(0);
    expect(t.logs.find('event by event')).toEqual([]);
  });

  it("never lets an older outcome override a newer one, nor another brand's key touch a bet", async () => {
    const other = await createTeam(t);
    const brandA = (await t.tenancy.createBrand(other.id, 'A')).id;
    const brandB = (await t.tenancy.createBrand(other.id, 'B')).id;
    const keyA = (await t.tenancy.createApiKey(other.id, { brandId: brandA })).api_key;
    const keyB = (await t.tenancy.createApiKey(other.id, { brandId: brandB })).api_key;
    const post = (key: string, event: object) =>
      t.http.post('/api/v1/events').set('X-API-Key', key).send(event).expect(202);
    await post(keyA, casinoEvent('p_old', 'BET_PLACED', 1000, { bet: 'late' }));
    await post(
      keyA,
      casinoEvent('r_new', 'REFUND', 1000, { bet: 'late', time: '2026-04-06T10:40:00Z' }),
    );
    await post(
      keyA,
      casinoEvent('w_old', 'BET_WON', 5000, { bet: 'late', time: '2026-04-06T10:30:00Z' }),
    );
    await post(
      keyB,
      casinoEvent('w_b', 'BET_WON', 9000, { bet: 'late', time: '2026-04-06T10:50:00Z' }),
    );
    await t.app.get(ProcessingWorker).drain();
    const [bet] = (await get('/api/bet/list', other.apiKey).expect(200)).body.items;
    expect(bet).toMatchObject({
      brand_id: brandA,
      status: 2,
      payout_amount: '1000.00',
      settled_at: '2026-04-06T10:40:00Z',
    });
  });

  it("never lets another player's outcome settle a bet, sent before or after its placement", async () => {
    const other = await createTeam(t);
    const post = (event: object) =>
      t.http.post('/api/v1/events').set('X-API-Key', other.apiKey).send(event).expect(202);
    await post(casinoEvent('own_bet', 'BET_PLACED', 1000, { bet: 'mine', player: 'pl_a' }));
    await post(casinoEvent('their_win', 'BET_WON', 5000, { bet: 'mine', player: 'pl_b' }));
    await post(casinoEvent('early_win', 'BET_WON', 7000, { bet: 'later', player: 'pl_b' }));
    await post(casinoEvent('own_later', 'BET_PLACED', 1000, { bet: 'later', player: 'pl_a' }));
    await t.app.get(ProcessingWorker).drain();
    const bets = (await get('/api/bet/list', other.apiKey).expect(200)).body.items as {
      round_id: string;
      status: number;
      payout_amount: string;
    }[];
    expect(bets.map((b) => [b.round_id, b.status, b.payout_amount]).sort()).toEqual([
      ['later', 0, '0.00'],
      ['mine', 0, '0.00'],
    ]);
  });

  // Two workers: one projects the placement while the other parks its outcome. Under READ
  // COMMITTED neither plain read sees the other's uncommitted row; the locking reads must.
  (dialectUnderTest() === 'mysql' ? it : it.skip)(
    'never lets a placement and an outcome projected at once miss each other (MySQL)',
    async () => {
      const other = await createTeam(t);
      const db = t.app.get(SqlDatabase);
      const bets = t.app.get(CasinoBets);
      const pending = t.app.get(PendingSettlementsRepository);
      await t.http
        .post('/api/v1/events')
        .set('X-API-Key', other.apiKey)
        .send({ ...casinoEvent('e_player', 'DEPOSIT', 100), game: undefined })
        .expect(202);
      await t.app.get(ProcessingWorker).drain();
      const [player] = await db.select<{ id: number }>('SELECT id FROM players WHERE team_id = ?', [
        other.id,
      ]);
      let placed!: () => void;
      let parked!: () => void;
      const placedGate = new Promise<void>((resolve) => (placed = resolve));
      const parkedGate = new Promise<void>((resolve) => (parked = resolve));

      const ref = { teamId: other.id, betRef: 'race' };
      const placement = {
        stream: 'monitor' as const,
        id: '0',
        teamId: other.id,
        brandId: null,
        externalEventId: 'p_race',
        eventType: 'BET_PLACED',
        eventTime: '2026-04-06 10:29:00.000000',
        amount: 1,
        currency: 'XOF',
        balanceBefore: null,
        balanceAfter: null,
        playerExternalId: 'e_player',
        playerPhone: null,
        playerCountry: null,
        playerKycLevel: null,
        uuid: '00000000-0000-4000-8000-000000000000',
        operator: null,
        ipAddress: null,
        sessionId: null,
        game: {
          type: 'LIVE_CASINO',
          id: null,
          name: null,
          sport: null,
          competition: null,
          odds: null,
          betId: 'race',
          provider: null,
        },
      };
      const placing = db.transaction(async (session) => {
        await bets.insertAll(session, [
          { ref, placement, outcome: null, playerId: Number(player.id), providerId: null },
        ]);
        placed();
        await parkedGate;
        const waiting = await pending.takeAll(session, 'bet', [ref]);
        return waiting.get(betKey(other.id, 'race')) ?? [];
      });
      const parking = db.transaction(async (session) => {
        await pending.addAll(session, 'bet', [{ ref, event: { id: '1', eventType: 'BET_WON' } }]);
        await placedGate;
        parked();
        return (await bets.lockAll(session, other.id, ['race']))[0] ?? null;
      });
      const [waiting, bet] = await Promise.all([placing, parking]);
      // One side saw the other (the loser of a deadlock was retried after the winner committed).
      expect(waiting.length === 1 || bet !== null).toBe(true);
    },
  );

  describe('filters, totals and pages', () => {
    let scoped: TestTeam;
    let brandKey: string;
    let brandId: number;

    beforeAll(async () => {
      scoped = await createTeam(t);
      const brand = await t.tenancy.createBrand(scoped.id, 'Acme Bet');
      brandId = brand.id;
      brandKey = (await t.tenancy.createApiKey(scoped.id, { brandId })).api_key;
      const post = (key: string, event: object) =>
        t.http.post('/api/v1/events').set('X-API-Key', key).send(event).expect(202);
      // 25 bets: players a (15) and b (10); 5 of b's through the brand's key; 20 settled.
      for (let i = 0; i < 25; i++) {
        const key = i >= 20 ? brandKey : scoped.apiKey;
        const player = i < 15 ? 'a' : 'b';
        const event = casinoEvent(`p${i}`, 'BET_PLACED', 100 + i, { bet: `r${i}`, player });
        await post(
          key,
          i % 2 ? { ...event, game: { ...event.game, provider: 'pragmatic' } } : event,
        );
        if (i < 20) await post(key, casinoEvent(`s${i}`, 'BET_LOST', 0, { bet: `r${i}`, player }));
      }
      await t.app.get(ProcessingWorker).drain();
    });

    const list = (query: string, key = scoped.apiKey) =>
      get(`/api/bet/list?${query}`, key).expect(200);
    const rounds = (body: { items: { round_id: string }[] }) => body.items.map((b) => b.round_id);

    it('pages newest first, with the total of every page', async () => {
      const first = await list('size=10');
      expect(first.body).toMatchObject({ total: 25, page: 1, page_size: 10 });
      expect(rounds(first.body)).toEqual([
        'r24',
        'r23',
        'r22',
        'r21',
        'r20',
        'r19',
        'r18',
        'r17',
        'r16',
        'r15',
      ]);
      const last = await list('page=3&size=10');
      expect(rounds(last.body)).toEqual(['r4', 'r3', 'r2', 'r1', 'r0']);
      expect((await list('page=4&size=10')).body).toEqual({
        total: 25,
        page: 4,
        page_size: 10,
        items: [],
      });
    });

    it('filters by player, brand, status and provider, with exact totals', async () => {
      const b = await playerIdIn(scoped, 'b');
      const byPlayer = await list(`player_id=${b}&size=100`);
      expect(byPlayer.body.total).toBe(10);
      expect(byPlayer.body.items.every((x: { player_id: number }) => x.player_id === b)).toBe(true);

      const byBrand = await list(`brand_id=${brandId}`);
      expect(byBrand.body.total).toBe(5);
      expect(rounds(byBrand.body)).toEqual(['r24', 'r23', 'r22', 'r21', 'r20']);

      expect((await list('status=0')).body.total).toBe(5);
      expect((await list('status=1')).body.total).toBe(20);
      expect((await list('status=2')).body).toMatchObject({ total: 0, items: [] });
      expect((await list(`status=0&brand_id=${brandId}`)).body.total).toBe(5);
      expect((await list(`status=1&player_id=${b}`)).body.total).toBe(5);

      const byProvider = await list('provider_code=pragmatic&size=100');
      expect(byProvider.body.total).toBe(12);
      expect(
        byProvider.body.items.every(
          (x: { provider_code: string }) => x.provider_code === 'pragmatic',
        ),
      ).toBe(true);
      expect((await list('provider_code=evolution&status=0')).body.total).toBe(3);
      expect((await list('provider_code=unknown_provider')).body).toEqual({
        total: 0,
        page: 1,
        page_size: 20,
        items: [],
      });
    });

    it("shows a brand's key only that brand's bets", async () => {
      const mine = await list('size=100', brandKey);
      expect(mine.body.total).toBe(5);
      expect(mine.body.items.every((x: { brand_id: number }) => x.brand_id === brandId)).toBe(true);
      expect((await list(`brand_id=${brandId + 1000}`, brandKey)).body.total).toBe(0);
      const other = (await list('size=1')).body.items[0];
      expect(other.brand_id).toBe(brandId);
      const teamOnly = (await list('page=25&size=1')).body.items[0];
      expect(teamOnly.brand_id).toBeNull();
      await get(`/api/bet/${teamOnly.id}`, brandKey).expect(404);
    });

    const playerIdIn = async (team: TestTeam, externalId: string) =>
      Number(
        (
          await t.app
            .get(SqlDatabase)
            .select<{ id: number }>(
              'SELECT id FROM players WHERE team_id = ? AND external_id = ?',
              [team.id, externalId],
            )
        )[0].id,
      );
  });

  describe('bad input', () => {
    it.each([
      ['page=0', 'page must be an integer from 1 to 1000000'],
      ['page=-1', 'page must be an integer from 1 to 1000000'],
      ['page=abc', 'page must be an integer from 1 to 1000000'],
      ['size=0', 'size must be an integer from 1 to 100'],
      ['size=101', 'size must be an integer from 1 to 100'],
      ['size=abc', 'size must be an integer from 1 to 100'],
      ['size=2.5', 'size must be an integer from 1 to 100'],
      // Only decimal digits are numbers: Number() would read these as 16, 100, 5 and 0.
      ['size=0x10', 'size must be an integer from 1 to 100'],
      ['size=1e2', 'size must be an integer from 1 to 100'],
      ['size=%205', 'size must be an integer from 1 to 100'],
      ['page=', 'page must be an integer from 1 to 1000000'],
      ['status=0x1', 'status must be 0 (pending), 1 (settled) or 2 (cancelled)'],
      ['player_id=-3', 'player_id must be an integer from 1 to 2147483647'],
      ['player_id=abc', 'player_id must be an integer from 1 to 2147483647'],
      ['brand_id=0', 'brand_id must be an integer from 1 to 2147483647'],
      ['brand_id=99999999999', 'brand_id must be an integer from 1 to 2147483647'],
      ['status=3', 'status must be 0 (pending), 1 (settled) or 2 (cancelled)'],
      ['status=settled', 'status must be 0 (pending), 1 (settled) or 2 (cancelled)'],
      ['provider_code=a&provider_code=b', 'provider_code must be a text of at most 100 characters'],
      [
        `provider_code=${'x'.repeat(101)}`,
        'provider_code must be a text of at most 100 characters',
      ],
      [
        'size=0&page=0',
        'page must be an integer from 1 to 1000000; size must be an integer from 1 to 100',
      ],
    ])('refuses %s with a 400 {"detail"}', async (query, detail) => {
      const res = await get(`/api/bet/list?${query}`).expect(400);
      expect(res.body).toEqual({ detail });
    });

    it.each([
      ['abc', 400, { detail: 'bet_id must be a positive integer' }],
      ['-5', 400, { detail: 'bet_id must be a positive integer' }],
      ['0', 400, { detail: 'bet_id must be a positive integer' }],
      ['1.5', 400, { detail: 'bet_id must be a positive integer' }],
      ['99999999999999999999', 400, { detail: 'bet_id must be a positive integer' }],
      ['987654321', 404, { detail: 'Bet 987654321 not found' }],
    ])('answers /api/bet/%s with %p', async (id, status, body) => {
      const res = await get(`/api/bet/${id}`).expect(status);
      expect(res.body).toEqual(body);
    });

    it("answers another team's bet with a 404, and no key with a 401, in the same shape", async () => {
      const mine = (await get('/api/bet/list').expect(200)).body.items[0];
      const other = await createTeam(t);
      const res = await get(`/api/bet/${mine.id}`, other.apiKey).expect(404);
      expect(res.body).toEqual({ detail: `Bet ${mine.id} not found` });
      expect((await get('/api/bet/list', other.apiKey).expect(200)).body.total).toBe(0);
      const anonymous = await t.http.get('/api/bet/list').expect(401);
      expect(anonymous.body).toEqual({ detail: 'Invalid or missing API key' });
      const unknown = await t.http
        .get('/api/bet/list/extra')
        .set('X-API-Key', team.apiKey)
        .expect(404);
      expect(unknown.body).toEqual({ detail: 'Route GET /api/bet/list/extra not found' });
    });
  });
});
