import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { requestHash } from '../../src/maxbridge/signing/request-hash';
import { browserAvailable, launchChromium } from '../support/browser';
import { createTeam, type TestTeam } from '../support/fixtures';
import { createWalletUser } from '../support/maxbridge';
import { startTestApp, TEST_MAXBRIDGE_SECRET, type TestApp } from '../support/test-app';

const available = browserAvailable('the Swagger UI browser test');

/** Fills the Authorize dialog: one value per security scheme, by the scheme's name. */
async function authorize(page: Page, values: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  const dialog = page.locator('.modal-ux');
  for (const [scheme, value] of Object.entries(values)) {
    const form = dialog.locator('form').filter({ hasText: `${scheme} (apiKey)` });
    await form.locator('input#api_key_value').fill(value);
    await form.getByRole('button', { name: 'Apply credentials' }).click();
  }
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
}

/** What support staff do: open /docs in a browser, authorise with a key, try an endpoint. */
(available ? describe : describe.skip)('Swagger UI in a real browser', () => {
  let t: TestApp;
  let team: TestTeam;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('renders /docs without CSP violations, and "Try it out" on lookups answers 200 with the key', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${t.url}/docs`);
    await page.locator('.information-container .title', { hasText: 'Betting Monitor' }).waitFor();
    const operation = page.locator('[id$="-LookupsController_getLookups"]');
    await operation.waitFor();

    await authorize(page, { 'api-key': team.apiKey });

    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation
      .locator('.live-responses-table .response .response-col_status')
      .first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    expect(
      await operation.locator('.live-responses-table .microlight').first().textContent(),
    ).toContain('ORANGE_SN');

    const shots = join(__dirname, '..', '..', 'test-results');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'swagger-ui.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('tries MaxBridge get-user-info with a Nonce and Hash signed outside the browser, as `maxbridge sign` signs it', async () => {
    const userId = await createWalletUser(t, { balance: 4321 });
    const body = `{"user_id":${userId}}`;
    const nonce = `swagger-${Date.now()}`;
    const page = await browser.newPage();
    await page.goto(`${t.url}/docs`);
    const operation = page.locator('[id$="-PaymentController_getUserInfo"]');
    await operation.waitFor();
    await authorize(page, {
      'maxbridge-nonce': nonce,
      'maxbridge-hash': requestHash(nonce, body, TEST_MAXBRIDGE_SECRET),
    });

    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.locator('textarea.body-param__text').fill(body);
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation
      .locator('.live-responses-table .response .response-col_status')
      .first();
    await status.waitFor();
    expect((await status.textContent())?.trim()).toBe('200');
    const answer = await operation
      .locator('.live-responses-table .microlight')
      .first()
      .textContent();
    expect(JSON.parse(answer!)).toMatchObject({
      code: 10,
      data: { userinfo: { userID: userId, balance: 4321 } },
    });
  });
});
