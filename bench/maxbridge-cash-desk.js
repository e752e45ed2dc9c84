#!/usr/bin/env node
/**
 * `npm run bench:maxbridge` (second part) or `node bench/maxbridge-cash-desk.js [-- --ops 3000
 *   --rounds 3 --connections 32 --keep --skip-build]`
 *
 * MaxBridge's cash desk (issue 17) on MariaDB (DB_SERVER_URL, mariadb://root@127.0.0.1:3306 by
 * default), against a ceiling measured in the same run, on the same database: a raw mysql2 loop
 * running the service's own statements.
 *
 *   reservations  POST /api/lockless-reservation/create (retail key), each for a user of its own
 *                 among many, --ops a measure; ceiling: a raw mysql2 loop running the service's
 *                 own statements (loaded from dist/: the retail key's lookup, then the facts read
 *                 and the INSERT of ReservationsService.create, in a transaction) over a pool of
 *                 10 connections with 10 in flight (bench/support/maxbridge-cash-desk-ceiling.js,
 *                 its own process). Target >= 0.5.
 *   SSBT commits  POST /api/ssbt-deposit/commit of a Pending deposit of its own, across many
 *                 users; ceiling: the same raw loop running the key's lookup then the statements
 *                 of SsbtDepositsService.credit (settle, read back, account, credit, ledger row,
 *                 link). Target >= 0.5.
 *   hot user      one user racing itself: 20 reservation creates at once (exactly one may win), then
 *                 20 times a deposit committed by 5 retail commits and 5 front-end deposits at once
 *                 (exactly one may credit); how fast the others are refused.
 *
 * Load: --connections keep-alive connections (bench/support/maxbridge-http-client.js), each sending
 * its next request when the previous answer arrived. Every answer is checked (200 RESERVED with a
 * GUID, or the commit's Success object); anything else is a failure. The ceiling and the service
 * alternate within each round. After each measure the money is checked in the database: as many
 * reservations as answers, one open per user at most, no balance moved by a reservation; as many
 * credited deposits as answers, each with one ledger row of its amount, every balance equal to the
 * sum of its ledger. Writes bench/results/maxbridge-cash-desk.md and .json; exits 1 when a check
 * failed (never for a missed target). CEILING_KEY_LOOKUPS=each makes the ceiling run one retail key
 * lookup per operation instead of sharing them among concurrent operations as the service does.
 */
const { createHash, randomBytes, randomUUID } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { spawn } = require('node:child_process');
const { HttpConnection } = require('./support/maxbridge-http-client');
const { admin, SERVER_URL } = require('./support/bench-database');
const {
  ROOT,
  buildService,
  startServer,
  stopServer,
  cpuSeconds,
  gitState,
  median,
  log,
  saveResults,
} = require('./support/process');
const { databaseTime } = require('./support/ingest-events');

const { values: args } = parseArgs({
  options: {
    ops: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    keep: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const OPS = Number(args.ops);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const POOL_SIZE = 10;
// The ceiling's retail key lookups: shared as the service shares them, or `each` (one per operation).
const KEY_LOOKUPS = process.env.CEILING_KEY_LOOKUPS === 'each' ? 'each' : 'shared';
const TARGET = 0.5;
const RUN = randomBytes(3).toString('hex');
const PASSWORD = 'bench hot user password';
const RACES = 20;
// Per round, each of the four measures uses OPS items of its own; the warm-up a tenth of that.
const ITEMS = Math.ceil(OPS * (ROUNDS + 0.1)) + 10;

const round2 = (x) => Math.round(x * 100) / 100;
const failures = [];

// ---- data --------------------------------------------------------------------------------

async function seed(db, key) {
  const now = databaseTime(new Date());
  const insert = async (sql, rows) => {
    for (let i = 0; i < rows.length; i += 1000) await db.query(sql, [rows.slice(i, i + 1000)]);
  };
  const { hashPassword } = require('../dist/common/auth/password-hash.js');
  const hotHash = await hashPassword(PASSWORD);
  const count = ITEMS * 4 + 1;
  await insert(
    'INSERT INTO wallet_users (user_name, password_hash, full_name, birth_date, transaction_max_limit, ' +
      'transaction_min_limit, user_status_id, preferred_currency_id, registration_domain, additional_data, ' +
      'created_at, updated_at) VALUES ?',
    Array.from({ length: count }, (_, i) => [
      `cd_${RUN}_${i}`,
      i === 0 ? hotHash : 'bench-not-a-password-hash',
      null,
      null,
      10 ** 12,
      1,
      2,
      978,
      null,
      null,
      now,
      now,
    ]),
  );
  const [users] = await db.query('SELECT id FROM wallet_users WHERE user_name LIKE ? ORDER BY id', [
    `cd\\_${RUN}\\_%`,
  ]);
  const ids = users.map((u) => Number(u.id));
  await insert(
    'INSERT INTO wallet_accounts (user_id, currency, balance, created_at, updated_at) VALUES ?',
    ids.map((id) => [id, 'EUR', 1_000_000, now, now]),
  );
  const [accounts] = await db.query('SELECT id FROM wallet_accounts ORDER BY id');
  await insert(
    'INSERT INTO wallet_ledger (account_id, type, amount, fee, currency, balance_after, provider_transaction_id, ' +
      'core_transaction_id, service_id, client_ip, language, note, created_at) VALUES ?',
    accounts.map((a) => [
      a.id,
      'adjustment',
      1_000_000,
      null,
      'EUR',
      1_000_000,
      null,
      `open-${RUN}-${a.id}`,
      null,
      null,
      null,
      'opening',
      now,
    ]),
  );
  const location = randomUUID();
  await db.query(
    'INSERT INTO maxbridge_locations (id, name, description, lat, longitude, open_hours, city_id, district_id, created_at) ' +
      "VALUES (?, 'Bench desk', NULL, 14.69, -17.44, '{}', NULL, NULL, ?)",
    [location, now],
  );
  await db.query(
    'INSERT INTO maxbridge_retail_keys (key_hash, prefix, label, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)',
    [createHash('sha256').update(key).digest('hex'), key.slice(0, 10), 'bench', now],
  );
  // The deposits to commit: one Pending deposit for each user of the commit pools.
  const commitUsers = ids.slice(1 + 2 * ITEMS);
  const deposits = commitUsers.map((userId) => ({ userId, depositId: randomUUID() }));
  await insert(
    'INSERT INTO maxbridge_ssbt_deposits (id, user_id, amount, currency, device_id, reference, status, ' +
      'ledger_entry_id, credited_via, created_at, settled_at) VALUES ?',
    deposits.map((d) => [
      d.depositId,
      d.userId,
      2500,
      'EUR',
      1345,
      `ref-${d.depositId}`,
      'Pending',
      null,
      null,
      now,
      null,
    ]),
  );
  return {
    location,
    hotUserId: ids[0],
    hotUserName: `cd_${RUN}_0`,
    pools: {
      serviceCreate: ids.slice(1, 1 + ITEMS).map((userId) => ({ userId })),
      ceilingCreate: ids.slice(1 + ITEMS, 1 + 2 * ITEMS).map((userId) => ({ userId })),
      serviceCommit: deposits.slice(0, ITEMS),
      ceilingCommit: deposits.slice(ITEMS, 2 * ITEMS),
    },
  };
}

// ---- measures ----------------------------------------------------------------------------

const requestText = (port, path, headers, body) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
  `Content-Type: application/json\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

const percentile = (sorted, q) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** `items` sent by --connections connections through the service; each answer checked. */
async function serviceLoad(context, items, toRequest, check) {
  const connections = Array.from(
    { length: CONNECTIONS },
    () => new HttpConnection({ port: context.port }),
  );
  const latencies = [];
  let ok = 0;
  let bad = null;
  let next = 0;
  const cpuBefore = cpuSeconds(context.server.child.pid);
  const started = performance.now();
  await Promise.all(
    connections.map(async (connection) => {
      while (next < items.length) {
        const item = items[next++];
        const sent = performance.now();
        const answer = await connection.request(toRequest(item));
        latencies.push(performance.now() - sent);
        if (check(answer, item)) ok++;
        else bad ??= `${answer.status} ${answer.text.slice(0, 200)}`;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const connection of connections) connection.close();
  latencies.sort((a, b) => a - b);
  if (bad) failures.push(`service: ${items.length - ok} wrong answers, first ${bad}`);
  return {
    done: ok,
    seconds: round2(seconds),
    perSecond: ok / seconds,
    p50Ms: round2(percentile(latencies, 0.5)),
    p99Ms: round2(percentile(latencies, 0.99)),
    serverCpuPercent: Math.round(
      ((cpuSeconds(context.server.child.pid) - cpuBefore) / seconds) * 100,
    ),
  };
}

function ceilingLoad(context, mode, items) {
  const file = join(tmpdir(), `cd-ceiling-${RUN}-${randomBytes(3).toString('hex')}.json`);
  writeFileSync(file, JSON.stringify(items));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/support/maxbridge-cash-desk-ceiling.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DB_URL: context.dbUrl,
        CEILING_MODE: mode,
        CEILING_WORKERS: String(POOL_SIZE),
        CEILING_POOL_SIZE: String(POOL_SIZE),
        CEILING_ITEMS: file,
        CEILING_RETAIL_KEY: context.key,
        CEILING_LOCATION_ID: context.data.location,
        CEILING_KEY_LOOKUPS: KEY_LOOKUPS,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`ceiling exited with ${code}`));
      const run = JSON.parse(output);
      if (run.refused) failures.push(`ceiling ${mode}: ${run.refused} refused`);
      resolve({
        ...run,
        seconds: round2(run.seconds),
        p50Ms: round2(run.p50Ms),
        p99Ms: round2(run.p99Ms),
      });
    });
  });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const json = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

function serviceCreate(context, items) {
  const headers = { Authorization: context.key };
  return serviceLoad(
    context,
    items,
    ({ userId }) =>
      requestText(
        context.port,
        '/api/lockless-reservation/create',
        headers,
        JSON.stringify({
          locationId: context.data.location,
          currency: 'EUR',
          amount: 100,
          balance: 1_000_000,
          userId,
        }),
      ),
    (answer) =>
      answer.status === 200 &&
      json(answer.text)?.code === 'RESERVED' &&
      GUID.test(json(answer.text).id),
  );
}

function serviceCommit(context, items) {
  const headers = { Authorization: context.key };
  return serviceLoad(
    context,
    items,
    ({ userId, depositId }) =>
      requestText(
        context.port,
        '/api/ssbt-deposit/commit',
        headers,
        JSON.stringify({ reservationId: depositId, userId }),
      ),
    (answer, item) =>
      answer.status === 200 &&
      json(answer.text)?.status === 'Success' &&
      json(answer.text).reservationId === item.depositId,
  );
}

// ---- money checks --------------------------------------------------------------------------

async function checkReservations(db, items, expected, label) {
  const ids = items.map((i) => i.userId);
  const [[row]] = await db.query(
    "SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS users, SUM(status = 'Approved') AS open " +
      'FROM maxbridge_reservations WHERE user_id IN (?)',
    [ids],
  );
  const [[money]] = await db.query(
    'SELECT SUM(balance) AS total, COUNT(*) AS n FROM wallet_accounts WHERE user_id IN (?)',
    [ids],
  );
  const ok =
    Number(row.n) === expected &&
    Number(row.users) === expected &&
    Number(row.open) === expected &&
    Number(money.total) === ids.length * 1_000_000;
  if (!ok) failures.push(`${label}: ${JSON.stringify({ row, money, expected })}`);
  return ok;
}

async function checkCommits(db, items, expected, label) {
  const ids = items.map((i) => i.depositId);
  const users = items.map((i) => i.userId);
  const [[row]] = await db.query(
    "SELECT SUM(status = 'Success') AS credited, COUNT(DISTINCT ledger_entry_id) AS entries FROM maxbridge_ssbt_deposits WHERE id IN (?)",
    [ids],
  );
  const [[ledger]] = await db.query(
    'SELECT COUNT(*) AS n, SUM(l.amount) AS total FROM maxbridge_ssbt_deposits d ' +
      "JOIN wallet_ledger l ON l.id = d.ledger_entry_id AND l.type = 'deposit' WHERE d.id IN (?)",
    [ids],
  );
  const [[drift]] = await db.query(
    'SELECT COUNT(*) AS n FROM wallet_accounts a WHERE a.user_id IN (?) AND a.balance <> ' +
      '(SELECT SUM(l.amount) FROM wallet_ledger l WHERE l.account_id = a.id)',
    [users],
  );
  const ok =
    Number(row.credited) === expected &&
    Number(row.entries) === expected &&
    Number(ledger.n) === expected &&
    Number(ledger.total ?? 0) === expected * 2500 &&
    Number(drift.n) === 0;
  if (!ok) failures.push(`${label}: ${JSON.stringify({ row, ledger, drift, expected })}`);
  return ok;
}

// ---- the hot user ----------------------------------------------------------------------------

async function post(context, path, body, headers = {}) {
  const sent = performance.now();
  const response = await fetch(`http://127.0.0.1:${context.port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: json(text), ms: performance.now() - sent };
}

async function hotUser(context, db) {
  const { hotUserId, hotUserName, location } = context.data;
  const retail = { authorization: context.key };
  const creates = await Promise.all(
    Array.from({ length: RACES }, () =>
      post(
        context,
        '/api/lockless-reservation/create',
        { locationId: location, currency: 'EUR', amount: 100, balance: 1, userId: hotUserId },
        retail,
      ),
    ),
  );
  const createWins = creates.filter((a) => a.status === 200).length;
  for (const odd of creates.filter((a) => a.status !== 200 && a.status !== 409))
    failures.push(`hot user create answered ${odd.status} ${JSON.stringify(odd.body)}`);
  const createLosers = creates
    .filter((a) => a.status === 409 && a.body?.code === 'RESERVED')
    .map((a) => a.ms);
  if (createWins !== 1 || createLosers.length !== RACES - 1)
    failures.push(`hot user creates: ${createWins} won, ${createLosers.length} refused with 409`);

  const login = await post(context, '/api/v1/auth/login', {
    username: hotUserName,
    password: PASSWORD,
  });
  const session = { 'x-requested-with': 'true', cookie: login.body?.data?.token ?? '' };
  const [[account]] = await db.query(
    "SELECT balance FROM wallet_accounts WHERE user_id = ? AND currency = 'EUR'",
    [hotUserId],
  );
  let credits = 0;
  const refusedMs = [];
  const winnerMs = [];
  for (let race = 0; race < RACES; race++) {
    const opened = await post(
      context,
      '/api/ssbt-deposit/create',
      {
        userId: hotUserId,
        amount: 100,
        currency: 'EUR',
        deviceId: 7,
        reference: `hot-${RUN}-${race}`,
      },
      retail,
    );
    const id = opened.body?.reservationId;
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        post(context, '/api/ssbt-deposit/commit', { reservationId: id, userId: hotUserId }, retail),
      ),
      ...Array.from({ length: 5 }, () =>
        post(
          context,
          '/api/v1/transactions/deposit',
          { reservation_id: id, user_id: hotUserId },
          session,
        ),
      ),
    ]);
    for (const answer of answers) {
      const won =
        answer.status === 200 && (answer.body?.status === 'Success' || answer.body?.code === 10);
      if (won) {
        credits++;
        winnerMs.push(answer.ms);
      } else if (answer.status === 409 || answer.body?.code === 151) refusedMs.push(answer.ms);
      else
        failures.push(
          `hot user deposit race: unexpected ${answer.status} ${JSON.stringify(answer.body)}`,
        );
    }
  }
  const [[after]] = await db.query(
    "SELECT balance FROM wallet_accounts WHERE user_id = ? AND currency = 'EUR'",
    [hotUserId],
  );
  if (credits !== RACES || Number(after.balance) !== Number(account.balance) + RACES * 100)
    failures.push(
      `hot user deposits: ${credits} credits for ${RACES} deposits, balance ${account.balance} -> ${after.balance}`,
    );
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length
      ? { p50Ms: round2(percentile(sorted, 0.5)), p99Ms: round2(percentile(sorted, 0.99)) }
      : null;
  };
  return {
    creates: {
      attempts: RACES,
      won: createWins,
      refused: createLosers.length,
      refusedLatency: stats(createLosers),
    },
    deposits: {
      races: RACES,
      callsPerRace: 10,
      credits,
      refused: refusedMs.length,
      winnerLatency: stats(winnerMs),
      refusedLatency: stats(refusedMs),
    },
  };
}

// ---- run ---------------------------------------------------------------------------------

async function main() {
  if (!args['skip-build']) buildService();
  const root = await admin();
  const name = `bm_bench_cashdesk_${RUN}`;
  await root.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const db = await require('mysql2/promise').createConnection({
    uri: dbUrl.replace(/^mariadb:/, 'mysql:'),
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  const port = 20000 + Math.floor(Math.random() * 20000);
  let server;
  try {
    server = await startServer(
      'dist/main.js',
      {
        DB_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MAXBRIDGE_HASH_SECRET: randomBytes(24).toString('hex'),
        SESSION_SECRET: randomBytes(24).toString('hex'),
        WORKER_ENABLED: 'false',
        WEBHOOK_DISPATCH_ENABLED: 'false',
      },
      { healthUrl: `http://127.0.0.1:${port}/health` },
    );
    const key = `rk_${randomBytes(32).toString('base64url')}`;
    log(`seeding ${ITEMS * 4 + 1} users and ${ITEMS * 2} pending deposits`);
    const data = await seed(db, key);
    const context = { port, server, dbUrl, key, data };
    const take = (pool, n) => data.pools[pool].splice(0, n);

    log('warm-up');
    const warm = Math.ceil(OPS / 10);
    await ceilingLoad(context, 'create', take('ceilingCreate', warm));
    await serviceCreate(context, take('serviceCreate', warm));
    await ceilingLoad(context, 'commit', take('ceilingCommit', warm));
    await serviceCommit(context, take('serviceCommit', warm));

    const rounds = [];
    for (let r = 1; r <= ROUNDS; r++) {
      log(`round ${r}/${ROUNDS}`);
      const items = {
        ceilingCreate: take('ceilingCreate', OPS),
        serviceCreate: take('serviceCreate', OPS),
        ceilingCommit: take('ceilingCommit', OPS),
        serviceCommit: take('serviceCommit', OPS),
      };
      const round = {};
      const measures = [
        [
          'ceilingCreate',
          () => ceilingLoad(context, 'create', items.ceilingCreate),
          checkReservations,
        ],
        ['serviceCreate', () => serviceCreate(context, items.serviceCreate), checkReservations],
        ['ceilingCommit', () => ceilingLoad(context, 'commit', items.ceilingCommit), checkCommits],
        ['serviceCommit', () => serviceCommit(context, items.serviceCommit), checkCommits],
      ];
      // Each measure, then its money check, ceiling and service alternating.
      for (const [key, run, check] of measures) {
        round[key] = await run();
        await check(db, items[key], round[key].done, `round ${r} ${key}`);
      }
      round.ratios = {
        create: round.serviceCreate.perSecond / round.ceilingCreate.perSecond,
        commit: round.serviceCommit.perSecond / round.ceilingCommit.perSecond,
      };
      for (const [k, v] of Object.entries(round))
        if (k !== 'ratios')
          log(`  ${k}: ${Math.round(v.perSecond)}/s, p50 ${v.p50Ms} ms, p99 ${v.p99Ms} ms`);
      log(
        `  ratios: create ${round.ratios.create.toFixed(2)}, commit ${round.ratios.commit.toFixed(2)}`,
      );
      rounds.push(round);
    }
    log('hot user');
    const hot = await hotUser(context, db);
    const [[negative]] = await db.query(
      'SELECT COUNT(*) AS n FROM wallet_accounts WHERE balance < 0',
    );
    if (Number(negative.n) !== 0) failures.push(`${negative.n} negative balances`);
    report(rounds, hot);
  } finally {
    await stopServer(server);
    await db.end();
    if (!args.keep) await root.query(`DROP DATABASE \`${name}\``);
    await root.end();
  }
  if (failures.length > 0) {
    log(`FAILED:\n${failures.join('\n')}`);
    process.exit(1);
  }
}

function report(rounds, hot) {
  const m = (f) => median(rounds.map(f));
  const line = (key) => ({
    perSecond: Math.round(m((r) => r[key].perSecond)),
    p50Ms: m((r) => r[key].p50Ms),
    p99Ms: m((r) => r[key].p99Ms),
  });
  const summary = {
    serviceCreate: line('serviceCreate'),
    ceilingCreate: line('ceilingCreate'),
    serviceCommit: line('serviceCommit'),
    ceilingCommit: line('ceilingCommit'),
    ratios: {
      create: Number(m((r) => r.ratios.create).toFixed(3)),
      commit: Number(m((r) => r.ratios.commit).toFixed(3)),
    },
    keyLookupsPerOperation: {
      create: Number(m((r) => r.ceilingCreate.keyLookups / r.ceilingCreate.done).toFixed(2)),
      commit: Number(m((r) => r.ceilingCommit.keyLookups / r.ceilingCommit.done).toFixed(2)),
    },
  };
  const verdict = (ratio) => (ratio >= TARGET ? 'met' : '**not met**');
  const s = summary;
  const text = [
    '# MaxBridge cash desk: reservations and SSBT commits against a raw mysql2 loop running the service’s own statements',
    '',
    `Run ${new Date().toISOString()}, code ${gitState()}; MariaDB at ${SERVER_URL.replace(/\/\/[^@]*@/, '//')}. ` +
      `${ROUNDS} rounds of ${OPS} operations per measure (medians), ${CONNECTIONS} connections; ceiling: a raw mysql2 loop running the service's own statements (loaded from dist/), ${POOL_SIZE} in flight on ${POOL_SIZE} connections, ${KEY_LOOKUPS === 'each' ? 'one retail key lookup per operation (CEILING_KEY_LOOKUPS=each; the service shares one among concurrent requests)' : 'the retail key lookup shared by concurrent operations as the service shares it'}: ${s.keyLookupsPerOperation.create} lookups per create, ${s.keyLookupsPerOperation.commit} per commit.`,
    '',
    '| measure | service | raw mysql2 loop (the service’s statements) | ratio | target |',
    '|---|---|---|---|---|',
    `| reservation creates (a user each) | ${s.serviceCreate.perSecond}/s (p50 ${s.serviceCreate.p50Ms} ms, p99 ${s.serviceCreate.p99Ms} ms) | ${s.ceilingCreate.perSecond}/s (p99 ${s.ceilingCreate.p99Ms} ms) | ${s.ratios.create} | >= ${TARGET}: ${verdict(s.ratios.create)} |`,
    `| SSBT deposit commits (a deposit each) | ${s.serviceCommit.perSecond}/s (p50 ${s.serviceCommit.p50Ms} ms, p99 ${s.serviceCommit.p99Ms} ms) | ${s.ceilingCommit.perSecond}/s (p99 ${s.ceilingCommit.p99Ms} ms) | ${s.ratios.commit} | >= ${TARGET}: ${verdict(s.ratios.commit)} |`,
    '',
    '## One user racing itself',
    '',
    `- ${hot.creates.attempts} reservation creates at once: ${hot.creates.won} won, ${hot.creates.refused} refused with 409 RESERVED (p50 ${hot.creates.refusedLatency?.p50Ms} ms, p99 ${hot.creates.refusedLatency?.p99Ms} ms).`,
    `- ${hot.deposits.races} deposits, each committed by 5 retail commits and 5 front-end deposits at once: ${hot.deposits.credits} credits (one per deposit), ${hot.deposits.refused} refused (409 or 151; p50 ${hot.deposits.refusedLatency?.p50Ms} ms, p99 ${hot.deposits.refusedLatency?.p99Ms} ms; the winner p50 ${hot.deposits.winnerLatency?.p50Ms} ms).`,
    '',
    `Money checks after every measure (reservations counted and one open per user, no balance moved by a reservation; each credited deposit one ledger row of its amount, every balance equal to its ledger's sum, none negative): ${failures.length === 0 ? 'all held' : `**failed**: ${failures.join('; ')}`}.`,
    '',
  ].join('\n');
  saveResults('maxbridge-cash-desk', text, {
    summary,
    rounds,
    hot,
    failures,
    ops: OPS,
    connections: CONNECTIONS,
  });
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
