import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { WebhookDispatcher } from '../../src/webhooks/delivery/webhook-dispatcher';
import { dashboardUser, PASSWORD } from '../dashboard/support';
import { browserAvailable, launchChromium } from '../support/browser';
import { createTeam, type TestTeam } from '../support/fixtures';
import { sendLargeDeposit } from '../support/large-deposit';
import { startTestApp, type TestApp } from '../support/test-app';
import { Receiver } from '../webhooks/receiver';

const available = browserAvailable('the dashboard browser test');

/**
 * The dashboard as its users work it, in Debian's Chromium: an integration engineer makes a key
 * and tries it in the playground; an analyst works an alert from open to resolved, in French.
 */
(available ? describe : describe.skip)('dashboard in a real browser', () => {
  let t: TestApp;
  let team: TestTeam;
  let browser: Browser;
  let admin: { email: string };
  let receiver: Receiver;

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
    receiver = new Receiver();
    await receiver.start();
    team = await createTeam(t);
    admin = await dashboardUser(t, team.id, 'admin');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await receiver?.close();
  });

  /**
   * A new page logged in as `email`, in `locale` (and `timezoneId`, else the machine's), recording
   * any console error or CSP refusal.
   */
  async function logIn(email: string, locale = 'en-GB', timezoneId?: string) {
    const context = await browser.newContext({ locale, timezoneId });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      // The page asks for its session first: logged out, that is a 401 the browser reports.
      const sessionProbe = message.location().url.endsWith('/dashboard/api/session');
      if (message.type() === 'error' && !sessionProbe) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.url}/dashboard`);
    await page.getByLabel(/^(Email|E-mail)$/).fill(email);
    await page.getByLabel(/^(Password|Mot de passe)$/).fill(PASSWORD);
    await page.getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
    await page.getByRole('navigation', { name: /^(Main|Menu principal)$/ }).waitFor();
    return { page, problems };
  }

  it('logs in, creates a key shown once, and calls the API with it from the playground', async () => {
    const { page, problems } = await logIn(admin.email);
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Label').fill('playground key');
    await page.getByRole('button', { name: 'Create a key' }).click();
    const key = (await page.getByTestId('new-key').textContent())!;
    expect(key).toMatch(/^bmk_/);
    await page.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(key);
    await page.getByRole('row', { name: /playground key/ }).waitFor();

    await page.getByRole('link', { name: 'API playground' }).click();
    await page.getByLabel('API key').fill(key);
    await chooseRoute(page, 'GET /api/v1/lookups —');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(text(page, 'response-status')).resolves.toBe('200 OK');
    expect(await text(page, 'response-body')).toContain('ORANGE_SN');
    await page.getByText('x-ratelimit-limit').waitFor();

    // The seed's deposit, preloaded, is accepted with the same key.
    await chooseRoute(page, 'POST /api/v1/events —');
    expect(JSON.parse(await page.getByLabel('Request body (JSON)').inputValue())).toMatchObject({
      event_id: expect.any(String),
      player: { id: expect.any(String) },
    });
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(text(page, 'response-status')).resolves.toBe('202 Accepted');
    await screenshot(page, 'dashboard-playground.png');
    expect(problems).toEqual([]);
  });

  it('adds a webhook with its secret shown once, pings it, and sees the delivery in its log', async () => {
    const { page, problems } = await logIn(admin.email);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('URL').fill(`${receiver.url}/dashboard-hook`);
    await page.getByLabel('Description').fill('Compliance inbox');
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await page.getByRole('link', { name: `${receiver.url}/dashboard-hook` }).click();
    await page.getByRole('button', { name: 'Send a test ping' }).click();
    await page.getByText('Ping queued').waitFor();
    // The dispatcher is off in tests (suites share MariaDB): one round of it sends the ping.
    expect(await t.app.get(WebhookDispatcher).sendDue()).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const delivery = page.getByTestId('delivery').first();
    await delivery.getByText('Delivered').waitFor();
    expect(await delivery.textContent()).toContain('ping');
    expect(await delivery.getByRole('row').nth(1).textContent()).toContain('200');
    const sent = receiver.received.filter((r) => r.path === '/dashboard-hook');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].body)).toMatchObject({ type: 'ping' });
    await screenshot(page, 'dashboard-webhook.png');

    // The receiver answers 410 Gone: the service disables the endpoint, which the page tells
    // apart from a pause by the team.
    receiver.script('/dashboard-hook', { status: 410, body: 'gone' });
    await page.getByRole('button', { name: 'Send a test ping' }).click();
    await page.getByText('Ping queued').waitFor();
    expect(await t.app.get(WebhookDispatcher).sendDue()).toBeGreaterThanOrEqual(1);
    await page.reload();
    await page.getByText('Disabled by the service: it answered 410 Gone').waitFor();
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page
      .getByRole('row', { name: /dashboard-hook/ })
      .getByText('Disabled by the service: it answered 410 Gone')
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('words a failing webhook’s delivery log in French, the service’s own English text kept as its title', async () => {
    const { page, problems } = await logIn(admin.email, 'fr-FR');
    receiver.script('/failing-hook', { status: 500, body: 'boom' });
    const failing = async (url: string) => {
      await page.getByRole('link', { name: 'Webhooks' }).first().click();
      await page.getByLabel('URL').fill(url);
      await page.getByRole('button', { name: 'Ajouter le webhook' }).click();
      await page.getByTestId('webhook-secret').waitFor();
      await page.getByRole('link', { name: url }).click();
      await page.getByRole('button', { name: 'Envoyer un ping de test' }).click();
      await page.getByText('Ping en file').waitFor();
      expect(await t.app.get(WebhookDispatcher).sendDue()).toBeGreaterThanOrEqual(1);
      await page.reload();
      return page.getByTestId('delivery').first().getByRole('row').nth(1).locator('code');
    };

    const answered = await failing(`${receiver.url}/failing-hook`);
    expect(await answered.textContent()).toBe('a répondu 500');
    expect(await answered.getAttribute('title')).toBe('answered 500');
    // Nothing listens on port 9 (discard): the connection is refused.
    const refused = await failing('http://127.0.0.1:9/nobody');
    expect(await refused.textContent()).toBe('connexion refusée par 127.0.0.1:9');
    expect(problems).toEqual([]);
  });

  it('filters the queue by days of the browser’s zone, the last day included whole', async () => {
    const { page, problems } = await logIn(admin.email, 'en-GB', 'America/Sao_Paulo');
    await page.getByRole('link', { name: 'Alert queue' }).click();
    await page.getByRole('heading', { name: 'Alert queue' }).waitFor();
    // The queue's own first load may still be on its way: wait for the request that carries the day.
    const sent = async (label: string, day: string, param: string) => {
      const request = page.waitForRequest(
        (r) => r.url().includes('/alerts?') && new URL(r.url()).searchParams.has(param),
      );
      await page.getByLabel(label).fill(day);
      return new URL((await request).url()).searchParams.get(param);
    };
    expect(await sent('Created from', '2026-12-07', 'from')).toBe('2026-12-07T03:00:00.000Z');
    // `to` is exclusive: the next day's start in São Paulo (UTC-3).
    expect(await sent('Created until', '2026-12-07', 'to')).toBe('2026-12-08T03:00:00.000Z');
    expect(problems).toEqual([]);
  });

  it('works an alert from open to resolved, in French, each move in its history', async () => {
    const analyst = await dashboardUser(t, team.id, 'analyst');
    const eventId = `browser-${Date.now()}`;
    await sendLargeDeposit(t, team.apiKey, eventId, 'joueur-1');
    await t.app.get(ProcessingWorker).drain();

    const { page, problems } = await logIn(analyst.email, 'fr-SN');
    await page.getByRole('link', { name: 'File des alertes' }).click();
    await page.getByRole('heading', { name: 'File des alertes' }).waitFor();
    const row = page.getByRole('row', { name: /joueur-1/ });
    expect((await row.textContent())!.replace(/\s/g, ' ')).toContain(
      'Dépôt de 1 500 000 XOF ; seuil 1 000 000 XOF',
    );
    await row.getByRole('link', { name: 'Dépôt ou retrait important' }).click();
    // Its event, by the operator's own id.
    await page.getByRole('columnheader', { name: 'Identifiant opérateur' }).waitFor();
    await page.getByRole('cell', { name: eventId }).waitFor();
    await page.getByRole('button', { name: 'M’assigner' }).click();
    await page.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await page.getByRole('button', { name: 'Prendre en charge' }).waitFor({ state: 'detached' });
    await page.getByLabel('Note').fill('Dépôt du jour de paie, habituel pour ce joueur');
    await page.getByRole('button', { name: 'Résoudre' }).click();
    await page.getByRole('heading', { name: /Résolue/ }).waitFor();
    await screenshot(page, 'dashboard-alert.png');

    const alerts = await t.http.get('/api/v1/alerts').set('x-api-key', team.apiKey).expect(200);
    const id = alerts.body.data.items[0].id as string;
    const detail = await t.http.get(`/api/v1/alerts/${id}`).set('x-api-key', team.apiKey);
    const actor = { kind: 'user', id: String(analyst.id) };
    expect(detail.body.data).toMatchObject({ status: 'RESOLVED', assignee: analyst.email });
    expect(
      detail.body.data.history.map((entry: Record<string, unknown>) => ({
        action: entry.action,
        actor: entry.actor,
        to: entry.to_status,
        note: entry.note,
      })),
    ).toEqual([
      {
        action: 'created',
        actor: { kind: 'rule', id: 'LARGE_TRANSACTION@1' },
        to: 'OPEN',
        note: null,
      },
      { action: 'updated', actor, to: 'OPEN', note: null },
      { action: 'updated', actor, to: 'ACKNOWLEDGED', note: null },
      {
        action: 'updated',
        actor,
        to: 'RESOLVED',
        note: 'Dépôt du jour de paie, habituel pour ce joueur',
      },
    ]);

    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('link', { name: 'Back to the queue' }).waitFor();
    // The alert is read again in English: its reason too.
    await page.getByText('Deposit of 1,500,000 XOF; threshold 1,000,000 XOF').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('opens a player: the risk score explained factor by factor, linked players, timeline', async () => {
    const phone = `+22177${String(Date.now()).slice(-7)}`;
    for (const [player, amount] of [
      ['p360-a', 1_500_000],
      ['p360-b', 10_000],
    ] as const) {
      await t.http
        .post('/api/v1/events')
        .set('x-api-key', team.apiKey)
        .send({
          event_id: `p360-${player}-${Date.now()}`,
          player: { id: player, phone, country: 'SEN', kyc_level: 1 },
          event: { type: 'DEPOSIT', timestamp: new Date().toISOString(), amount, currency: 'XOF' },
        })
        .expect(202);
    }
    await t.app.get(ProcessingWorker).drain();

    const { page, problems } = await logIn(admin.email);
    await page.getByRole('link', { name: 'Players' }).click();
    await page.getByLabel('Player id').fill('p360-a');
    await page.getByRole('button', { name: 'Open' }).click();
    const api = await t.http
      .get('/api/v1/players/p360-a')
      .set('x-api-key', team.apiKey)
      .expect(200);
    const { risk } = api.body.data;
    await page.getByTestId('risk').getByText(`Risk ${risk.score}`).waitFor();
    const factors = await page.getByTestId('factors').locator('li').allTextContents();
    expect(factors).toEqual(
      risk.factors.map(
        (f: { points: number; description: string }) => `+${f.points} ${f.description}`,
      ),
    );
    expect(factors.join(' ')).toContain(
      'Alert "Large deposit or withdrawal" (medium severity, open)',
    );
    await page.getByRole('link', { name: 'p360-b' }).first().waitFor();
    expect(await page.getByRole('img', { name: /Graph of 1 linked player/ }).count()).toBe(1);
    expect(await page.getByTestId('timeline').textContent()).toContain('Deposit');
    await screenshot(page, 'dashboard-player.png');
    expect(problems).toEqual([]);

    // In French: the factors, the counters' periods and the timeline in words.
    const french = await logIn(admin.email, 'fr-SN');
    await french.page.getByRole('link', { name: 'Joueurs' }).click();
    await french.page.getByLabel('Identifiant du joueur').fill('p360-a');
    await french.page.getByRole('button', { name: 'Ouvrir' }).click();
    await french.page
      .getByText('Alerte « Dépôt ou retrait important » (gravité moyenne, ouverte)', {
        exact: false,
      })
      .waitFor();
    const timeline = await french.page.getByTestId('timeline').textContent();
    expect([timeline?.includes('Dépôt'), timeline?.includes('Traité')]).toEqual([true, true]);
    await french.page.getByRole('cell', { name: '7 jours' }).first().waitFor();
    expect(french.problems).toEqual([]);
  });

  it('puts a rule in shadow with a lower count: a new version, authored by the admin', async () => {
    const { page, problems } = await logIn(admin.email);
    await page.getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('link', { name: 'Rapid succession of deposits' }).click();
    await page.getByLabel('Mode').selectOption('shadow');
    await page.getByLabel('count').fill('4');
    await page.getByRole('button', { name: 'Save: a new version' }).click();
    await page.getByText('Saved as version 2.').waitFor();
    const versions = await page.getByTestId('versions').locator('li').allTextContents();
    expect(versions[0]).toContain('v2 Shadow');
    expect(versions[0]).toContain('{"count":4}');
    const api = await t.http
      .get('/api/v1/rules/RAPID_DEPOSITS')
      .set('x-api-key', team.apiKey)
      .expect(200);
    expect(api.body.data).toMatchObject({ mode: 'shadow', version: 2 });
    expect(api.body.data.parameters.count.value).toBe(4);
    expect(problems).toEqual([]);
  });

  it('invites an analyst with a one-time link; the link sets their password; they log in', async () => {
    const { page } = await logIn(admin.email);
    await page.getByRole('link', { name: 'Users' }).click();
    const email = `invited-${Date.now()}@team.test`;
    await page.getByLabel('Email').fill(email);
    await page.locator('form select[name=role]').selectOption('analyst');
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = (await page.getByTestId('invitation-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${t.url}/dashboard#/invitation/`));

    const invited = await (await browser.newContext()).newPage();
    invited.setDefaultTimeout(10_000);
    await invited.goto(link);
    await invited.getByLabel('Password (10 characters or more)').fill(PASSWORD);
    await invited.getByLabel('The same password again').fill(PASSWORD);
    await invited.getByRole('button', { name: 'Set my password' }).click();
    await invited.getByText(`Done. Log in as ${email}.`).waitFor();
    await invited.getByRole('button', { name: 'Log in' }).click();
    await invited.getByLabel('Email').fill(email);
    await invited.getByLabel('Password').fill(PASSWORD);
    await invited.getByRole('button', { name: 'Log in' }).click();
    await invited.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await invited.getByRole('link', { name: 'Users' }).count()).toBe(0);

    // The link works once.
    const again = await t.http
      .post('/dashboard/api/users/invitations/accept')
      .send({ token: link.split('/').pop(), password: PASSWORD });
    expect(again.status).toBe(404);
    await page.reload();
    await page.getByRole('cell', { name: email }).waitFor();
  });

  it('opens on the overview, refreshed live, with days in the team’s time zone; by keyboard too', async () => {
    const { page, problems } = await logIn(admin.email);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByTestId('lag').waitFor();
    const overview = await t.http
      .get('/api/v1/alerts?size=1')
      .set('x-api-key', team.apiKey)
      .expect(200);
    expect(Number(await page.getByTestId('alerts-30').textContent())).toBe(
      overview.body.data.total,
    );
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'dashboard-overview.png');

    // The first Tab reaches the skip link; Enter moves the focus to the content.
    await page.keyboard.press('Tab');
    await page.getByRole('link', { name: 'Skip to content' }).waitFor();
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    await page.getByRole('link', { name: 'Team settings' }).click();
    await page.getByLabel('Time zone of per-day figures').fill('Africa/Dakar');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByText(/days in Africa\/Dakar/).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a viewer the queue without the moves, and keeps the keys screen for admins', async () => {
    const viewer = await dashboardUser(t, team.id, 'viewer');
    const { page } = await logIn(viewer.email);
    await page.getByRole('link', { name: 'Alert queue' }).click();
    await page.getByRole('heading', { name: 'Alert queue' }).waitFor();
    expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);
    // Alerts created up to two days ago: none (this suite's alerts are minutes old). Not
    // yesterday: alerts made before midnight are yesterday's when the suite runs across it, and
    // the page reads that day's end in the browser's time zone, up to 12 h behind UTC.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Created until').fill(twoDaysAgo);
    await page.getByText('No alert matches these filters.').waitFor();
    await page.getByLabel('Created until').fill('');
    await page.getByText(/^\d+ alerts$/).waitFor();
    await page.getByRole('searchbox', { name: 'Assignee' }).fill('nobody@team.test');
    await page.getByRole('searchbox', { name: 'Assignee' }).press('Enter');
    await page.getByText('No alert matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });
});

/** Picks the playground's route whose label starts with `start` (method, path, summary). */
async function chooseRoute(page: Page, start: string) {
  // The routes come from the OpenAPI document, read when the page opens.
  await page.getByLabel('Route').locator('option').first().waitFor({ state: 'attached' });
  const labels = await page.getByLabel('Route').locator('option').allTextContents();
  const label = labels.find((l) => l.startsWith(start));
  if (!label) throw new Error(`No route ${start} in the playground: ${labels.join('; ')}`);
  await page.getByLabel('Route').selectOption({ label });
}

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).textContent())?.trim();

async function screenshot(page: Page, name: string) {
  const shots = join(__dirname, '..', '..', 'test-results');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name), fullPage: true });
}
