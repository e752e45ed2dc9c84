import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
} from '../../src/betting-events/dto/betting-event.examples';
import { startTestApp, TestApp } from '../support/test-app';

type Operation = {
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
  security?: Record<string, string[]>[];
  tags?: string[];
};
type Schema = { required?: string[]; properties?: Record<string, { enum?: string[] }> };

/** What support staff and integrators see in Swagger for the AML Betting Events API. */
describe('Swagger of the AML Betting Events API', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, Schema>;

  beforeAll(async () => {
    t = await startTestApp();
    const docs = (await t.http.get('/docs-json').expect(200)).body;
    paths = docs.paths;
    schemas = docs.components.schemas;
  });
  afterAll(() => t.close());

  const exampleOf = (path: string, method: string, status: string) =>
    paths[path][method].responses[status].content?.['application/json'].example;

  it('documents every answer of each route, errors included, under one tag and the key scheme', () => {
    const routes: [string, string, string[]][] = [
      ['/betting-events', 'post', ['200', '400', '401', '409', '413', '415', '429', '500', '503']],
      ['/betting-events/slips/{bet_slip_id}', 'get', ['200', '401', '404', '429', '500', '503']],
      ['/betting-events/players/{cpf}/slips', 'get', ['200', '400', '401', '429', '500', '503']],
    ];
    for (const [path, method, statuses] of routes) {
      const operation = paths[path][method];
      expect([path, Object.keys(operation.responses).sort()]).toEqual([path, statuses]);
      expect(operation.tags).toEqual(['AML Betting Events']);
      expect(operation.security).toEqual([{ 'api-key': [] }]);
    }
  });

  it("shows the seed's three request examples and both of its responses", () => {
    const examples =
      paths['/betting-events'].post.requestBody?.content['application/json'].examples;
    expect(Object.values(examples ?? {}).map((e) => e.value)).toEqual([
      SINGLE_NEW_BET_EXAMPLE,
      MULTIPLE_NEW_BET_EXAMPLE,
      MULTIPLE_RESULT_EXAMPLE,
    ]);
    expect(exampleOf('/betting-events', 'post', '200')).toEqual({ id: 'evt_xyz789abc123' });
    expect(exampleOf('/betting-events', 'post', '400')).toEqual({
      error: {
        message: 'Invalid input data',
        details: {
          tax_id: ['Tax ID must be in valid format'],
          total_stake: ['Bet amount must be greater than zero'],
          total_odds: ['Odds must be a positive number'],
          bet_legs: ['Must contain at least one selection'],
        },
        status: 400,
      },
    });
    expect(exampleOf('/betting-events', 'post', '401')).toEqual({
      error: { message: 'Unauthorized', status: 401 },
    });
  });

  it("marks the seed's required fields and enums in the body schema", () => {
    expect(schemas.BettingEventDto.required?.sort()).toEqual(
      [
        'tax_id',
        'event',
        'last_player_balance',
        'current_player_balance',
        'bet_slip_id',
        'total_stake',
        'total_odds',
        'leg_count',
        'bet_legs',
      ].sort(),
    );
    expect(schemas.BetLegDto.required?.sort()).toEqual(['leg_id', 'odds']);
    expect(schemas.BettingEventDto.properties?.event.enum).toEqual([
      'new_bet',
      'result',
      'cancellation',
    ]);
    expect(schemas.BettingEventDto.properties?.bet_slip_state.enum).toEqual([
      'open',
      'settled',
      'cancelled',
    ]);
    expect(schemas.BetLegDto.properties?.leg_state.enum).toEqual(['open', 'won', 'lost', 'void']);
    expect(schemas.BetLegDto.properties?.result.enum).toEqual(['won', 'lost', 'void', 'push']);
  });
});
