import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dashboardUser, loggedIn } from './support';

/** Player 360 through the dashboard: the API's player view, with the player's timeline. */
describe('dashboard players', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('shows a player as the API does, with the timeline newest first; another team’s is not found', async () => {
    for (const [id, type, amount, at] of [
      ['tl-1', 'DEPOSIT', 20_000, '2026-12-01T10:00:00Z'],
      ['tl-2', 'WITHDRAWAL', 5_000, '2026-12-01T12:00:00Z'],
    ] as const) {
      await t.http
        .post('/api/v1/events')
        .set('x-api-key', team.apiKey)
        .send({
          event_id: id,
          player: { id: 'timeline-player', country: 'CIV' },
          event: { type, timestamp: at, amount, currency: 'XOF' },
        })
        .expect(202);
    }
    await t.app.get(ProcessingWorker).drain();
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const shown = await viewer.get('/dashboard/api/players/timeline-player').expect(200);
    const api = await t.http
      .get('/api/v1/players/timeline-player')
      .set('x-api-key', team.apiKey)
      .expect(200);
    const { timeline, ...view } = shown.body;
    expect(view).toEqual(api.body.data);
    expect(timeline).toEqual({
      events: [
        {
          id: expect.any(String),
          event_id: 'tl-2',
          type: 'WITHDRAWAL',
          event_time: '2026-12-01T12:00:00.000000Z',
          amount: 5000,
          currency: 'XOF',
          balance_before: null,
          balance_after: null,
          status: 'PROCESSED',
        },
        {
          id: expect.any(String),
          event_id: 'tl-1',
          type: 'DEPOSIT',
          event_time: '2026-12-01T10:00:00.000000Z',
          amount: 20000,
          currency: 'XOF',
          balance_before: null,
          balance_after: null,
          status: 'PROCESSED',
        },
      ],
      slips: [],
    });

    const other = await createTeam(t);
    const stranger = await loggedIn(t, (await dashboardUser(t, other.id, 'admin')).email);
    const missing = await stranger.get('/dashboard/api/players/timeline-player').expect(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const bad = await viewer.get('/dashboard/api/players?level=SEVERE').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_request', fields: ['level'] });
  });

  it('shows an AML bettor’s slips in the timeline', async () => {
    await t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .send({
        tax_id: '529.982.247-25',
        event: 'new_bet',
        last_player_balance: 30000,
        current_player_balance: 25000,
        bet_slip_id: 'slip-timeline-1',
        total_stake: 5000,
        total_odds: 2.5,
        leg_count: 1,
        bet_legs: [{ leg_id: 'leg-1', odds: 2.5 }],
      })
      .expect(200);
    await t.app.get(ProcessingWorker).drain();
    const bettor = await t.http
      .get('/api/v1/players/cpf/529.982.247-25')
      .set('x-api-key', team.apiKey)
      .expect(200);
    const analyst = await loggedIn(t, (await dashboardUser(t, team.id, 'analyst')).email);
    const shown = await analyst
      .get(`/dashboard/api/players/${encodeURIComponent(bettor.body.data.external_id)}`)
      .expect(200);
    expect(shown.body.cpf).toBe('52998224725');
    expect(shown.body.timeline.slips).toEqual([
      {
        bet_slip_id: 'slip-timeline-1',
        state: expect.any(String),
        total_stake: 5000,
        total_odds: 2.5,
        leg_count: 1,
        payout: null,
        first_event_at: expect.any(String),
        last_event_at: expect.any(String),
      },
    ]);
  });
});
