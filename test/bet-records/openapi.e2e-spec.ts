import { BET_EXAMPLE, BET_PAGE_EXAMPLE } from '../../src/bet-records/casino/dto/bet.examples';
import {
  SPORTS_BET_DETAIL_EXAMPLE,
  SPORTS_BET_PAGE_EXAMPLE,
} from '../../src/bet-records/sports/dto/sports-bet.examples';
import { startTestApp, TestApp } from '../support/test-app';

type Parameter = { name: string; in: string; schema: Record<string, unknown> };
type Operation = {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
  security?: Record<string, string[]>[];
};

/** What integrators see in Swagger for the Bet Records API: the seed's examples and constraints. */
describe('Swagger of the Bet Records API', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    paths = (await t.http.get('/docs-json').expect(200)).body.paths;
  });
  afterAll(() => t.close());

  const example = (path: string, status: string) =>
    paths[path].get.responses[status].content?.['application/json'].example;

  it("shows the four routes with the seed's examples and every error answer", () => {
    expect(example('/api/bet/list', '200')).toEqual(BET_PAGE_EXAMPLE);
    expect(example('/api/bet/{bet_id}', '200')).toEqual(BET_EXAMPLE);
    expect(example('/api/sports-bet/list', '200')).toEqual(SPORTS_BET_PAGE_EXAMPLE);
    expect(example('/api/sports-bet/{sports_bet_id}', '200')).toEqual(SPORTS_BET_DETAIL_EXAMPLE);
    for (const [path, statuses] of [
      ['/api/bet/list', ['200', '400', '401', '429', '500', '503']],
      ['/api/bet/{bet_id}', ['200', '400', '401', '404', '429', '500', '503']],
      ['/api/sports-bet/list', ['200', '400', '401', '429', '500', '503']],
      ['/api/sports-bet/{sports_bet_id}', ['200', '400', '401', '404', '429', '500', '503']],
    ] as const) {
      expect([path, Object.keys(paths[path].get.responses).sort()]).toEqual([path, statuses]);
      expect(paths[path].get.security).toEqual([{ 'api-key': [] }]);
    }
    expect(example('/api/bet/{bet_id}', '404')).toEqual({ detail: 'Bet 120001 not found' });
  });

  it("states the seed's parameter constraints", () => {
    const parameters = (path: string) =>
      Object.fromEntries((paths[path].get.parameters ?? []).map((p) => [p.name, p.schema]));
    const bets = parameters('/api/bet/list');
    expect(Object.keys(bets).sort()).toEqual([
      'brand_id',
      'page',
      'player_id',
      'provider_code',
      'size',
      'status',
    ]);
    expect(bets.page).toMatchObject({ minimum: 1, default: 1 });
    expect(bets.size).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(bets.status).toMatchObject({ enum: [0, 1, 2] });
    expect(Object.keys(parameters('/api/sports-bet/list')).sort()).toEqual([
      'brand_id',
      'page',
      'player_id',
      'size',
      'status',
    ]);
  });
});
