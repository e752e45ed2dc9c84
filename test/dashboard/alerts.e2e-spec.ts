import { sendLargeDeposit } from '../support/large-deposit';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dashboardUser, loggedIn } from './support';

/**
 * The alert queue through the dashboard: the same service, filters and audit trail as
 * `/api/v1/alerts`, the user named as the actor, the team's alerts only.
 */
describe('dashboard alert queue', () => {
  let t: TestApp;
  let team: TestTeam;
  let run = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
    run++;
  });

  /** A deposit of 1,500,000 XOF, processed: a LARGE_TRANSACTION alert; its uuid. */
  const raiseAlert = async (apiKey = team.apiKey, player = `p-${run}`) => {
    await sendLargeDeposit(t, apiKey, `dash-${run}-${Math.random()}`, player);
    await t.app.get(ProcessingWorker).drain();
    const list = await t.http.get('/api/v1/alerts').set('x-api-key', apiKey).expect(200);
    return list.body.data.items[0].id as string;
  };

  it('lists and shows the team’s alerts as the API does, in the user’s language', async () => {
    const id = await raiseAlert();
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const api = await t.http.get(`/api/v1/alerts/${id}`).set('x-api-key', team.apiKey).expect(200);
    const shown = await viewer.get(`/dashboard/api/alerts/${id}`).expect(200);
    expect(shown.body).toEqual(api.body.data);
    const page = await viewer.get('/dashboard/api/alerts?status=OPEN&size=10').expect(200);
    const listed = await t.http
      .get('/api/v1/alerts?status=OPEN&size=10')
      .set('x-api-key', team.apiKey)
      .expect(200);
    expect(page.body).toEqual(listed.body.data);
    expect(page.body).toMatchObject({ items: [{ id, status: 'OPEN' }], total: 1, page_size: 10 });
    const french = await viewer
      .get(`/dashboard/api/alerts/${id}`)
      .set('accept-language', 'fr-SN,fr;q=0.9')
      .expect(200);
    // French groups digits with narrow no-break spaces.
    expect(french.body.reason.text.replace(/\s/g, ' ')).toBe(
      'Dépôt de 1 500 000 XOF ; seuil 1 000 000 XOF',
    );
    const bad = await viewer.get('/dashboard/api/alerts?status=DONE').expect(400);
    expect(bad.body.error).toEqual({
      code: 'invalid_request',
      message: expect.stringContaining('status'),
      fields: ['status'],
    });
  });

  it('pages the queue by severity, most severe first (or least), newest first within one', async () => {
    const raised: string[] = [];
    for (const [i, severity] of ['LOW', 'MEDIUM', 'LOW', 'CRITICAL', 'MEDIUM'].entries()) {
      await t.http
        .put('/api/v1/rules/LARGE_TRANSACTION')
        .set('x-api-key', team.apiKey)
        .send({ severity })
        .expect(200);
      raised.push(await raiseAlert(team.apiKey, `sev-${run}-${i}`));
    }
    const [low1, medium1, low2, critical, medium2] = raised;
    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const page = async (sort: string, n: number) => {
      const res = await viewer
        .get(`/dashboard/api/alerts?sort=${sort}&size=2&page=${n}`)
        .expect(200);
      expect(res.body.total).toBe(5);
      return res.body.items.map((a: { id: string }) => a.id);
    };
    expect([
      ...(await page('-severity', 1)),
      ...(await page('-severity', 2)),
      ...(await page('-severity', 3)),
    ]).toEqual([critical, medium2, medium1, low2, low1]);
    expect([...(await page('severity', 1)), ...(await page('severity', 2))]).toEqual([
      low1,
      low2,
      medium1,
      medium2,
    ]);
    expect(await page('-severity', 4)).toEqual([]);
  });

  it('lets an analyst work an alert, named in its history; a viewer may not; other teams’ are 404', async () => {
    const id = await raiseAlert();
    const analyst = await dashboardUser(t, team.id, 'analyst');
    const browser = await loggedIn(t, analyst.email);
    const worked = await browser
      .patch(`/dashboard/api/alerts/${id}`, {
        status: 'ACKNOWLEDGED',
        assignee: analyst.email,
        note: 'Salary day',
      })
      .expect(200);
    expect(worked.body).toMatchObject({ id, status: 'ACKNOWLEDGED', assignee: analyst.email });
    expect(worked.body.history.at(-1)).toEqual({
      at: expect.any(String),
      actor: { kind: 'user', id: String(analyst.id) },
      action: 'updated',
      from_status: 'OPEN',
      to_status: 'ACKNOWLEDGED',
      assignee: analyst.email,
      note: 'Salary day',
    });
    const illegal = await browser
      .patch(`/dashboard/api/alerts/${id}`, { status: 'OPEN' })
      .expect(409);
    expect(illegal.body.error.code).toBe('conflict');

    const viewer = await loggedIn(t, (await dashboardUser(t, team.id, 'viewer')).email);
    const refused = await viewer.patch(`/dashboard/api/alerts/${id}`, { status: 'RESOLVED' });
    expect(refused.status).toBe(403);

    const other = await createTeam(t);
    const theirs = await raiseAlert(other.apiKey);
    const hidden = await browser.get(`/dashboard/api/alerts/${theirs}`).expect(404);
    expect(hidden.body).toEqual({
      error: { code: 'not_found', message: `Alert ${theirs} not found` },
    });
    await browser.patch(`/dashboard/api/alerts/${theirs}`, { status: 'RESOLVED' }).expect(404);
    const list = await browser.get('/dashboard/api/alerts').expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });
});
