import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { sendLargeDeposit } from '../support/large-deposit';
import { startTestApp, type TestApp } from '../support/test-app';
import { utcDay } from '../support/utc-day';
import { dashboardUser, loggedIn } from './support';

/** The overview's aggregates and the team settings (time zone, allowlist) through the dashboard. */
describe('dashboard overview and team settings', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    team = await createTeam(t);
  });
  afterAll(() => t.close());

  it('counts events per minute, alerts per day of the team’s zone, and the riskiest players', async () => {
    await sendLargeDeposit(t, team.apiKey, `overview-${Date.now()}`, 'overview-player');
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const waiting = await viewer.get('/dashboard/api/overview').expect(200);
    expect(waiting.body.processing_lag_seconds).toBeGreaterThanOrEqual(0);
    expect(waiting.body.alerts_per_day.every((d: { total: number }) => d.total === 0)).toBe(true);

    const dayBefore = utcDay();
    await t.app.get(ProcessingWorker).drain();
    const overview = await viewer.get('/dashboard/api/overview').expect(200);
    // The overview's today: the day it was made. The alert's: the day the drain made it, the same
    // or the one before when midnight passed in between.
    const today = utcDay(Date.parse(overview.body.generated_at));
    expect(overview.body).toEqual({
      time_zone: 'UTC',
      generated_at: expect.any(String),
      processing_lag_seconds: 0,
      events_per_minute: expect.any(Array),
      alerts_per_day: expect.any(Array),
      top_players: [
        {
          external_id: 'overview-player',
          risk: { score: expect.any(Number), level: expect.any(String) },
          computed_at: expect.any(String),
        },
      ],
    });
    // One minute, or two when the drain ended in the minute after the event arrived.
    const minutes = overview.body.events_per_minute as {
      minute: string;
      received: number;
      processed: number;
      failed: number;
    }[];
    expect(minutes.length).toBeGreaterThanOrEqual(1);
    expect(minutes.length).toBeLessThanOrEqual(2);
    for (const m of minutes) expect(m.minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
    const sum = (field: 'received' | 'processed' | 'failed') =>
      minutes.reduce((total, m) => total + m[field], 0);
    expect([sum('received'), sum('processed'), sum('failed')]).toEqual([1, 1, 0]);
    expect(minutes[0].received).toBe(1);
    const days = overview.body.alerts_per_day as { day: string; total: number }[];
    expect(days).toHaveLength(30);
    expect(days[29].day).toBe(today);
    const withAlerts = days.filter((d) => d.total > 0);
    expect(withAlerts).toEqual([
      {
        day: expect.any(String),
        total: 1,
        by_severity: { LOW: 0, MEDIUM: 1, HIGH: 0, CRITICAL: 0 },
        by_rule: { LARGE_TRANSACTION: 1 },
      },
    ]);
    expect([dayBefore, today]).toContain(withAlerts[0].day);
  });

  it('sets the time zone (admins, IANA names only) and manages the allowlist', async () => {
    const admin = await loggedIn(t, (await dashboardUser(t, team.id, 'admin')).email);
    const put = (body: object) => admin.put('/dashboard/api/settings', body);
    expect((await put({ time_zone: 'Africa/Abidjan' }).expect(200)).body).toEqual({
      time_zone: 'Africa/Abidjan',
    });
    expect((await admin.get('/dashboard/api/settings').expect(200)).body).toEqual({
      time_zone: 'Africa/Abidjan',
    });
    expect((await admin.get('/dashboard/api/overview').expect(200)).body.time_zone).toBe(
      'Africa/Abidjan',
    );
    const bad = await put({ time_zone: 'Mars/Olympus_Mons' }).expect(400);
    expect(bad.body.error).toEqual({
      code: 'invalid_request',
      message: expect.stringContaining('IANA'),
    });
    await put({}).expect(400);

    const added = await admin
      .post('/dashboard/api/allowlist', { kind: 'ip', value: '41.82.10.7', note: 'Shop Plateau' })
      .expect(201);
    expect(added.body).toEqual({
      kind: 'ip',
      value: '41.82.10.7',
      note: 'Shop Plateau',
      created_at: expect.any(String),
    });
    const list = await admin.get('/dashboard/api/allowlist').expect(200);
    expect(list.body).toMatchObject({ items: [{ kind: 'ip', value: '41.82.10.7' }], total: 1 });
    await admin.delete('/dashboard/api/allowlist/ip/41.82.10.7').expect(204);
    expect((await admin.get('/dashboard/api/allowlist').expect(200)).body.total).toBe(0);

    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    await viewer.put('/dashboard/api/settings', { time_zone: 'UTC' }).expect(403);
  });
});
