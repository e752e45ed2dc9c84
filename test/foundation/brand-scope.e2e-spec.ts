import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { BRAND_KEYS_EXTENSION } from '../../src/tenancy/api-key-auth.decorator';
import { monitorEvent } from '../detection/support';
import { FixtureRoutesModule } from '../support/fixture-routes.module';
import { createTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const CPF = '01234567890';

/** A monitor event of a bet round: a casino round or a sports bet, by `gameType`. */
const betEvent = (eventId: string, betId: string, gameType: 'LIVE_CASINO' | 'SPORTS') => ({
  event_id: eventId,
  player: { id: 'pl_brand' },
  event: { type: 'BET_PLACED', timestamp: '2026-04-06T10:15:00Z', amount: 1000, currency: 'XOF' },
  game: { type: gameType, id: 'g1', bet_id: betId },
});

/** An AML new bet of the seed's single example, for another slip. */
const newBet = (slipId: string) => ({ ...SINGLE_NEW_BET_EXAMPLE, bet_slip_id: slipId });
const slipResult = (slipId: string) => ({
  ...newBet(slipId),
  event: 'result',
  bet_slip_state: 'settled',
  event_date: '2024-01-16T10:00:00Z',
  last_player_balance: 25000,
  current_player_balance: 37500,
  bet_legs: [{ ...SINGLE_NEW_BET_EXAMPLE.bet_legs[0], leg_state: 'won', amount_won: 12500 }],
});

type Who = 'team' | 'X' | 'Y';

/**
 * A brand's key reads and changes only its brand's data, on every route that serves API keys
 * (issue 13). One team with brands X and Y, a team-wide key and a key per brand; Y's data and the
 * team-wide key's, and what each key sees of them. Every `X-API-Key` route of the OpenAPI
 * document must have its case here.
 */
describe('brand scope: every X-API-Key route with a team key, the right brand and another brand', () => {
  let t: TestApp;
  const keys = {} as Record<Who, string>;
  let brandY: number;
  /** Data written through Y's key and through the team-wide key. */
  const y = {} as {
    eventUuid: string;
    betId: number;
    sportsBetId: number;
    slipBetId: number;
    amlEventId: string;
  };
  const team = {} as { eventUuid: string; betId: number; amlEventId: string };
  const covered = new Set<string>();

  const get = (who: Who, path: string) => t.http.get(path).set('X-API-Key', keys[who]);
  const post = (who: Who, path: string, body: object) =>
    t.http.post(path).set('X-API-Key', keys[who]).send(body);
  const cover = (route: string) => covered.add(route);
  let ownerTeamId: number;

  beforeAll(async () => {
    t = await startTestApp();
    const owner = await createTeam(t);
    ownerTeamId = owner.id;
    keys.team = owner.apiKey;
    const brandX = (await t.tenancy.createBrand(owner.id, 'X')).id;
    brandY = (await t.tenancy.createBrand(owner.id, 'Y')).id;
    keys.X = (await t.tenancy.createApiKey(owner.id, { brandId: brandX })).api_key;
    keys.Y = (await t.tenancy.createApiKey(owner.id, { brandId: brandY })).api_key;

    const sent = async (who: Who, body: object) =>
      (await post(who, '/api/v1/events', body).expect(202)).body.data.uuid as string;
    y.eventUuid = await sent('Y', betEvent('ev-y-casino', 'round-y', 'LIVE_CASINO'));
    await sent('Y', betEvent('ev-y-sports', 'sports-y', 'SPORTS'));
    team.eventUuid = await sent('team', betEvent('ev-team-casino', 'round-team', 'LIVE_CASINO'));
    await t.app.get(ProcessingWorker).drain();
    y.amlEventId = (await post('Y', '/betting-events', newBet('slip-y')).expect(200)).body.id;
    await post('X', '/betting-events', newBet('slip-x')).expect(200);
    team.amlEventId = (
      await post('team', '/betting-events', newBet('slip-team')).expect(200)
    ).body.id;

    const bets = (await get('team', '/api/bet/list').expect(200)).body.items;
    y.betId = bets.find((b: { round_id: string }) => b.round_id === 'round-y').id;
    team.betId = bets.find((b: { round_id: string }) => b.round_id === 'round-team').id;
    const sports = (await get('team', '/api/sports-bet/list').expect(200)).body.items;
    y.sportsBetId = sports.find((b: { bet_id: string }) => b.bet_id === 'sports-y').id;
    y.slipBetId = sports.find((b: { bet_id: string }) => b.bet_id === 'slip-y').id;
  });
  afterAll(() => t.close());

  it('GET /api/v1/lookups: the same lookups for every key (no brand data)', async () => {
    cover('GET /api/v1/lookups');
    const bodies = await Promise.all(
      (['team', 'X', 'Y'] as Who[]).map(async (who) => (await get(who, '/api/v1/lookups')).body),
    );
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it("GET /api/v1/events/{uuid}/status: Y's event for the team and Y, unknown to X", async () => {
    cover('GET /api/v1/events/{uuid}/status');
    const path = `/api/v1/events/${y.eventUuid}/status`;
    const status = {
      uuid: y.eventUuid,
      status: 'PROCESSED',
      processed_at: expect.any(String),
      alerts: [],
    };
    expect((await get('team', path).expect(200)).body).toEqual(status);
    expect((await get('Y', path).expect(200)).body).toEqual(status);
    expect((await get('X', path).expect(404)).body).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: `Event ${y.eventUuid} not found` },
    });
    // A brand's key does not see what a team-wide key sent either.
    await get('Y', `/api/v1/events/${team.eventUuid}/status`).expect(404);
    await get('team', `/api/v1/events/${team.eventUuid}/status`).expect(200);
  });

  it("POST /api/v1/events: X re-sending Y's event is a 409 that names nothing of it", async () => {
    cover('POST /api/v1/events');
    const body = betEvent('ev-y-casino', 'round-y', 'LIVE_CASINO');
    const conflict = {
      success: false,
      error: {
        code: 'CONFLICT',
        message: 'Event ev-y-casino is already used by another brand of your team',
      },
    };
    expect((await post('X', '/api/v1/events', body).expect(409)).body).toEqual(conflict);
    const fr = await post('X', '/api/v1/events', body).set('Accept-Language', 'fr').expect(409);
    expect(fr.body.error.message).toBe(
      'Événement ev-y-casino : déjà utilisé par une autre marque de votre équipe',
    );
    // Its own brand and the team-wide key repeat it as before: the same uuid, nothing stored.
    expect((await post('Y', '/api/v1/events', body).expect(202)).body.data.uuid).toBe(y.eventUuid);
    expect((await post('team', '/api/v1/events', body).expect(202)).body.data.uuid).toBe(
      y.eventUuid,
    );
    // A team-wide key's event is no brand's to repeat.
    const teams = betEvent('ev-team-casino', 'round-team', 'LIVE_CASINO');
    expect((await post('Y', '/api/v1/events', teams).expect(409)).body.error.code).toBe('CONFLICT');
  });

  it("POST /api/v1/events/batch: Y's event in X's batch is a failed entry without a uuid", async () => {
    cover('POST /api/v1/events/batch');
    const events = [
      betEvent('ev-y-casino', 'round-y', 'LIVE_CASINO'),
      betEvent('ev-x-new', 'round-x', 'LIVE_CASINO'),
    ];
    const mine = await post('X', '/api/v1/events/batch', { events }).expect(200);
    expect(mine.body).toEqual({
      success: true,
      data: {
        success_count: 1,
        failed_count: 1,
        events: [
          {
            uuid: null,
            external_event_id: 'ev-y-casino',
            error: 'event_id ev-y-casino is already used by another brand of your team',
          },
          { uuid: expect.any(String), external_event_id: 'ev-x-new' },
        ],
      },
    });
    const ys = await post('Y', '/api/v1/events/batch', { events: [events[0]] }).expect(200);
    expect(ys.body.data.events).toEqual([{ uuid: y.eventUuid, external_event_id: 'ev-y-casino' }]);
    const teams = await post('team', '/api/v1/events/batch', { events }).expect(200);
    expect(teams.body.data.success_count).toBe(2);
  });

  it("POST /betting-events: X's events for Y's slip are refused and change nothing of it", async () => {
    cover('POST /betting-events');
    const slipBefore = (await get('team', '/betting-events/slips/slip-y').expect(200)).body;
    const betBefore = (await get('team', `/api/sports-bet/${y.slipBetId}`).expect(200)).body;
    expect(betBefore).toMatchObject({ status: 0, payout: '0.00', brand_id: brandY });

    const refused = {
      error: { message: 'Bet slip slip-y belongs to another brand', status: 409 },
    };
    for (const body of [slipResult('slip-y'), newBet('slip-y')]) {
      expect((await post('X', '/betting-events', body).expect(409)).body).toEqual(refused);
    }
    // A brand's key cannot change a slip that a team-wide key opened.
    expect((await post('Y', '/betting-events', slipResult('slip-team')).expect(409)).body).toEqual({
      error: { message: 'Bet slip slip-team belongs to another brand', status: 409 },
    });
    expect((await get('team', '/betting-events/slips/slip-y').expect(200)).body).toEqual(
      slipBefore,
    );
    expect((await get('team', `/api/sports-bet/${y.slipBetId}`).expect(200)).body).toEqual(
      betBefore,
    );

    // Its own brand settles it; the sports bet stays Y's.
    await post('Y', '/betting-events', slipResult('slip-y')).expect(200);
    const settled = (await get('team', `/api/sports-bet/${y.slipBetId}`).expect(200)).body;
    expect(settled).toMatchObject({ status: 1, payout: '125.00', brand_id: brandY });
    // A team-wide key may add to any slip of its team; the slip keeps its brand.
    await post('team', '/betting-events', { ...newBet('slip-y'), meta: { by: 'team' } }).expect(
      200,
    );
    expect((await get('Y', '/betting-events/slips/slip-y').expect(200)).body.events_count).toBe(3);
    expect((await get('team', `/api/sports-bet/${y.slipBetId}`)).body.brand_id).toBe(brandY);
  });

  it("GET /betting-events/{id}/status: Y's event for the team and Y, unknown to X", async () => {
    cover('GET /betting-events/{id}/status');
    const path = `/betting-events/${y.amlEventId}/status`;
    const status = { id: y.amlEventId, status: 'RECEIVED', processed_at: null };
    expect((await get('team', path).expect(200)).body).toEqual(status);
    expect((await get('Y', path).expect(200)).body).toEqual(status);
    expect((await get('X', path).expect(404)).body).toEqual({
      error: { message: `Betting event ${y.amlEventId} not found`, status: 404 },
    });
    await get('Y', `/betting-events/${team.amlEventId}/status`).expect(404);
  });

  it("GET /betting-events/slips/{bet_slip_id}: Y's slip for the team and Y, unknown to X", async () => {
    cover('GET /betting-events/slips/{bet_slip_id}');
    const teams = await get('team', '/betting-events/slips/slip-y').expect(200);
    expect((await get('Y', '/betting-events/slips/slip-y').expect(200)).body).toEqual(teams.body);
    expect((await get('X', '/betting-events/slips/slip-y').expect(404)).body).toEqual({
      error: { message: 'Bet slip slip-y not found', status: 404 },
    });
    await get('Y', '/betting-events/slips/slip-team').expect(404);
  });

  it("GET /betting-events/players/{cpf}/slips: each key sees its brand's slips of the CPF", async () => {
    cover('GET /betting-events/players/{cpf}/slips');
    const slipsOf = async (who: Who) => {
      const page = (await get(who, `/betting-events/players/${CPF}/slips`).expect(200)).body;
      return [page.total, page.items.map((s: { bet_slip_id: string }) => s.bet_slip_id)];
    };
    expect(await slipsOf('team')).toEqual([3, ['slip-team', 'slip-x', 'slip-y']]);
    expect(await slipsOf('Y')).toEqual([1, ['slip-y']]);
    expect(await slipsOf('X')).toEqual([1, ['slip-x']]);
  });

  it("GET /api/bet/list: Y's bets for the team and Y; X sees none, even asking for Y's brand", async () => {
    cover('GET /api/bet/list');
    await t.app.get(ProcessingWorker).drain(); // X's batch placed round-x
    const rounds = async (who: Who, query = '') => {
      const page = (await get(who, `/api/bet/list${query}`).expect(200)).body;
      return [page.total, page.items.map((b: { round_id: string }) => b.round_id).sort()];
    };
    expect(await rounds('team')).toEqual([3, ['round-team', 'round-x', 'round-y']]);
    expect(await rounds('Y')).toEqual([1, ['round-y']]);
    expect(await rounds('X')).toEqual([1, ['round-x']]);
    expect(await rounds('X', `?brand_id=${brandY}`)).toEqual([0, []]);
    const player = (await get('team', '/api/bet/list').expect(200)).body.items[0].player_id;
    expect(await rounds('X', `?player_id=${player}`)).toEqual([1, ['round-x']]);
    expect(await rounds('team', `?brand_id=${brandY}`)).toEqual([1, ['round-y']]);
  });

  it("GET /api/bet/{bet_id}: Y's bet for the team and Y, unknown to X; the team's unknown to Y", async () => {
    cover('GET /api/bet/{bet_id}');
    const teams = await get('team', `/api/bet/${y.betId}`).expect(200);
    expect((await get('Y', `/api/bet/${y.betId}`).expect(200)).body).toEqual(teams.body);
    expect((await get('X', `/api/bet/${y.betId}`).expect(404)).body).toEqual({
      detail: `Bet ${y.betId} not found`,
    });
    await get('Y', `/api/bet/${team.betId}`).expect(404);
  });

  it("a game.bet_id that another brand placed: the first placement owns the bet; X's events change nothing of it (logged)", async () => {
    const placement = betEvent('ev-x-round-y', 'round-y', 'LIVE_CASINO');
    const win = {
      ...placement,
      event_id: 'ev-x-round-y-won',
      event: { ...placement.event, type: 'BET_WON', amount: 90000 },
    };
    await post('X', '/api/v1/events/batch', { events: [placement, win] }).expect(200);
    await t.app.get(ProcessingWorker).drain();
    const bet = (await get('Y', `/api/bet/${y.betId}`).expect(200)).body;
    expect(bet).toMatchObject({ round_id: 'round-y', status: 0, bet_amount: '1000.00' });
    expect((await get('X', '/api/bet/list').expect(200)).body.items).toEqual([
      expect.objectContaining({ round_id: 'round-x' }),
    ]);
    // This team's only: on a shared MySQL database, the drain also processes other suites' events.
    const warnings = t.logs
      .find("names a bet placed through another brand's key")
      .filter((line) => String(line.msg).includes(` of team ${ownerTeamId}:`));
    expect(warnings.map((line) => line.msg)).toEqual([
      expect.stringContaining(`Event ev-x-round-y of team ${ownerTeamId}:`),
      expect.stringContaining(`Event ev-x-round-y-won of team ${ownerTeamId}:`),
    ]);
  });

  it("GET /api/sports-bet/list: each key sees its brand's sports bets, AML slips included", async () => {
    cover('GET /api/sports-bet/list');
    const betIds = async (who: Who) => {
      const page = (await get(who, '/api/sports-bet/list').expect(200)).body;
      return [page.total, page.items.map((b: { bet_id: string }) => b.bet_id).sort()];
    };
    expect(await betIds('team')).toEqual([4, ['slip-team', 'slip-x', 'slip-y', 'sports-y']]);
    expect(await betIds('Y')).toEqual([2, ['slip-y', 'sports-y']]);
    expect(await betIds('X')).toEqual([1, ['slip-x']]);
  });

  it("GET /api/sports-bet/{sports_bet_id}: Y's sports bet for the team and Y, unknown to X", async () => {
    cover('GET /api/sports-bet/{sports_bet_id}');
    const path = `/api/sports-bet/${y.sportsBetId}`;
    const teams = await get('team', path).expect(200);
    expect((await get('Y', path).expect(200)).body).toEqual(teams.body);
    expect((await get('X', path).expect(404)).body).toEqual({
      detail: `Sports bet ${y.sportsBetId} not found`,
    });
  });

  it('detection and webhook routes serve team-wide keys only: 403 for a brand key', async () => {
    const NO_ID = '00000000-0000-4000-8000-000000000000';
    const routes: [string, string, string, object?][] = [
      ['GET /api/v1/rules', 'GET', '/api/v1/rules'],
      ['GET /api/v1/rules/{code}', 'GET', '/api/v1/rules/LARGE_TRANSACTION'],
      ['GET /api/v1/rules/{code}/versions', 'GET', '/api/v1/rules/LARGE_TRANSACTION/versions'],
      ['PUT /api/v1/rules/{code}', 'PUT', '/api/v1/rules/LARGE_TRANSACTION', { mode: 'on' }],
      ['GET /api/v1/allowlist', 'GET', '/api/v1/allowlist'],
      ['POST /api/v1/allowlist', 'POST', '/api/v1/allowlist', { kind: 'ip', value: '10.0.0.1' }],
      ['DELETE /api/v1/allowlist/{kind}/{value}', 'DELETE', '/api/v1/allowlist/ip/10.0.0.1'],
      ['GET /api/v1/alerts', 'GET', '/api/v1/alerts'],
      ['GET /api/v1/alerts/{id}', 'GET', '/api/v1/alerts/00000000-0000-4000-8000-000000000000'],
      [
        'PATCH /api/v1/alerts/{id}',
        'PATCH',
        '/api/v1/alerts/00000000-0000-4000-8000-000000000000',
        { status: 'ACKNOWLEDGED' },
      ],
      ['GET /api/v1/players', 'GET', '/api/v1/players'],
      ['GET /api/v1/players/cpf/{cpf}', 'GET', '/api/v1/players/cpf/01234567890'],
      ['GET /api/v1/players/{external_id}', 'GET', '/api/v1/players/pl-unknown'],
      ['GET /api/v1/webhooks', 'GET', '/api/v1/webhooks'],
      ['POST /api/v1/webhooks', 'POST', '/api/v1/webhooks', { url: 'ftp://refused' }],
      ['GET /api/v1/webhooks/{id}', 'GET', `/api/v1/webhooks/${NO_ID}`],
      ['PATCH /api/v1/webhooks/{id}', 'PATCH', `/api/v1/webhooks/${NO_ID}`, { active: false }],
      ['DELETE /api/v1/webhooks/{id}', 'DELETE', `/api/v1/webhooks/${NO_ID}`],
      [
        'POST /api/v1/webhooks/{id}/rotate-secret',
        'POST',
        `/api/v1/webhooks/${NO_ID}/rotate-secret`,
      ],
      ['POST /api/v1/webhooks/{id}/test', 'POST', `/api/v1/webhooks/${NO_ID}/test`],
      ['GET /api/v1/webhooks/{id}/deliveries', 'GET', `/api/v1/webhooks/${NO_ID}/deliveries`],
      [
        'POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver',
        'POST',
        `/api/v1/webhooks/${NO_ID}/deliveries/${NO_ID}/redeliver`,
      ],
      [
        'POST /api/v1/webhooks/{id}/replay',
        'POST',
        `/api/v1/webhooks/${NO_ID}/replay`,
        { since: '2026-01-01T00:00:00Z' },
      ],
    ];
    for (const [route, method, path, body] of routes) {
      cover(route);
      const send = (who: Who) => {
        const request = t.http[method.toLowerCase() as 'get'](path).set('X-API-Key', keys[who]);
        return body ? request.send(body) : request;
      };
      for (const who of ['X', 'Y'] as Who[]) {
        const refused = await send(who);
        expect([route, refused.status, refused.body.error?.code]).toEqual([
          route,
          403,
          'FORBIDDEN',
        ]);
      }
      const served = await send('team');
      expect([route, served.status < 500, served.status !== 403]).toEqual([route, true, true]);
    }
  });

  // After the cases that read AML events as RECEIVED: its drain processes them.
  it("GET /api/v1/events/{uuid}/status: an alert Y's event raised is the team's, not shown to Y", async () => {
    // Y's large deposit raises an alert, which only the team-wide key sees.
    const large = (
      await post('Y', '/api/v1/events', monitorEvent('pl-y', 'DEPOSIT', 2_000_000, 5)).expect(202)
    ).body.data.uuid as string;
    await t.app.get(ProcessingWorker).drain();
    const largePath = `/api/v1/events/${large}/status`;
    expect((await get('team', largePath).expect(200)).body.alerts).toEqual([
      { id: expect.any(String), rule: 'LARGE_TRANSACTION', severity: 'MEDIUM', status: 'OPEN' },
    ]);
    expect((await get('Y', largePath).expect(200)).body.alerts).toEqual([]);
  });

  it('covers every X-API-Key route of the OpenAPI document, each saying what brand keys may do', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const routes: string[] = [];
    type Operation = { security?: Record<string, string[]>[]; [extension: string]: unknown };
    for (const [path, operations] of Object.entries<Record<string, Operation>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security?.some((s) => 'api-key' in s)) continue;
        routes.push(`${method.toUpperCase()} ${path}`);
        expect([`${method} ${path}`, operation[BRAND_KEYS_EXTENSION]]).toEqual([
          `${method} ${path}`,
          expect.stringMatching(/^(own-brand|refused)$/),
        ]);
      }
    }
    expect(routes.sort()).toEqual([...covered].sort());
  });
});

/** A brand's key on a route of team-wide data: 403 FORBIDDEN, in each API's own shape. */
describe('brand scope: routes that serve team-wide keys only', () => {
  let t: TestApp;
  let teamKey: string;
  let brandKey: string;

  beforeAll(async () => {
    t = await startTestApp({ extraImports: [FixtureRoutesModule] });
    const owner = await createTeam(t);
    teamKey = owner.apiKey;
    const brand = await t.tenancy.createBrand(owner.id, 'B');
    brandKey = (await t.tenancy.createApiKey(owner.id, { brandId: brand.id })).api_key;
  });
  afterAll(() => t.close());

  it('answers 403 FORBIDDEN in the monitor shape, in English and French, with rate-limit headers', async () => {
    const res = await t.http
      .get('/api/v1/__fixtures__/team-only')
      .set('X-API-Key', brandKey)
      .expect(403);
    expect(res.body).toEqual({
      success: false,
      error: {
        code: 'FORBIDDEN',
        message: 'This route serves team-wide API keys only; this key is limited to one brand',
      },
    });
    expect(res.headers['x-ratelimit-remaining']).toBeDefined();
    const fr = await t.http
      .get('/api/v1/__fixtures__/team-only')
      .set('X-API-Key', brandKey)
      .set('Accept-Language', 'fr')
      .expect(403);
    expect(fr.body.error).toEqual({
      code: 'FORBIDDEN',
      message:
        "Cette route est réservée aux clés API de toute l'équipe ; cette clé est limitée à une marque",
    });
    await t.http.get('/api/v1/__fixtures__/team-only').set('X-API-Key', teamKey).expect(200);
  });

  it('refuses brand keys on a route that does not say whether it serves them (default-deny)', async () => {
    await t.http
      .get('/api/v1/__fixtures__/brand-undeclared')
      .set('X-API-Key', brandKey)
      .expect(403);
    await t.http.get('/api/v1/__fixtures__/brand-undeclared').set('X-API-Key', teamKey).expect(200);
    await t.http.get('/api/v1/__fixtures__/whoami').set('X-API-Key', brandKey).expect(200);
  });

  it('answers 403 in the AML and Bet Records shapes, before reading the body', async () => {
    const aml = await t.http
      .get('/betting-events/__fixtures__/team-only')
      .set('x-api-key', brandKey)
      .expect(403);
    expect(aml.body).toEqual({
      error: { message: 'Forbidden: this route serves team-wide API keys only', status: 403 },
    });
    const records = await t.http
      .get('/api/bet/__fixtures__/team-only')
      .set('X-API-Key', brandKey)
      .expect(403);
    expect(records.body).toEqual({
      detail: 'Forbidden: this route serves team-wide API keys only',
    });
    await t.http.get('/api/bet/__fixtures__/team-only').set('X-API-Key', teamKey).expect(200);
  });

  it('documents the 403 on each team-wide route', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const operation = doc.paths['/api/v1/__fixtures__/team-only'].get;
    expect(operation[BRAND_KEYS_EXTENSION]).toBe('refused');
    expect(operation.responses['403'].description).toBe(
      'A key limited to one brand: this route serves team-wide keys only',
    );
  });
});
