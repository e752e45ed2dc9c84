#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's pictures of the dashboard (docs/screenshots/*.png), taken
 * from the built service on a fresh embedded database with the demo team, some traffic sent
 * through the API, and Debian's Chromium (CHROMIUM_PATH, /usr/bin/chromium by default).
 * Not run by CI: run it after a change to the screens and commit the pictures.
 */
const { spawn, spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const { createServer } = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { chromium } = require('playwright-core');

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = 3977;
const BASE = `http://127.0.0.1:${PORT}`;

async function main() {
  spawnSync(process.execPath, [join(__dirname, 'build-if-changed.js')], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'bm-screenshots-'));
  const receiver = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const service = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DB_URL: `sqlite:${join(dir, 'app.sqlite')}`,
      LOG_LEVEL: 'warn',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  service.stdout.on('data', (chunk) => (output += chunk));
  try {
    const demo = await demoOf(() => output);
    await sendTraffic(demo.apiKey, `http://127.0.0.1:${receiver.address().port}/hook`);
    await shoot(demo);
    process.stdout.write(`Screenshots in ${OUT}\n`);
  } finally {
    service.kill('SIGTERM');
    receiver.close();
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo team's API key and dashboard login, as the first start prints them. */
async function demoOf(output) {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const key = /\b(bmk_[A-Za-z0-9_-]+)/.exec(output())?.[1];
    const login = /Log in as (\S+) \/ (\S+) /.exec(output());
    if (key && login) return { apiKey: key, email: login[1], password: login[2] };
    await sleep(200);
  }
  throw new Error(`The service printed no demo login:\n${output()}`);
}

async function call(apiKey, method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 400)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A few players of Dakar and Abidjan: deposits, bets, a large deposit, a shared phone. */
async function sendTraffic(apiKey, hookUrl) {
  await call(apiKey, 'POST', '/api/v1/webhooks', { url: hookUrl, description: 'Compliance inbox' });
  const now = Date.now();
  const events = [];
  const event = (id, player, type, amount, minutesAgo, extra = {}) =>
    events.push({
      event_id: `shot-${id}`,
      player: { id: player, country: 'SEN', kyc_level: 1, ...extra },
      event: {
        type,
        timestamp: new Date(now - minutesAgo * 60_000).toISOString(),
        amount,
        currency: 'XOF',
      },
    });
  event('1', 'awa_diop', 'DEPOSIT', 1_750_000, 50, { phone: '+221770000001' });
  event('2', 'moussa_k', 'DEPOSIT', 25_000, 45, { phone: '+221770000001' });
  event('3', 'fatou_s', 'DEPOSIT', 30_000, 40, { phone: '+221770000001' });
  for (let i = 0; i < 6; i++) event(`r${i}`, 'ibrahima_n', 'DEPOSIT', 20_000, 30 - i);
  event('4', 'awa_diop', 'BET_PLACED', 50_000, 20);
  event('5', 'awa_diop', 'WITHDRAWAL', 1_600_000, 10);
  for (let i = 0; i < events.length; i += 100) {
    await call(apiKey, 'POST', '/api/v1/events/batch', { events: events.slice(i, i + 100) });
  }
  // The worker processes them within a second or two; the alerts follow.
  for (let waited = 0; waited < 20_000; waited += 500) {
    const alerts = await call(apiKey, 'GET', '/api/v1/alerts?size=1');
    if (alerts.data.total >= 3) return;
    await sleep(500);
  }
}

async function shoot(demo) {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await page.goto(`${BASE}/dashboard`);
    await page.getByLabel('Email').fill(demo.email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('lag').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'overview.png'), fullPage: true });

    await page.getByRole('link', { name: 'Alert queue' }).click();
    await page.locator('table.alerts').waitFor();
    await page.screenshot({ path: join(OUT, 'alert-queue.png'), fullPage: true });
    await page.locator('table.alerts a').first().click();
    await page.getByRole('heading', { level: 2, name: 'History' }).waitFor();
    await page.screenshot({ path: join(OUT, 'alert.png'), fullPage: true });

    await page.goto(`${BASE}/dashboard#/players/awa_diop`);
    await page.getByTestId('factors').waitFor();
    await page.screenshot({ path: join(OUT, 'player.png'), fullPage: true });

    await page.goto(`${BASE}/dashboard#/rules/RAPID_DEPOSITS`);
    await page.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
    await page.screenshot({ path: join(OUT, 'rule.png'), fullPage: true });

    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('link', { name: /\/hook$/ }).click();
    await page.getByRole('button', { name: 'Send a test ping' }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('delivery').first().waitFor();
    await page.screenshot({ path: join(OUT, 'webhook.png'), fullPage: true });

    await page.getByRole('link', { name: 'API playground' }).click();
    await page.getByLabel('API key').fill(demo.apiKey);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('response-status').waitFor();
    await page.screenshot({ path: join(OUT, 'playground.png'), fullPage: true });

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'File des alertes' }).click();
    await page.locator('table.alerts').waitFor();
    await page.screenshot({ path: join(OUT, 'alert-queue-fr.png'), fullPage: true });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
