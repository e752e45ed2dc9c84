#!/usr/bin/env node
/**
 * `npm run bench:bet-records [-- --rows 1000000 --requests 400 --warmup 40 --connections 1,4
 *                               --db-url mariadb://root@127.0.0.1:3306/NAME --keep --skip-build]`
 *
 * Read latency of the bet-records API (seed 002: GET /api/bet/list, /api/bet/{id},
 * /api/sports-bet/list, /api/sports-bet/{id}) on MariaDB with --rows Live/Slots bets and half as
 * many sports bets, against what the database itself answers, all measured in one run.
 *
 * Data: without --db-url, a fresh database (bm_bench_bets_<random> on DB_SERVER_URL,
 * mariadb://root@127.0.0.1:3306 by default) is filled by scripts/seed-bets.js (several teams, one
 * with 60 % of the rows, brands, thousands of players, whales, providers and games; see there) and
 * dropped at the end unless --keep. With --db-url, that database is used as it is when its `bets`
 * table holds rows (--rows is then ignored), else seeded first; it is never dropped. Everything is
 * measured for the team with the most bets, through a new API key issued by the service's CLI.
 *
 * Scenarios, each for bets and sports bets (sports: no provider filter): the first page
 * (page=1&size=20) unfiltered; by player_id (the 3 heaviest players, and 20 players around the
 * median count); by brand_id (every brand of the team); status=1; status=0; by provider_code (the
 * 3 largest providers); brand_id + status=1; the smallest brand + status=0 (few matches among many
 * rows). Then the same at page 500 (--deep-page), with only the filter values that have that many
 * rows. Then the detail of 500 random records of the team. A scenario cycles over its values.
 * Each scenario runs, for each --connections count C, --warmup requests then --requests requests
 * over C keep-alive connections, each connection sending its next request when the previous
 * answer has fully arrived (node:http in this process; latency from sending to the last byte).
 *
 * Checks, before measuring: for every filter value and page, `total` equals a SELECT COUNT(*) run
 * by this bench, `page`/`page_size` are the ones asked, and the ids of `items` are those of the
 * same page read by SQL (`ORDER BY id DESC LIMIT 20 OFFSET ...`); details answer the record asked
 * (sports: with all its lines, in order), 404 for another team's record and for an id that does
 * not exist. While measuring, every answer must be 200 with the expected `total` or id. Amount
 * formats (cents shown as units with two decimals) are compared on a few records and reported as
 * notes, not failures.
 *
 * Ceilings, same run (before and after the scenarios, samples merged): raw mysql2
 * `SELECT * FROM bets WHERE team_id = ? ORDER BY id DESC LIMIT 20` (and sports_bets) in a loop at
 * each connection count: the "x ceiling" column is the scenario's p50 over it. Each scenario also
 * shows the same page read by raw SQL (100 sequential queries; a list page as a deferred join: the
 * page's ids from the index, then their rows, so that a deep page skips index entries, not rows)
 * and SELECT COUNT(*) of its first filter value (what an exact total costs when counted over
 * rows). EXPLAIN of those raw page queries is reported (the bench's SQL, maybe not the service's).
 *
 * Targets (issue 5): p99 <= 20 ms for a first page filtered by player, brand or status (the others
 * are reported, marked "info"); page 500 p99 <= 3 x the p99 of the same first page; `total` exact
 * and cheap. Verdicts use the 1-connection figures; the 4-connection ones are shown beside them.
 * The service: `node <npm start flags> dist/main.js` (built first unless --skip-build) with
 * WORKER_ENABLED=false, LOG_LEVEL=warn, rate limits out of reach; or --url for one already
 * running on the same database. A scenario stops after --max-seconds (30) per connection count,
 * whatever the number of requests sent by then. Writes bench/results/bet-records.md and .json.
 */
const mysql = require('mysql2/promise');
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const http = require('node:http');
const { cpus, totalmem } = require('node:os');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const {
  ROOT,
  buildService,
  gitState,
  log,
  peakRssMiB,
  saveResults,
  startScriptNodeFlags,
  startServer,
  stopServer,
} = require('./support/process');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'sports-rows': { type: 'string' },
    requests: { type: 'string', default: '400' },
    warmup: { type: 'string', default: '40' },
    connections: { type: 'string', default: '1,4' },
    'deep-page': { type: 'string', default: '500' },
    'db-url': { type: 'string' },
    url: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'max-seconds': { type: 'string', default: '30' },
  },
});
const ROWS = Number(args.rows);
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const CONNECTIONS = args.connections.split(',').map(Number);
const DEEP_PAGE = Number(args['deep-page']);
const SIZE = 20;
const RAW_QUERIES = Math.min(100, REQUESTS);
const MAX_SECONDS = Number(args['max-seconds']);
const DETAIL_IDS = 500;
const SERVER_URL = process.env.DB_SERVER_URL || 'mariadb://root@127.0.0.1:3306';
const PORT = 3941;
const HIGH_LIMIT = '100000000'; // per minute: the rate limit never answers 429 here
const TARGETS = { firstPageP99Ms: 20, deepVsFirst: 3 };
if (!CONNECTIONS.every((c) => Number.isInteger(c) && c >= 1) || !(REQUESTS >= 1)) {
  process.stderr.write('--connections must be a list of integers >= 1, --requests >= 1\n');
  process.exit(2);
}

const RUN = randomBytes(3).toString('hex');
const round2 = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);
const fmt = (x) => (x === null || x === undefined ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

// ---- HTTP ---------------------------------------------------------------------------------

/** GET `path` on the service; resolves with the status, the body text and the time taken (ms). */
function get(context, agent, path) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(
      `${context.baseUrl}${path}`,
      { agent, headers: { 'X-API-Key': context.apiKey } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            text: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`timeout: GET ${path}`)));
  });
}

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    n: sorted.length,
    p50Ms: round2(at(0.5)),
    p99Ms: round2(at(0.99)),
    meanMs: round2(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    maxMs: round2(sorted[sorted.length - 1]),
  };
}

/**
 * `amount` calls of `call(i)` (returning the ms it took) over `connections` sequential workers,
 * no new call after `maxSeconds`. Returns the samples.
 */
async function loop(connections, amount, call, maxSeconds = Infinity) {
  const samples = [];
  const deadline = performance.now() + maxSeconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < amount && performance.now() < deadline) samples.push(await call(next++));
    }),
  );
  return samples;
}

/**
 * Measures one scenario at one connection count: warm-up, then --requests requests cycling over
 * its targets; every answer must be 200 and carry the expected total (lists) or id (details).
 */
async function measureScenario(context, scenario, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const targets = scenario.targets;
  let bad = 0;
  let firstBad = null;
  const call = async (i) => {
    const target = targets[i % targets.length];
    const answer = await get(context, agent, target.path);
    const body = answer.status === 200 ? parse(answer.text) : null;
    const ok =
      body !== null &&
      (target.total !== undefined
        ? Number(body.total) === target.total
        : String(body.id) === String(target.id));
    if (!ok) {
      bad++;
      firstBad ??= `${target.path}: ${answer.status} ${answer.text.slice(0, 200)}`;
    }
    return answer.ms;
  };
  try {
    await loop(connections, WARMUP, call, MAX_SECONDS);
    bad = 0;
    firstBad = null;
    const started = performance.now();
    const samples = await loop(connections, REQUESTS, call, MAX_SECONDS);
    const seconds = (performance.now() - started) / 1000;
    return {
      connections,
      ...stats(samples),
      cappedByTime: samples.length < REQUESTS,
      requestsPerSecond: Math.round(samples.length / seconds),
      badAnswers: bad,
      firstBad,
    };
  } finally {
    agent.destroy();
  }
}

// ---- processes ----------------------------------------------------------------------------

function cli(cliArgs, dbUrl) {
  return JSON.parse(
    execFileSync(process.execPath, ['dist/cli.js', ...cliArgs, '--json'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DB_URL: dbUrl, LOG_LEVEL: 'warn' },
    }).toString(),
  );
}

/** The built service on `dbUrl`, as `npm start` runs it, rate limits and worker out of the way. */
function startService(dbUrl) {
  return startServer(
    'dist/main.js',
    {
      DB_URL: dbUrl,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_FREE: HIGH_LIMIT,
      RATE_LIMIT_STANDARD: HIGH_LIMIT,
      RATE_LIMIT_ENTERPRISE: HIGH_LIMIT,
      WORKER_ENABLED: 'false',
      DEMO_TEAM: 'false',
    },
    { healthUrl: `http://127.0.0.1:${PORT}/health` },
  );
}

/** scripts/seed-bets.js into `dbUrl`; its JSON summary. */
function seed(dbUrl) {
  const seedArgs = ['scripts/seed-bets.js', '--rows', String(ROWS), '--db-url', dbUrl];
  if (args['sports-rows']) seedArgs.push('--sports-rows', args['sports-rows']);
  seedArgs.push('--skip-build'); // built just before
  log(`seeding ${dbUrl}: node ${seedArgs.join(' ')}`);
  return JSON.parse(
    execFileSync(process.execPath, seedArgs, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    }).toString(),
  );
}

// ---- database -----------------------------------------------------------------------------

function connectionOptions(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || undefined,
  };
}

/** The database to measure: given by --db-url (seeded when empty) or a fresh seeded one. */
async function openDatabase() {
  let url;
  let owned = false;
  if (args['db-url']) {
    url = args['db-url'];
  } else {
    const server = new URL(SERVER_URL);
    server.pathname = `/bm_bench_bets_${RUN}`;
    url = server.toString();
    owned = true;
  }
  const options = connectionOptions(url);
  if (!options.database) throw new Error(`${url}: no database name`);
  const admin = await mysql.createConnection({ ...options, database: undefined });
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${options.database}\``);
  };
  let seeded = null;
  try {
    let filled = false;
    try {
      const [[row]] = await admin.query(
        `SELECT EXISTS(SELECT 1 FROM \`${options.database}\`.bets) AS filled`,
      );
      filled = Number(row.filled) === 1;
    } catch (error) {
      if (!['ER_BAD_DB_ERROR', 'ER_NO_SUCH_TABLE'].includes(error.code)) throw error;
    }
    if (!filled) {
      const started = performance.now();
      seeded = seed(url);
      seeded.benchSeconds = Math.round((performance.now() - started) / 100) / 10;
    } else log(`reusing ${options.database} (its bets table holds rows; --rows ignored)`);
  } catch (error) {
    if (owned && !args.keep) await drop();
    await admin.end();
    throw error;
  }
  const pool = mysql.createPool({
    ...options,
    connectionLimit: Math.max(...CONNECTIONS, 2),
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
  });
  return {
    name: options.database,
    url,
    owned,
    seeded,
    pool,
    close: async () => {
      await pool.end();
      if (owned && !args.keep) await drop();
      await admin.end();
    },
  };
}

async function aboutDatabase(pool, name) {
  const [[row]] = await pool.query(
    'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool, ' +
      '@@innodb_flush_method AS flushMethod',
  );
  const [tables] = await pool.query(
    'SELECT table_name AS name, data_length AS data, index_length AS idx FROM ' +
      "information_schema.tables WHERE table_schema = ? AND table_name IN ('bets', 'sports_bets', 'sports_bet_lines')",
    [name],
  );
  return {
    version: row.version,
    innodbBufferPoolMiB: Math.round(Number(row.bufferPool) / 2 ** 20),
    innodbFlushMethod: row.flushMethod,
    tablesMiB: Object.fromEntries(
      tables.map((t) => [
        t.name ?? t.NAME,
        {
          data: Math.round(Number(t.data ?? t.DATA) / 2 ** 20),
          indexes: Math.round(Number(t.idx ?? t.IDX) / 2 ** 20),
        },
      ]),
    ),
  };
}

const TABLE = { bet: 'bets', sports: 'sports_bets' };
const PATH = { bet: '/api/bet', sports: '/api/sports-bet' };

/** WHERE clause and parameters of a list filter, as the API's query parameters mean it. */
function whereOf(teamId, filter) {
  const clauses = ['team_id = ?'];
  const params = [teamId];
  for (const [key, value] of Object.entries(filter)) {
    // brand_id, player_id and status are indexed columns; a provider by its id, indexed too.
    clauses.push(
      key === 'provider_code'
        ? 'provider_id = (SELECT id FROM providers WHERE code = ?)'
        : `${key} = ?`,
    );
    params.push(value);
  }
  return { sql: clauses.join(' AND '), params };
}

/** What the bench measures with: the big team, its players, brands, providers, some ids. */
async function discover(db) {
  const q = async (sql, params = []) => (await db.pool.query(sql, params))[0];
  const teams = await q('SELECT team_id, COUNT(*) AS n FROM bets GROUP BY team_id ORDER BY n DESC');
  if (!teams.length) throw new Error('no bets in the database');
  const teamId = Number(teams[0].team_id);
  const otherTeamId = teams.length > 1 ? Number(teams[1].team_id) : null;
  const of = async (kind) => {
    const table = TABLE[kind];
    const players = await q(
      `SELECT player_id AS id, COUNT(*) AS n FROM ${table} WHERE team_id = ? GROUP BY player_id ORDER BY n DESC, id`,
      [teamId],
    );
    const middle = Math.floor(players.length / 2);
    const brands = await q(
      `SELECT brand_id AS id, COUNT(*) AS n FROM ${table} WHERE team_id = ? AND brand_id IS NOT NULL ` +
        'GROUP BY brand_id ORDER BY n DESC',
      [teamId],
    );
    const providers =
      kind === 'bet'
        ? await q(
            'SELECT provider_code AS code, COUNT(*) AS n FROM bets WHERE team_id = ? AND provider_code IS NOT NULL ' +
              'GROUP BY provider_code ORDER BY n DESC LIMIT 3',
            [teamId],
          )
        : [];
    const ids = await q(`SELECT id FROM ${table} WHERE team_id = ? ORDER BY RAND() LIMIT ?`, [
      teamId,
      DETAIL_IDS,
    ]);
    const foreign = otherTeamId
      ? await q(`SELECT MAX(id) AS id FROM ${table} WHERE team_id = ?`, [otherTeamId])
      : [];
    const [{ total, maxId }] = await q(
      `SELECT (SELECT COUNT(*) FROM ${table} WHERE team_id = ?) AS total, (SELECT MAX(id) FROM ${table}) AS maxId`,
      [teamId],
    );
    return {
      total: Number(total),
      players: players.length,
      heavy: players.slice(0, 3).map((p) => ({ id: Number(p.id), n: Number(p.n) })),
      typical: players
        .slice(Math.max(0, middle - 10), middle + 10)
        .map((p) => ({ id: Number(p.id), n: Number(p.n) })),
      brands: brands.map((b) => ({ id: Number(b.id), n: Number(b.n) })),
      providers: providers.map((p) => ({ code: p.code, n: Number(p.n) })),
      ids: ids.map((r) => String(r.id)),
      foreignId: foreign[0]?.id ? String(foreign[0].id) : null,
      missingId: String(BigInt(maxId ?? 0) + 1000n),
    };
  };
  return { teamId, otherTeamId, bet: await of('bet'), sports: await of('sports') };
}

// ---- scenarios ----------------------------------------------------------------------------

function listPath(kind, page, filter) {
  const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
  for (const [key, value] of Object.entries(filter)) query.set(key, String(value));
  return `${PATH[kind]}/list?${query}`;
}

/** The first-page list scenarios of one kind; `required` marks those with the 20 ms target. */
function firstPageScenarios(kind, found) {
  const f = found[kind];
  const range = (list) =>
    list.length ? `${Math.min(...list.map((x) => x.n))}–${Math.max(...list.map((x) => x.n))}` : '0';
  const smallest = f.brands[f.brands.length - 1];
  const list = [
    ['all', 'unfiltered', false, [{}]],
    [
      'player-heavy',
      `player_id: ${f.heavy.length} heaviest players (${range(f.heavy)} rows)`,
      true,
      f.heavy.map((p) => ({ player_id: p.id })),
    ],
    [
      'player-typical',
      `player_id: ${f.typical.length} median players (${range(f.typical)} rows)`,
      true,
      f.typical.map((p) => ({ player_id: p.id })),
    ],
    [
      'brand',
      `brand_id: each of ${f.brands.length} brands (${range(f.brands)} rows)`,
      true,
      f.brands.map((b) => ({ brand_id: b.id })),
    ],
    ['status-1', 'status=1 (settled)', true, [{ status: 1 }]],
    ['status-0', 'status=0 (pending)', true, [{ status: 0 }]],
    ...(kind === 'bet'
      ? [
          [
            'provider',
            `provider_code: ${f.providers.map((p) => p.code).join(', ')}`,
            false,
            f.providers.map((p) => ({ provider_code: p.code })),
          ],
        ]
      : []),
    [
      'brand-status',
      `brand_id + status=1: each brand`,
      true,
      f.brands.map((b) => ({ brand_id: b.id, status: 1 })),
    ],
    ...(smallest
      ? [
          [
            'brand-small-pending',
            `brand_id + status=0: smallest brand (${smallest.n} rows)`,
            true,
            [{ brand_id: smallest.id, status: 0 }],
          ],
        ]
      : []),
  ];
  return list
    .filter(([, , , filters]) => filters.length > 0)
    .map(([key, label, required, filters]) => ({
      kind,
      type: 'list',
      key: `${kind}:${key}:p1`,
      base: `${kind}:${key}`,
      label,
      page: 1,
      required,
      filters,
    }));
}

/** The page by raw SQL, as a deferred join: its ids from an index, then only those rows. */
function pageSql(table, where, page) {
  return (
    `SELECT r.* FROM ${table} r JOIN (SELECT id FROM ${table} WHERE ${where.sql} ORDER BY id DESC ` +
    `LIMIT ${SIZE} OFFSET ${(page - 1) * SIZE}) p ON p.id = r.id ORDER BY r.id DESC`
  );
}

/**
 * Expected answers of a list scenario, by SQL: for each filter value its COUNT(*) and the ids of
 * the page. Also the EXPLAIN of the raw page query of its first value.
 */
async function expectList(context, scenario) {
  const { pool } = context.db;
  const table = TABLE[scenario.kind];
  scenario.expected = [];
  for (const [i, filter] of scenario.filters.entries()) {
    const where = whereOf(context.found.teamId, filter);
    const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where.sql}`, [
      ...where.params,
    ]);
    const page = `SELECT id FROM ${table} WHERE ${where.sql} ORDER BY id DESC LIMIT ${SIZE} OFFSET ${(scenario.page - 1) * SIZE}`;
    const [ids] = await pool.query(page, where.params);
    scenario.expected.push({
      filter,
      total: Number(n),
      ids: ids.map((r) => String(r.id)),
    });
    if (i === 0) {
      const [plan] = await pool.query(
        `EXPLAIN ${pageSql(table, where, scenario.page)}`,
        where.params,
      );
      scenario.explain = plan.map((p) => ({
        table: p.table,
        type: p.type,
        key: p.key,
        rows: Number(p.rows),
        extra: p.Extra,
      }));
    }
  }
  scenario.targets = scenario.expected.map((e) => ({
    path: listPath(scenario.kind, scenario.page, e.filter),
    total: e.total,
  }));
}

/** The same scenarios at --deep-page, with the filter values that have rows that deep. */
function deepScenarios(firstPages) {
  const deep = [];
  for (const s of firstPages) {
    const filters = s.expected.filter((e) => e.total > (DEEP_PAGE - 1) * SIZE).map((e) => e.filter);
    const skipped = s.expected.length - filters.length;
    deep.push({
      ...s,
      key: `${s.base}:p${DEEP_PAGE}`,
      page: DEEP_PAGE,
      filters,
      label: s.label + (skipped ? ` — ${skipped} of ${s.expected.length} too small, left out` : ''),
      firstPage: s,
      expected: undefined,
      explain: undefined,
    });
  }
  return deep;
}

function detailScenarios(found) {
  return ['bet', 'sports'].map((kind) => ({
    kind,
    type: 'detail',
    key: `${kind}:detail`,
    base: `${kind}:detail`,
    label: `${PATH[kind]}/{id}: ${found[kind].ids.length} random records of the team`,
    required: false,
    targets: found[kind].ids.map((id) => ({ path: `${PATH[kind]}/${id}`, id })),
  }));
}

/** "12345" cents as the API shows amounts: "123.45". */
const units = (cents) => {
  if (cents === null || cents === undefined) return null;
  const value = BigInt(cents);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** Amount fields of an answer compared with the row: differences are notes, not failures. */
function formatNotes(kind, item, row) {
  const pairs =
    kind === 'bet'
      ? [
          ['bet_amount', units(row.bet_amount)],
          ['payout_amount', units(row.payout_amount)],
          ['win_loss', units(BigInt(row.payout_amount) - BigInt(row.bet_amount))],
          ['balance_before', units(row.balance_before)],
          ['balance_after', units(row.balance_after)],
          ['round_id', row.round_id],
          ['provider_code', row.provider_code],
        ]
      : [
          ['stake', units(row.stake)],
          ['payout', units(row.payout)],
          ['win_loss', units(BigInt(row.payout) - BigInt(row.stake))],
          ['balance_before', units(row.balance_before)],
          ['balance_after', units(row.balance_after)],
          ['bet_id', row.bet_ref],
          ['parlay', Number(row.parlay)],
        ];
  const notes = [];
  for (const [field, expected] of pairs) {
    if (!(field in item)) notes.push(`${kind} ${row.id}: no field ${field}`);
    else if (String(item[field]) !== String(expected))
      notes.push(
        `${kind} ${row.id}: ${field} ${JSON.stringify(item[field])}, expected ${JSON.stringify(expected)}`,
      );
  }
  if ((row.settled_at === null) !== (item.settled_at === null))
    notes.push(`${kind} ${row.id}: settled_at ${item.settled_at}, row ${row.settled_at}`);
  return notes;
}

/** One request per filter value, page and detail, compared with SQL; failures are recorded. */
async function checkAnswers(context, scenarios) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const fail = (scenario, why) => {
    scenario.checkFailures = (scenario.checkFailures ?? 0) + 1;
    context.failures.push(`${scenario.key}: ${why}`);
  };
  try {
    for (const scenario of scenarios) {
      scenario.checked = 0;
      if (scenario.type === 'list') {
        for (const [i, expected] of scenario.expected.entries()) {
          const path = scenario.targets[i].path;
          const answer = await get(context, agent, path);
          if (answer.status === 404 && context.failures.length === 0 && scenario.page === 1)
            throw new Error(
              `GET ${path} answered 404 (${answer.text.slice(0, 200)}): are the bet-records routes in this build?`,
            );
          scenario.checked++;
          const body = answer.status === 200 ? parse(answer.text) : null;
          if (!body || !Array.isArray(body.items)) {
            fail(scenario, `GET ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
            continue;
          }
          const ids = body.items.map((item) => String(item.id));
          if (Number(body.total) !== expected.total)
            fail(scenario, `GET ${path}: total ${body.total}, SELECT COUNT(*) ${expected.total}`);
          if (Number(body.page) !== scenario.page || Number(body.page_size) !== SIZE)
            fail(scenario, `GET ${path}: page ${body.page}, page_size ${body.page_size}`);
          if (ids.join(',') !== expected.ids.join(','))
            fail(
              scenario,
              `GET ${path}: ids [${ids.slice(0, 5).join(', ')}, ...] (${ids.length}), SQL [${expected.ids.slice(0, 5).join(', ')}, ...] (${expected.ids.length})`,
            );
          if (i === 0 && body.items.length && scenario.page === 1) {
            const item = body.items[0];
            const [[row]] = await context.db.pool.query(
              `SELECT * FROM ${TABLE[scenario.kind]} WHERE id = ?`,
              [String(item.id)],
            );
            if (row) context.notes.push(...formatNotes(scenario.kind, item, row));
          }
        }
      } else {
        const table = TABLE[scenario.kind];
        for (const target of scenario.targets.slice(0, 20)) {
          const answer = await get(context, agent, target.path);
          scenario.checked++;
          const body = answer.status === 200 ? parse(answer.text) : null;
          if (!body || String(body.id) !== target.id) {
            fail(scenario, `GET ${target.path}: ${answer.status} ${answer.text.slice(0, 300)}`);
            continue;
          }
          if (String(body.team_id) !== String(context.found.teamId))
            fail(scenario, `GET ${target.path}: team_id ${body.team_id}`);
          if (scenario.kind === 'sports') {
            const [lines] = await context.db.pool.query(
              'SELECT id FROM sports_bet_lines WHERE sports_bet_id = ? ORDER BY position',
              [target.id],
            );
            const got = Array.isArray(body.lines) ? body.lines.map((l) => String(l.id)) : null;
            if (!got || got.join(',') !== lines.map((l) => String(l.id)).join(','))
              fail(
                scenario,
                `GET ${target.path}: lines ${got && got.join(',')}, SQL ${lines.map((l) => l.id).join(',')}`,
              );
          }
          if (target === scenario.targets[0]) {
            const [[row]] = await context.db.pool.query(`SELECT * FROM ${table} WHERE id = ?`, [
              target.id,
            ]);
            context.notes.push(...formatNotes(scenario.kind, body, row));
          }
        }
        const f = context.found[scenario.kind];
        for (const [id, why] of [
          [f.foreignId, "another team's record"],
          [f.missingId, 'an id that does not exist'],
        ]) {
          if (!id) continue;
          const answer = await get(context, agent, `${PATH[scenario.kind]}/${id}`);
          scenario.checked++;
          if (answer.status !== 404)
            fail(scenario, `GET ${PATH[scenario.kind]}/${id} (${why}): ${answer.status}, not 404`);
        }
      }
    }
  } finally {
    agent.destroy();
  }
}

// ---- raw SQL ------------------------------------------------------------------------------

/** The ceiling: the unfiltered first page by raw mysql2, at `connections`. */
async function ceiling(context, kind, connections, amount) {
  const sql = `SELECT * FROM ${TABLE[kind]} WHERE team_id = ? ORDER BY id DESC LIMIT ${SIZE}`;
  const params = [context.found.teamId];
  return loop(connections, amount, async () => {
    const started = performance.now();
    await context.db.pool.query(sql, params);
    return performance.now() - started;
  });
}

/** The scenario's own queries by raw SQL, one connection: what the database alone needs. */
async function rawScenario(context, scenario) {
  const { pool } = context.db;
  const table = TABLE[scenario.kind];
  let calls;
  if (scenario.type === 'list') {
    calls = scenario.filters.map((filter) => {
      const where = whereOf(context.found.teamId, filter);
      const sql = pageSql(table, where, scenario.page);
      return () => pool.query(sql, where.params);
    });
  } else {
    calls = scenario.targets.map((t) => async () => {
      await pool.query(`SELECT * FROM ${table} WHERE id = ? AND team_id = ?`, [
        t.id,
        context.found.teamId,
      ]);
      if (scenario.kind === 'sports')
        await pool.query(
          'SELECT * FROM sports_bet_lines WHERE sports_bet_id = ? ORDER BY position',
          [t.id],
        );
    });
  }
  const timed = async (i) => {
    const started = performance.now();
    await calls[i % calls.length]();
    return performance.now() - started;
  };
  const samples = await loop(1, RAW_QUERIES, timed, MAX_SECONDS);
  if (scenario.type === 'list' && scenario.page === 1) {
    // What an exact total costs when counted over the rows: COUNT(*) of the first value, x3.
    const where = whereOf(context.found.teamId, scenario.filters[0]);
    const sql = `SELECT COUNT(*) AS n FROM ${table} WHERE ${where.sql}`;
    calls = [() => pool.query(sql, where.params)];
    scenario.rawCountMs = round2((await loop(1, 3, timed)).sort((a, b) => a - b)[1]);
  }
  return stats(samples);
}

// ---- results ------------------------------------------------------------------------------

function verdictOf(scenario, results) {
  const one = scenario.results[0];
  const at = (result) => result && result.p99Ms;
  if (scenario.type === 'detail') return { target: '–', met: null };
  if (scenario.page === 1) {
    const limit = TARGETS.firstPageP99Ms;
    return {
      target: `≤ ${limit} ms${scenario.required ? '' : ' (info)'}`,
      limitMs: limit,
      met: at(one) <= limit,
      metAtMore: scenario.results.slice(1).map((r) => r.p99Ms <= limit),
      required: scenario.required,
    };
  }
  const first = results.find((s) => s.key === scenario.firstPage.key);
  const limit = TARGETS.deepVsFirst * first.results[0].p99Ms;
  return {
    target: `≤ ${TARGETS.deepVsFirst} × p1 = ${fmt(limit)} ms`,
    limitMs: round2(limit),
    met: at(one) <= limit,
    metAtMore: scenario.results
      .slice(1)
      .map((r, i) => r.p99Ms <= TARGETS.deepVsFirst * first.results[i + 1].p99Ms),
    required: true,
  };
}

function writeResults(report) {
  const { found, mariadb } = report;
  const more = CONNECTIONS.slice(1);
  const moreCells = (r) =>
    r.results
      .slice(1)
      .map((x) => `${fmt(x.p50Ms)} / ${fmt(x.p99Ms)}`)
      .join(' | ');
  const verdictCell = (r) => {
    const v = r.verdict;
    if (v.met === null) return 'info';
    const word = v.met ? 'met' : v.required ? '**not met**' : 'not met';
    const extra = v.metAtMore.length
      ? ` (${more.map((c, i) => `${c} conn: ${v.metAtMore[i] ? 'met' : 'not met'}`).join(', ')})`
      : '';
    return `${word}${v.required ? '' : ' (info)'}${extra}`;
  };
  const checkCell = (r) => {
    const capped = r.results.filter((x) => x.cappedByTime);
    return (
      (r.checkFailures ? `**${r.checkFailures} FAILED** of ${r.checked}` : `ok ${r.checked}`) +
      (r.results.some((x) => x.badAnswers) ? ', **bad answers while measuring**' : '') +
      (capped.length
        ? `; time cap: ${capped.map((x) => `${x.n} requests at ${x.connections} conn`).join(', ')}`
        : '')
    );
  };
  const row = (r) =>
    `| ${r.key} | ${r.label} | ${fmt(r.results[0].p50Ms)} | ${fmt(r.results[0].p99Ms)} | ${fmt(r.results[0].meanMs)} | ` +
    `${more.length ? moreCells(r) + ' | ' : ''}${r.verdict.target} | ${verdictCell(r)} | ${r.ratioToCeiling.toFixed(1)} | ` +
    `${fmt(r.raw.p50Ms)} | ${r.rawCountMs === undefined ? '–' : fmt(r.rawCountMs)} | ${checkCell(r)} |`;
  const ceilingRow = (kind) => {
    const c = report.ceiling[kind];
    return (
      `| ceiling:${kind} | raw mysql2 \`SELECT * FROM ${TABLE[kind]} WHERE team_id = ? ORDER BY id DESC LIMIT ${SIZE}\` | ` +
      `${fmt(c[0].p50Ms)} | ${fmt(c[0].p99Ms)} | ${fmt(c[0].meanMs)} | ` +
      `${
        more.length
          ? c
              .slice(1)
              .map((x) => `${fmt(x.p50Ms)} / ${fmt(x.p99Ms)}`)
              .join(' | ') + ' | '
          : ''
      }– | – | 1.0 | – | – | – |`
    );
  };
  const required = report.scenarios.filter((s) => s.verdict.required);
  const firstPages = required.filter((s) => s.page === 1);
  const deepPages = required.filter((s) => s.page > 1);
  const count = (list) => `${list.filter((s) => s.verdict.met).length} of ${list.length}`;
  const totals = report.scenarios.filter((s) => s.type === 'list');
  const totalFailures = report.failures.filter((f) => /total/.test(f)).length;
  const cheap = report.scenarios
    .filter((s) => s.type === 'list' && s.page === 1)
    .map((s) => `${s.key} ${fmt(s.results[0].p50Ms)} vs ${fmt(s.rawCountMs)}`)
    .join('; ');
  const tableMiB = (t) => (t ? `${t.data} + ${t.indexes}` : '?');
  const lines = [
    `# Bet records: list and detail latency (MariaDB, ${report.database.bets} bets)`,
    '',
    `Run ${report.when} on ${report.machine}, code ${report.code}.`,
    `MariaDB ${mariadb.version}, same machine: innodb_buffer_pool_size ${mariadb.innodbBufferPoolMiB} MiB ` +
      `(flush method ${mariadb.innodbFlushMethod}); data + indexes: bets ${tableMiB(mariadb.tablesMiB.bets)} MiB, ` +
      `sports_bets ${tableMiB(mariadb.tablesMiB.sports_bets)} MiB, sports_bet_lines ${tableMiB(mariadb.tablesMiB.sports_bet_lines)} MiB.`,
    `Database ${report.database.name}: ${report.database.bets} bets and ${report.database.sportsBets} sports bets over ` +
      `${report.database.teams} teams, ${report.database.seeded ? `seeded by scripts/seed-bets.js in ${report.database.seeded.seconds.total} s` : 'reused as it was'}. ` +
      `Measured for team ${found.teamId}: ${found.bet.total} bets, ${found.sports.total} sports bets, ${found.bet.players} players with bets.`,
    `Per scenario and connection count: ${WARMUP} warm-up requests, then ${REQUESTS} measured, cycling over the ` +
      `scenario's filter values; each connection sends its next request when the previous answer has arrived. ` +
      `Latency in ms, from sending the request to the last byte of the answer. Service peak RSS (VmHWM): ` +
      `${report.servicePeakRssMiB ?? '?'} MiB.`,
    '',
    `| scenario | filter values | p50 | p99 | mean | ${more.map((c) => `${c} conn p50 / p99 | `).join('')}p99 target | verdict | × ceiling p50 | raw SQL page p50 | raw COUNT(*) | answers checked |`,
    `|---|---|---|---|---|${more.map(() => '---|').join('')}---|---|---|---|---|---|`,
    ceilingRow('bet'),
    ...report.scenarios.filter((s) => s.kind === 'bet').map(row),
    ceilingRow('sports'),
    ...report.scenarios.filter((s) => s.kind === 'sports').map(row),
    '',
    '## Targets',
    '',
    `- First page filtered by player, brand or status, p99 ≤ ${TARGETS.firstPageP99Ms} ms (1 connection): ${count(firstPages)} met.`,
    `- Page ${DEEP_PAGE} p99 ≤ ${TARGETS.deepVsFirst} × the p99 of the same first page (1 connection): ${count(deepPages)} met.`,
    `- \`total\` exact: ${totals.reduce((n, s) => n + (s.expected?.length ?? 0), 0)} list answers compared with SELECT COUNT(*), ` +
      `${totalFailures ? `**${totalFailures} differ** (see the failures below)` : 'all equal'}; every measured answer carried the expected total` +
      `${report.scenarios.some((s) => s.results.some((r) => r.badAnswers)) ? ' **except some (see "answers checked")**' : ''}.`,
    `- \`total\` cheap: first-page p50 of the service vs one raw SELECT COUNT(*) of the same filter (ms): ${cheap}.`,
    '',
    `## EXPLAIN of the raw page queries (the bench's SQL: \`SELECT r.* FROM t r JOIN (SELECT id FROM t WHERE team_id = ? AND <filter> ORDER BY id DESC LIMIT ${SIZE} OFFSET n) p ON p.id = r.id ORDER BY r.id DESC\`)`,
    '',
    '| scenario | table | type | key | rows | Extra |',
    '|---|---|---|---|---|---|',
    ...report.scenarios
      .filter((s) => s.explain)
      .flatMap((s) =>
        s.explain.map(
          (e) =>
            `| ${s.key} | \`${e.table}\` | ${e.type} | ${e.key ?? '–'} | ${e.rows} | ${e.extra ?? ''} |`,
        ),
      ),
    '',
    '## How',
    '',
    (args.url
      ? `- The service: already running at ${args.url} (--url), not started by the bench`
      : '- The service: `node ' +
        `${startScriptNodeFlags().join(' ')} dist/main.js\` (as \`npm start\` runs it), WORKER_ENABLED=false, ` +
        'LOG_LEVEL=warn, RATE_LIMIT_FREE/STANDARD/ENTERPRISE out of reach') +
      '; a new API key of the team (`key create`); load from this process (node:http, keep-alive), on the same ' +
      'cores as the service and MariaDB.',
    `- A scenario stops sending after ${MAX_SECONDS} s per connection count (--max-seconds): "time cap" in the last column then gives the requests measured.`,
    '- Before measuring, one request per filter value and page is compared with SQL: `total` with SELECT COUNT(*), ' +
      '`page`/`page_size`, and the ids of `items` with `SELECT id ... ORDER BY id DESC LIMIT 20 OFFSET n`; 20 details ' +
      'of each kind (sports: their lines, in order), and 404 for a record of another team and an id that does not exist.',
    `- Page ${DEEP_PAGE} scenarios keep only the filter values with more than ${(DEEP_PAGE - 1) * SIZE} rows (the typical players have fewer).`,
    `- Ceiling: the unfiltered first page by raw mysql2 (text protocol, as TypeORM), ${REQUESTS} queries before and ${REQUESTS} after the ` +
      'scenarios at each connection count, samples merged; "× ceiling p50" is the scenario\'s 1-connection p50 over it. ' +
      `"raw SQL page p50": the scenario's own page by raw SQL, ${RAW_QUERIES} sequential queries: a list page as the deferred join ` +
      'shown under EXPLAIN (ids from the index, then their rows), a detail as the row by id and team (sports: and its lines).',
    '- "raw COUNT(*)": SELECT COUNT(*) of the scenario\'s first filter value, median of 3, right after its raw page queries.',
    '',
  ];
  if (report.notes.length)
    lines.push(
      '## Notes on answer formats (not failures)',
      '',
      ...[...new Set(report.notes)].slice(0, 40).map((n) => `- ${n}`),
      '',
    );
  if (report.failures.length)
    lines.push('## Check failures', '', ...report.failures.slice(0, 100).map((f) => `- ${f}`), '');
  const text = lines.join('\n');
  saveResults('bet-records', text, report);
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  if (!args['skip-build']) {
    buildService();
  }
  const db = await openDatabase();
  let service = null;
  const interrupted = (signal) => {
    log(
      `${signal}: stopping the service${db.owned && !args.keep ? ` and dropping ${db.name}` : ''}`,
    );
    if (service) service.child.kill('SIGKILL');
    db.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const found = await discover(db);
    const key = cli(
      ['key', 'create', '--team', String(found.teamId), '--label', `bench-bet-records-${RUN}`],
      db.url,
    );
    const context = {
      db,
      found,
      apiKey: key.api_key,
      baseUrl: args.url ? args.url.replace(/\/$/, '') : `http://127.0.0.1:${PORT}`,
      failures: [],
      notes: [],
    };
    log(
      `database ${db.name}: team ${found.teamId} (${found.bet.total} bets, ${found.sports.total} sports bets)`,
    );
    if (!args.url) service = await startService(db.url);

    log('expected answers by SQL');
    const firstPages = [
      ...firstPageScenarios('bet', found),
      ...firstPageScenarios('sports', found),
    ];
    for (const s of firstPages) await expectList(context, s);
    const deep = deepScenarios(firstPages).filter((s) => s.filters.length > 0);
    for (const s of deep) await expectList(context, s);
    const ordered = [];
    for (const kind of ['bet', 'sports']) {
      ordered.push(...firstPages.filter((s) => s.kind === kind));
      ordered.push(...deep.filter((s) => s.kind === kind));
    }
    const scenarios = [...ordered, ...detailScenarios(found)];
    scenarios.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'bet' ? -1 : 1));

    log('checking answers against SQL');
    await checkAnswers(context, scenarios);
    if (context.failures.length) log(`  ${context.failures.length} check failure(s)`);

    log('warm-up (not counted)');
    const agent = new http.Agent({ keepAlive: true });
    await loop(2, 200, async () => (await get(context, agent, listPath('bet', 1, {}))).ms);
    agent.destroy();

    const ceilingSamples = { bet: CONNECTIONS.map(() => []), sports: CONNECTIONS.map(() => []) };
    const runCeilings = async () => {
      for (const kind of ['bet', 'sports'])
        for (const [i, c] of CONNECTIONS.entries()) {
          await ceiling(context, kind, c, WARMUP);
          ceilingSamples[kind][i].push(...(await ceiling(context, kind, c, REQUESTS)));
        }
    };
    log('ceiling (raw SQL), before');
    await runCeilings();

    for (const scenario of scenarios) {
      scenario.results = [];
      for (const c of CONNECTIONS)
        scenario.results.push(await measureScenario(context, scenario, c));
      scenario.raw = await rawScenario(context, scenario);
      const r = scenario.results;
      log(
        `  ${scenario.key}: p50 ${fmt(r[0].p50Ms)} p99 ${fmt(r[0].p99Ms)} ms` +
          r
            .slice(1)
            .map((x) => `; ${x.connections} conn p50 ${fmt(x.p50Ms)} p99 ${fmt(x.p99Ms)}`)
            .join('') +
          `; raw SQL p50 ${fmt(scenario.raw.p50Ms)}` +
          (r.some((x) => x.badAnswers)
            ? ` — BAD ANSWERS: ${r.find((x) => x.firstBad).firstBad}`
            : ''),
      );
      for (const x of r)
        if (x.badAnswers)
          context.failures.push(
            `${scenario.key}, ${x.connections} conn: ${x.badAnswers} of ${REQUESTS} answers not 200 with the expected total/id; first: ${x.firstBad}`,
          );
    }
    log('ceiling (raw SQL), after');
    await runCeilings();
    const ceilingStats = {
      bet: ceilingSamples.bet.map((s, i) => ({ connections: CONNECTIONS[i], ...stats(s) })),
      sports: ceilingSamples.sports.map((s, i) => ({ connections: CONNECTIONS[i], ...stats(s) })),
    };
    for (const s of scenarios) {
      s.ratioToCeiling = s.results[0].p50Ms / ceilingStats[s.kind][0].p50Ms;
      s.ratioToCeilingP99 = s.results[0].p99Ms / ceilingStats[s.kind][0].p99Ms;
    }
    for (const s of scenarios) s.verdict = verdictOf(s, scenarios);

    const servicePeakRssMiB = service ? peakRssMiB(service.child.pid) : null;
    const [[sizes]] = await db.pool.query(
      'SELECT (SELECT COUNT(*) FROM bets) AS bets, (SELECT COUNT(*) FROM sports_bets) AS sports, ' +
        '(SELECT COUNT(DISTINCT team_id) FROM bets) AS teams',
    );
    const report = {
      when: new Date().toISOString(),
      machine: `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      code: gitState(),
      mariadb: await aboutDatabase(db.pool, db.name),
      database: {
        name: db.name,
        kept: db.owned ? args.keep : true,
        bets: Number(sizes.bets),
        sportsBets: Number(sizes.sports),
        teams: Number(sizes.teams),
        seeded: db.seeded && {
          seconds: db.seeded.seconds,
          rows: db.seeded.rows,
          benchSeconds: db.seeded.benchSeconds,
        },
      },
      settings: {
        requests: REQUESTS,
        warmup: WARMUP,
        connections: CONNECTIONS,
        size: SIZE,
        deepPage: DEEP_PAGE,
        rawQueries: RAW_QUERIES,
        url: context.baseUrl,
      },
      found: {
        teamId: found.teamId,
        bet: { ...found.bet, ids: found.bet.ids.length },
        sports: { ...found.sports, ids: found.sports.ids.length },
      },
      ceiling: ceilingStats,
      servicePeakRssMiB,
      scenarios: scenarios.map((s) => ({
        key: s.key,
        kind: s.kind,
        type: s.type,
        label: s.label,
        page: s.page ?? null,
        required: s.required,
        filters: s.filters ?? null,
        totals: s.expected ? s.expected.map((e) => e.total) : null,
        results: s.results,
        raw: s.raw,
        rawCountMs: s.rawCountMs,
        ratioToCeiling: round2(s.ratioToCeiling),
        ratioToCeilingP99: round2(s.ratioToCeilingP99),
        verdict: s.verdict,
        checked: s.checked,
        checkFailures: s.checkFailures ?? 0,
        explain: s.explain ?? null,
        expected: s.expected ? s.expected.map((e) => ({ total: e.total })) : undefined,
      })),
      notes: [...new Set(context.notes)],
      failures: context.failures,
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    await stopServer(service);
    writeResults(report);
    log(`\ndone in ${report.durationSeconds} s`);
    if (db.owned && args.keep) log(`database kept: --db-url ${db.url}`);
    if (context.failures.length) {
      log(`${context.failures.length} check(s) failed: see bench/results/bet-records.md`);
      process.exitCode = 1;
    }
  } finally {
    await stopServer(service);
    await db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
