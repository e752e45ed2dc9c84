import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.REQUIRE_BROWSER === '1') {
  throw new Error(
    `REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
}
if (!available)
  process.stderr.write(
    `[e2e] no Chromium at ${CHROMIUM}: the Swagger UI browser test is skipped\n`,
  );

/** What support staff do: open /docs in a browser, authorise with a key, try an endpoint. */
(available ? describe : describe.skip)('Swagger UI in a real browser', () => {
  let t: TestApp;
  let team: TestTeam;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    team = await createTeam(t);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
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

    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input#api_key_value').fill(team.apiKey);
    await dialog.getByRole('button', { name: 'Apply credentials' }).click();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

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
});
