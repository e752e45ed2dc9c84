#!/usr/bin/env node
/**
 * `npm run bench:maxbridge [-- --seconds 8 --rounds 3 --connections 32 --wallets 1000
 *                              --warmup-seconds 2 --ceiling-workers 10 --keep --skip-build --cpu-prof]`
 *
 * MaxBridge (seed 003) cash-desk throughput on MariaDB (DB_SERVER_URL, mariadb://root@127.0.0.1:3306
 * by default), against ceilings measured in the same run, on the same database and tables:
 *
 *   withdraw, spread  POST /api/payment/withdraw, each request on a random one of --wallets wallets;
 *                     ceiling: a raw mysql2 loop of the service's own debit (START TRANSACTION; the
 *                     service's conditional UPDATE of wallet_accounts, which checks funds, limits
 *                     and status; its INSERT ... SELECT into wallet_ledger; the SELECT ... FOR
 *                     UPDATE of an open reservation the withdrawal would pay; COMMIT: the very
 *                     statements of src/maxbridge/wallet/wallet.statements.ts and
 *                     src/maxbridge/cash-desk/cash-desk.statements.ts, loaded from dist/)
 *                     over the same wallets, 10 transactions in flight on a pool of 10
 *                     connections: what the service's default DB_POOL_SIZE lets it have in flight
 *                     (bench/support/maxbridge-debit-ceiling.js, its own process). Target >= 0.5.
 *   withdraw, hot     the same, every request on one hot wallet (the row lock serialises them).
 *                     Target >= 0.3.
 *   get-user-info     POST /api/payment/get-user-info of a random wallet's user; ceiling: a bare
 *                     node:http server (bench/support/maxbridge-bare-server.js, its own process)
 *                     answering the bytes of a real get-user-info answer of the service, loaded by
 *                     the same generator. The ratio is reported; no target was given.
 *
 * Data: a fresh database (bm_bench_maxbridge_<random>), migrated by the service at its start, then
 * --wallets users (status Verified, limits 1 .. 10^12 cents, one identity document each) with an
 * account in EUR of 10^12 cents, and one hot user whose account holds 10^15 cents, all inserted by
 * raw SQL, each account with its opening 'adjustment' ledger row equal to its balance. Dropped at
 * the end unless --keep.
 *
 * Load: a minimal HTTP/1.1 client over node:net (bench/support/maxbridge-http-client.js) in this
 * process, --connections keep-alive connections, each writing its next request when the previous
 * answer has fully arrived (no pipelining): the request is one string (request line, Host,
 * Content-Type, Content-Length, Nonce, Hash, body) written with one write(); the answer is read
 * into a per-connection buffer (net's `onread`) and parsed by hand (status line; Content-Length,
 * chunked, or up to the close; `Connection: close` reopens). Every request is signed as a cash
 * desk signs it (Nonce unique per request, Hash = hex(SHA-256(nonce + exact body + secret))),
 * inline, just before it is written (a few µs, measured and reported). It replaced node:http's
 * client (http.request on a keep-alive Agent), which took 0.25 to 0.35 ms of CPU per request at
 * ~1000 req/s on the 2-core machine of the first runs, 25 to 30 % of a core taken from the
 * service and MariaDB, and was itself the limit of the bare-server ceiling (99 % of a core); this
 * one takes about 0.11 to 0.13 ms at those rates (mostly the write and read system calls and the
 * wake-ups) and 0.05 ms at 17000 req/s. Its CPU (this process) is reported as `load`, as a % of a
 * core and in ms per request, with the connections it opened (--connections when all stay open).
 * Withdrawals are 1 cent, fee null, service 1, with a transaction_id never used before. Every answer
 * is checked: a withdrawal must answer code 10 with its own transaction id, get-user-info code 10
 * with the user asked (the ceiling: code 10); anything else counts as an error and is reported.
 * A measure sends for --seconds and counts every answer, the last in-flight ones included: its rate
 * is answers / time to the last answer. Latency is from writing the request to the last byte of
 * the answer. A connection error or timeout (60 s) is a wrong answer ("unanswered" in the .json).
 *
 * Order: a warm-up of every measure (--warmup-seconds, not counted), then --rounds rounds, each
 * running the ceiling then the service for each scenario, so that a noisy machine affects both.
 * Between measures a pause of 0.5 s, up to 4 s while InnoDB is still flushing what the previous
 * one wrote (an idle MariaDB may not flush at all: the checkpoint age before each measure is kept
 * in the .json). Tables give medians over rounds; ratios are medians of the per-round ratios.
 * --ceiling-workers 10,32 adds raw loops with other numbers of transactions in flight (reported,
 * not used for ratios). CPU time of the server under test, of mariadbd, of this process and of
 * anything else running on the machine (a busy neighbour shows there), and MariaDB's statement,
 * fsync and row-lock counters (global status deltas), are recorded per measure to tell where the
 * time goes. --cpu-prof runs the service with `node --cpu-prof` (profile written when it stops).
 *
 * After all measures the money is checked in the database: no negative balance; for every account
 * balance == SUM(wallet_ledger.amount) and its latest ledger row's balance_after == balance; the
 * service's withdraw ledger rows equal the code-10 withdraw answers received (1 cent each), the
 * ceilings' rows equal the transactions they committed, and there is no other withdraw row. The
 * service's peak RSS is its VmHWM. Writes bench/results/maxbridge.md and .json; exits 1 when a
 * check failed or an answer was wrong (never for a missed target). `npm run bench:maxbridge` then
 * runs bench/maxbridge-cash-desk.js (reservations, SSBT commits, one user racing itself).
 */
const mysql = require('mysql2/promise');
const { spawn } = require('node:child_process');
const { createHash, hash: cryptoHash, randomBytes } = require('node:crypto');
const http = require('node:http');
const { HttpConnection } = require('./support/maxbridge-http-client');
const { readFileSync, readdirSync } = require('node:fs');
const net = require('node:net');
const { cpus, tmpdir, totalmem } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const { parseArgs } = require('node:util');
const { databaseTime } = require('./support/ingest-events');
const {
  ROOT,
  CLOCK_TICKS,
  startScriptNodeFlags,
  startServer,
  stopServer,
  cpuSeconds,
  gitState,
  peakRssMiB,
  median,
  round1,
  log,
  buildService,
  saveResults,
} = require('./support/process');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    wallets: { type: 'string', default: '1000' },
    'warmup-seconds': { type: 'string', default: '2' },
    'ceiling-workers': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const WALLETS = Number(args.wallets);
const WARMUP_SECONDS = Number(args['warmup-seconds']);
const POOL_SIZE = 10; // the service's DB_POOL_SIZE default: at most 10 transactions in flight
const CEILING_WORKERS = [
  POOL_SIZE,
  ...args['ceiling-workers']
    .split(',')
    .map(Number)
    .filter((w) => w !== POOL_SIZE),
];
const SERVER_URL = process.env.DB_SERVER_URL || 'mariadb://root@127.0.0.1:3306';
if (
  ![SECONDS, WARMUP_SECONDS].every((s) => s > 0) ||
  ![ROUNDS, CONNECTIONS, WALLETS, ...CEILING_WORKERS].every((n) => Number.isInteger(n) && n >= 1)
) {
  process.stderr.write(
    '--seconds and --warmup-seconds must be > 0; --rounds, --connections, --wallets and --ceiling-workers integers >= 1\n',
  );
  process.exit(2);
}

const TARGETS = { spread: 0.5, hot: 0.3 };
/** What node:http's client, this bench's load generator before, cost (see the top comment). */
const NODE_HTTP_CLIENT = { cpuMsPerRequest: '0.25 to 0.35', percentOfCore: '25 to 30' };
const SPREAD_BALANCE = 10 ** 12; // cents: far more than any run takes, 1 cent at a time
const HOT_BALANCE = 10 ** 15;
const MAX_LIMIT = 10 ** 12;
const EUR_NUMERIC = 978;
const WITHDRAWAL = { amount: 1, currency: 'EUR', service_id: 1, ip: '203.0.113.7', lang: 'en' };
const BUSY_NEIGHBOUR_PERCENT = 25; // "other" CPU that marks a round as disturbed in the results
const SETTLE = { checkpointAgeBytes: 16 * 2 ** 20, minMs: 500, maxMs: 4000 };
const DB_COUNTERS = [
  'Questions',
  'Com_select',
  'Com_insert',
  'Com_insert_select',
  'Com_update',
  'Com_begin',
  'Com_commit',
  'Com_set_option',
  'Innodb_data_fsyncs',
  'Innodb_row_lock_waits',
  'Innodb_row_lock_time',
];

const RUN = randomBytes(3).toString('hex');
const SECRET = randomBytes(24).toString('hex');
const SERVICE_TX = `${RUN}s`; // provider transaction ids of the service's withdrawals
const CEILING_TX = `${RUN}c`; // ... and of the raw loops (followed by a round and a counter)

const round2 = (x) => Math.round(x * 100) / 100;

// ---- signed requests ----------------------------------------------------------------------

let nonces = 0;
let withdrawals = 0;

/** hex(SHA-256(text)): one-shot crypto.hash where Node has it (>= 20.12), else createHash. */
const sha256Hex =
  typeof cryptoHash === 'function'
    ? (text) => cryptoHash('sha256', text, 'hex')
    : (text) => createHash('sha256').update(text).digest('hex');

/**
 * Body, Nonce and Hash of a signed MaxBridge request, as a cash desk signs it: Hash =
 * hex(SHA-256(nonce + body + secret)).
 */
function signed(payload) {
  const body = JSON.stringify(payload);
  const nonce = `${RUN}-${(nonces++).toString(36)}`;
  return { body, nonce, hash: sha256Hex(nonce + body + SECRET) };
}

/** node:http headers of a signed request (the checks before measuring use node:http). */
const headersOf = (request) => ({
  'Content-Type': 'application/json',
  'Content-Length': Buffer.byteLength(request.body),
  Nonce: request.nonce,
  Hash: request.hash,
});

/** What every request of a measure starts with: request line and the fixed headers. */
const requestHead = (port, path) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n` +
  'Content-Type: application/json\r\n';

/** The whole signed request as the load generator writes it: head, signature headers, body. */
const requestText = (head, request) =>
  `${head}Content-Length: ${Buffer.byteLength(request.body)}\r\nNonce: ${request.nonce}\r\n` +
  `Hash: ${request.hash}\r\n\r\n${request.body}`;

function withdrawRequest(userId) {
  const transactionId = `${SERVICE_TX}${(withdrawals++).toString(36)}`;
  const request = signed({
    user_id: userId,
    ...WITHDRAWAL,
    fee: null,
    transaction_id: transactionId,
  });
  request.transactionId = transactionId;
  return request;
}

function userInfoRequest(userId) {
  const request = signed({ user_id: userId });
  request.userId = userId;
  return request;
}

/**
 * Microseconds to build and sign one withdrawal (body, nonce, SHA-256) and write out its request
 * text, after a JIT warm-up.
 */
function signingCostMicros() {
  const n = 20_000;
  const head = requestHead(1, '/api/payment/withdraw');
  let micros = 0;
  let bytes = 0;
  for (let pass = 0; pass < 2; pass++) {
    const started = performance.now();
    for (let i = 0; i < n; i++)
      bytes += requestText(
        head,
        signed({ user_id: i, ...WITHDRAWAL, fee: null, transaction_id: `x${i}` }),
      ).length;
    micros = ((performance.now() - started) * 1000) / n;
  }
  return bytes > 0 ? round2(micros) : null;
}

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** null when the answer is the expected one, else what was wrong with it. */
function checkWithdraw(answer, request) {
  const body = answer.status === 200 ? parse(answer.text) : null;
  if (body?.code === 10 && body.data?.provider_transaction_id === request.transactionId)
    return null;
  return { code: body?.code ?? `HTTP ${answer.status || answer.error}`, text: answer.text };
}

function checkUserInfo(answer, request) {
  const body = answer.status === 200 ? parse(answer.text) : null;
  if (body?.code === 10 && body.data?.userinfo?.userID === request.userId) return null;
  return { code: body?.code ?? `HTTP ${answer.status || answer.error}`, text: answer.text };
}

/** The bare server answers the same bytes whoever is asked: only the code can be checked. */
function checkCeilingUserInfo(answer) {
  const body = answer.status === 200 ? parse(answer.text) : null;
  if (body?.code === 10) return null;
  return { code: body?.code ?? `HTTP ${answer.status || answer.error}`, text: answer.text };
}

// ---- load generator -----------------------------------------------------------------------

function post(agent, port, path, request) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: headersOf(request) },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', (error) => resolve({ status: 0, text: '', error: error.message }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: '', error: error.message }));
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.end(request.body);
  });
}

function latencyStats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return sorted.length
    ? { p50Ms: round2(at(0.5)), p99Ms: round2(at(0.99)), maxMs: round2(at(1)) }
    : { p50Ms: null, p99Ms: null, maxMs: null };
}

/**
 * --connections keep-alive connections (bench/support/maxbridge-http-client.js), each sending
 * `next()` when its previous answer has arrived, for `seconds`; answers still in flight then are
 * awaited and counted.
 */
async function httpLoad({ port, path, seconds, next, check, serverPid }) {
  const head = requestHead(port, path);
  const connections = Array.from({ length: CONNECTIONS }, () => new HttpConnection({ port }));
  const latencies = [];
  const wrong = {};
  let ok = 0;
  let bad = 0;
  let unanswered = 0; // no HTTP answer (connection error, timeout): a withdrawal may have committed
  let firstBad = null;
  const cpu = cpuMeter(serverPid);
  const ownCpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let last = started;
  await Promise.all(
    connections.map(async (connection) => {
      while (performance.now() < deadline) {
        const request = next();
        const sent = performance.now();
        const answer = await connection.request(requestText(head, request));
        last = performance.now();
        latencies.push(last - sent);
        if (answer.status === 0) unanswered++;
        const problem = check(answer, request);
        if (problem === null) ok++;
        else {
          bad++;
          wrong[problem.code] = (wrong[problem.code] ?? 0) + 1;
          firstBad ??= `${problem.code}: ${problem.text.slice(0, 300)}`;
        }
      }
    }),
  );
  const cpuPercent = cpu();
  const own = process.cpuUsage(ownCpu);
  for (const connection of connections) connection.close();
  const elapsed = (last - started) / 1000;
  return {
    answered: ok + bad,
    ok,
    bad,
    unanswered,
    wrong,
    firstBad,
    connectionsOpened: connections.reduce((n, c) => n + c.opened, 0),
    // CPU of this process (the load generator) per answer, in ms, unrounded
    loadCpuMsPerRequest: ok + bad ? Math.round((own.user + own.system) / (ok + bad)) / 1000 : null,
    seconds: round2(elapsed),
    perSecond: ok / elapsed,
    ...latencyStats(latencies),
    cpuPercent,
  };
}

// ---- processes ----------------------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The raw debit loop in its own process; returns what it printed. */
function runDebitCeiling(db, userIds, workers, seconds, idPrefix) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/support/maxbridge-debit-ceiling.js'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DB_URL: db.url,
        CEILING_WORKERS: String(workers),
        CEILING_POOL_SIZE: String(POOL_SIZE),
        CEILING_SECONDS: String(seconds),
        CEILING_USERS: userIds.join(','),
        CEILING_ID_PREFIX: idPrefix,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`debit ceiling exited with ${code}`));
      else resolve(JSON.parse(output));
    });
  });
}

/** A local process by its command name (/proc/<pid>/comm), null when there is none. */
function processByName(...names) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (names.includes(name)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** The local MariaDB server process, to tell where CPU goes (null when it runs elsewhere). */
const databaseServerPid = () => processByName('mariadbd', 'mysqld');

/** CPU time spent by the whole machine (all cores, idle and I/O wait excluded), in seconds. */
function machineBusySeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1, 9);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * Starts counting the CPU time of the server under test, of MariaDB, of this process (the load
 * generator) and of everything else on the machine (other: what a busy neighbour would take); the
 * function returned gives each as a % of one core over the time since.
 */
function cpuMeter(serverPid) {
  const mariadbPid = databaseServerPid();
  const before = {
    server: serverPid ? cpuSeconds(serverPid) : null,
    mariadb: mariadbPid ? cpuSeconds(mariadbPid) : null,
    load: process.cpuUsage(),
    machine: machineBusySeconds(),
    at: performance.now(),
  };
  return (serverCpuSeconds) => {
    const wall = (performance.now() - before.at) / 1000;
    const percent = (seconds) => (seconds === null ? null : Math.round((seconds / wall) * 100));
    const since = (start, now) => (start === null || now === null ? null : now - start);
    const load = process.cpuUsage(before.load);
    const used = {
      server: serverCpuSeconds ?? since(before.server, serverPid && cpuSeconds(serverPid)),
      mariadb: since(before.mariadb, mariadbPid && cpuSeconds(mariadbPid)),
      load: (load.user + load.system) / 1e6,
    };
    const machine = since(before.machine, machineBusySeconds());
    const other =
      machine === null
        ? null
        : Math.max(0, machine - used.server - (used.mariadb ?? 0) - used.load);
    return {
      server: percent(used.server),
      mariadb: percent(used.mariadb),
      load: percent(used.load),
      other: percent(other),
    };
  };
}

// ---- database -----------------------------------------------------------------------------

async function createDatabase() {
  const server = new URL(SERVER_URL);
  const name = `bm_bench_maxbridge_${RUN}`;
  const admin = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password || ''),
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.query(`USE \`${name}\``);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const status = async (names) => {
    const [rows] = await admin.query(
      'SELECT VARIABLE_NAME AS name, VARIABLE_VALUE AS value FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN (?)',
      [names.map((n) => n.toUpperCase())],
    );
    const out = {};
    for (const n of names) out[n] = 0;
    for (const row of rows) {
      const n = names.find((x) => x.toUpperCase() === row.name.toUpperCase());
      out[n] = Number(row.value);
    }
    return out;
  };
  return {
    name,
    url: url.toString(),
    admin,
    query: (sql, params) => admin.query(sql, params),
    about: async () => {
      const [[row]] = await admin.query(
        'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool, ' +
          '@@innodb_flush_log_at_trx_commit AS flushLogAtTrxCommit, @@innodb_log_file_size AS logFile, ' +
          '@@innodb_doublewrite AS doublewrite, @@log_bin AS logBin, @@tx_isolation AS isolation',
      );
      return {
        version: row.version,
        innodbBufferPoolMiB: Math.round(Number(row.bufferPool) / 2 ** 20),
        innodbFlushLogAtTrxCommit: Number(row.flushLogAtTrxCommit),
        innodbLogFileMiB: Math.round(Number(row.logFile) / 2 ** 20),
        innodbDoublewrite: Number(row.doublewrite),
        logBin: Number(row.logBin),
        defaultIsolation: row.isolation,
        checkpointMaxAgeMiB: round1(
          (await status(['Innodb_checkpoint_max_age'])).Innodb_checkpoint_max_age / 2 ** 20,
        ),
      };
    },
    counters: () => status(DB_COUNTERS),
    /**
     * A pause between measures: at least SETTLE.minMs, then while InnoDB is still bringing its
     * checkpoint age down (flushing what the previous measure wrote), SETTLE.maxMs at most. An
     * idle MariaDB may not flush at all (the age then stays where it is): no use waiting longer.
     */
    settle: async () => {
      const start = Date.now();
      const age = async () => (await status(['Innodb_checkpoint_age'])).Innodb_checkpoint_age;
      let bytes = await age();
      await sleep(SETTLE.minMs);
      for (let previous = bytes; Date.now() - start < SETTLE.maxMs; previous = bytes) {
        bytes = await age();
        if (bytes < SETTLE.checkpointAgeBytes || bytes >= previous) break;
        await sleep(250);
      }
      return { waitedMs: Date.now() - start, checkpointAgeMiB: round1(bytes / 2 ** 20) };
    },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** What a measure made MariaDB do, per request (or transaction) answered. */
function perRequest(before, after, count) {
  const d = (n) => after[n] - before[n];
  const per = (x) => (count > 0 ? round2(x / count) : null);
  return {
    statements: per(d('Questions')),
    selects: per(d('Com_select')),
    inserts: per(d('Com_insert') + d('Com_insert_select')),
    updates: per(d('Com_update')),
    begins: per(d('Com_begin')),
    commits: per(d('Com_commit')),
    sets: per(d('Com_set_option')),
    fsyncs: per(d('Innodb_data_fsyncs')),
    rowLockWaits: count > 0 ? Math.round((d('Innodb_row_lock_waits') / count) * 1000) / 1000 : null,
    rowLockWaitMs: d('Innodb_row_lock_waits')
      ? round2(d('Innodb_row_lock_time') / d('Innodb_row_lock_waits'))
      : 0,
  };
}

/**
 * --wallets users with an EUR account of SPREAD_BALANCE and one hot user with HOT_BALANCE, each
 * account with its opening adjustment row; one identity document per user (get-user-info lists it).
 */
async function seedWallets(db) {
  const now = databaseTime(new Date());
  const pad = (i) => String(i).padStart(5, '0');
  const chunks = (rows, size = 500) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
      rows.slice(i * size, (i + 1) * size),
    );
  const insert = async (sql, rows) => {
    for (const chunk of chunks(rows)) await db.query(sql, [chunk]);
  };
  const count = WALLETS + 1;
  const users = Array.from({ length: count }, (_, i) => [
    `bench_${RUN}_${pad(i + 1)}`,
    'bench-not-a-password-hash',
    `Bench User ${pad(i + 1)}`,
    '1985-05-15',
    MAX_LIMIT,
    1,
    2, // Verified
    EUR_NUMERIC,
    'bench.example.com',
    '{"source":"bench"}',
    now,
    now,
  ]);
  await insert(
    'INSERT INTO wallet_users (user_name, password_hash, full_name, birth_date, transaction_max_limit, ' +
      'transaction_min_limit, user_status_id, preferred_currency_id, registration_domain, additional_data, ' +
      'created_at, updated_at) VALUES ?',
    users,
  );
  const [userRows] = await db.query(
    'SELECT id FROM wallet_users WHERE user_name LIKE ? ORDER BY id',
    [`bench\\_${RUN}\\_%`],
  );
  const userIds = userRows.map((r) => Number(r.id));
  const hotUserId = userIds[userIds.length - 1];
  await insert(
    'INSERT INTO wallet_accounts (user_id, currency, balance, created_at, updated_at) VALUES ?',
    userIds.map((id) => [id, 'EUR', id === hotUserId ? HOT_BALANCE : SPREAD_BALANCE, now, now]),
  );
  const [accountRows] = await db.query(
    'SELECT id, user_id, balance FROM wallet_accounts ORDER BY id',
  );
  await insert(
    'INSERT INTO wallet_ledger (account_id, type, amount, fee, currency, balance_after, provider_transaction_id, ' +
      'core_transaction_id, service_id, client_ip, language, note, created_at) VALUES ?',
    accountRows.map((a) => [
      a.id,
      'adjustment',
      a.balance,
      null,
      'EUR',
      a.balance,
      null,
      `open-${RUN}-${a.id}`,
      null,
      null,
      null,
      'opening balance',
      now,
    ]),
  );
  await insert(
    'INSERT INTO wallet_documents (user_id, document_type_id, document_number, personal_id, country_id, ' +
      'issue_date, expiration_date, issuing_authority, issuing_place, additional_data, status, status_note, ' +
      'modified_at) VALUES ?',
    userIds.map((id) => [
      id,
      2, // Passport
      `P${pad(id)}`,
      `ID${pad(id)}`,
      191,
      '2022-01-15',
      '2032-01-14',
      'Gov Agency',
      'City Center',
      null,
      1,
      null,
      now,
    ]),
  );
  return { spreadUserIds: userIds.slice(0, -1), hotUserId };
}

/** The money invariants, after everything ran. */
async function verify(context) {
  const { db, counts } = context;
  const scalar = async (sql, params) => Object.values((await db.query(sql, params))[0][0])[0];
  const checks = [];
  const add = (name, ok, detail) => checks.push({ name, ok, detail });

  const negative = Number(await scalar('SELECT COUNT(*) FROM wallet_accounts WHERE balance < 0'));
  add('no negative balance', negative === 0, `${negative} accounts below zero`);

  const [[sums]] = await db.query(
    'SELECT COUNT(*) AS accounts, SUM(a.balance <> COALESCE(l.total, 0)) AS mismatched ' +
      'FROM wallet_accounts a LEFT JOIN (SELECT account_id, SUM(amount) AS total FROM wallet_ledger ' +
      'GROUP BY account_id) l ON l.account_id = a.id',
  );
  add(
    'balance == SUM(ledger.amount) for every account',
    Number(sums.mismatched) === 0,
    `${sums.mismatched} of ${sums.accounts} accounts differ`,
  );

  const lastRowsDiffer = Number(
    await scalar(
      'SELECT COUNT(*) FROM wallet_accounts a JOIN wallet_ledger l ON l.id = ' +
        '(SELECT MAX(id) FROM wallet_ledger WHERE account_id = a.id) WHERE l.balance_after <> a.balance',
    ),
  );
  add(
    "latest ledger row's balance_after == balance for every account",
    lastRowsDiffer === 0,
    `${lastRowsDiffer} accounts differ`,
  );

  const [[rows]] = await db.query(
    'SELECT COUNT(*) AS total, ' +
      'SUM(LEFT(provider_transaction_id, ?) = ?) AS service, ' +
      'SUM(CASE WHEN LEFT(provider_transaction_id, ?) = ? THEN amount ELSE 0 END) AS serviceAmount, ' +
      'SUM(LEFT(provider_transaction_id, ?) = ?) AS ceiling ' +
      "FROM wallet_ledger WHERE type = 'withdraw'",
    [SERVICE_TX.length, SERVICE_TX, SERVICE_TX.length, SERVICE_TX, CEILING_TX.length, CEILING_TX],
  );
  const service = Number(rows.service ?? 0);
  const ceiling = Number(rows.ceiling ?? 0);
  add(
    'service withdraw ledger rows == code-10 withdraw answers',
    service === counts.serviceWithdrawals,
    `${service} rows, ${counts.serviceWithdrawals} code-10 answers` +
      (counts.serviceUnanswered
        ? ` (${counts.serviceUnanswered} requests without an answer, which may have committed)`
        : ''),
  );
  add(
    'service withdraw rows are 1 cent each',
    Number(rows.serviceAmount ?? 0) === -service,
    `sum ${rows.serviceAmount ?? 0} for ${service} rows`,
  );
  add(
    'raw-loop withdraw rows == transactions the loops committed',
    ceiling === counts.ceilingCommits,
    `${ceiling} rows, ${counts.ceilingCommits} commits reported`,
  );
  add(
    'no other withdraw row',
    Number(rows.total) === service + ceiling,
    `${rows.total} withdraw rows in all`,
  );
  return {
    ok: checks.every((c) => c.ok),
    checks,
    withdrawRows: { service, ceiling, total: Number(rows.total) },
  };
}

// ---- measures -----------------------------------------------------------------------------

function describe(r) {
  const parts = [`${Math.round(r.perSecond)}/s`, `p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`];
  if (r.bad) parts.push(`${r.bad} WRONG ANSWERS (${JSON.stringify(r.wrong)})`);
  if (r.refused) parts.push(`${r.refused} REFUSED DEBITS`);
  if (r.db) parts.push(`${r.db.statements} statements, ${r.db.fsyncs} fsyncs per op`);
  if (r.settle)
    parts.push(
      `settled ${r.settle.waitedMs} ms before (checkpoint age ${r.settle.checkpointAgeMiB} MiB)`,
    );
  parts.push(
    `cpu server/db/load/other ${r.cpuPercent.server}/${r.cpuPercent.mariadb}/${r.cpuPercent.load}/${r.cpuPercent.other} %`,
  );
  return parts.join(', ');
}

/** One measure: let InnoDB flush what the previous one wrote, count MariaDB's work, run `work`. */
async function measure(context, label, count, work) {
  const settled = await context.db.settle();
  const before = await context.db.counters();
  const result = await work();
  result.db = perRequest(before, await context.db.counters(), count(result));
  result.settle = settled;
  log(`  ${label}: ${describe(result)}`);
  return result;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** Withdrawals on the service. */
function serviceWithdraw(context, kind, seconds) {
  const users = kind === 'hot' ? [context.wallets.hotUserId] : context.wallets.spreadUserIds;
  const label = `service withdraw, ${kind}`;
  return measure(
    context,
    label,
    (r) => r.answered,
    async () => {
      const run = await httpLoad({
        port: context.ports.service,
        path: '/api/payment/withdraw',
        seconds,
        serverPid: context.servers.service.child.pid,
        next: () => withdrawRequest(pick(users)),
        check: checkWithdraw,
      });
      context.counts.serviceWithdrawals += run.ok;
      context.counts.serviceUnanswered += run.unanswered;
      if (run.bad)
        context.failures.push(`${label}: ${run.bad} wrong answers, first ${run.firstBad}`);
      return run;
    },
  );
}

let ceilingRuns = 0;

function ceilingWithdraw(context, kind, workers, seconds) {
  const users = kind === 'hot' ? [context.wallets.hotUserId] : context.wallets.spreadUserIds;
  return measure(
    context,
    `raw mysql2 debit loop, ${kind}, ${workers} in flight`,
    (r) => r.committed,
    async () => {
      const cpu = cpuMeter(null);
      const run = await runDebitCeiling(
        context.db,
        users,
        workers,
        seconds,
        `${CEILING_TX}${(ceilingRuns++).toString(36)}-`,
      );
      context.counts.ceilingCommits += run.committed;
      if (run.refused) context.failures.push(`raw loop ${kind}: ${run.refused} debits refused`);
      return { ...run, workers, cpuPercent: cpu(run.cpuSeconds) };
    },
  );
}

function serviceUserInfo(context, seconds) {
  return measure(
    context,
    'service get-user-info',
    (r) => r.answered,
    async () => {
      const run = await httpLoad({
        port: context.ports.service,
        path: '/api/payment/get-user-info',
        seconds,
        serverPid: context.servers.service.child.pid,
        next: () => userInfoRequest(pick(context.wallets.spreadUserIds)),
        check: checkUserInfo,
      });
      if (run.bad)
        context.failures.push(
          `service get-user-info: ${run.bad} wrong answers, first ${run.firstBad}`,
        );
      return run;
    },
  );
}

function bareUserInfo(context, seconds) {
  return measure(
    context,
    'bare node:http get-user-info',
    (r) => r.answered,
    async () => {
      const run = await httpLoad({
        port: context.ports.bare,
        path: '/api/payment/get-user-info',
        seconds,
        serverPid: context.servers.bare.child.pid,
        next: () => userInfoRequest(pick(context.wallets.spreadUserIds)),
        check: checkCeilingUserInfo,
      });
      if (run.bad)
        context.failures.push(`bare server: ${run.bad} wrong answers, first ${run.firstBad}`);
      return run;
    },
  );
}

async function warmUp(context) {
  log(`warm-up, ${WARMUP_SECONDS} s per measure (not counted)`);
  for (const kind of ['spread', 'hot']) {
    for (const workers of CEILING_WORKERS)
      await ceilingWithdraw(context, kind, workers, WARMUP_SECONDS);
    await serviceWithdraw(context, kind, WARMUP_SECONDS);
  }
  await bareUserInfo(context, WARMUP_SECONDS);
  await serviceUserInfo(context, WARMUP_SECONDS);
}

async function round(context, number) {
  log(`round ${number}/${ROUNDS}`);
  const r = { round: number, extraCeilings: [] };
  for (const kind of ['spread', 'hot']) {
    r[`${kind}Ceiling`] = await ceilingWithdraw(context, kind, POOL_SIZE, SECONDS);
    for (const workers of CEILING_WORKERS.slice(1))
      r.extraCeilings.push({ kind, ...(await ceilingWithdraw(context, kind, workers, SECONDS)) });
    r[`${kind}Service`] = await serviceWithdraw(context, kind, SECONDS);
  }
  r.userInfoCeiling = await bareUserInfo(context, SECONDS);
  r.userInfoService = await serviceUserInfo(context, SECONDS);
  r.ratios = {
    spread: r.spreadService.perSecond / r.spreadCeiling.perSecond,
    hot: r.hotService.perSecond / r.hotCeiling.perSecond,
    userInfo: r.userInfoService.perSecond / r.userInfoCeiling.perSecond,
  };
  return r;
}

/** Before measuring: the service answers signed requests as expected, and refuses bad ones. */
async function sanityChecks(context) {
  const agent = new http.Agent({ keepAlive: true });
  const port = context.ports.service;
  const failures = [];
  try {
    const userId = context.wallets.spreadUserIds[Math.floor(WALLETS / 2)];
    const info = await post(agent, port, '/api/payment/get-user-info', userInfoRequest(userId));
    const body = parse(info.text);
    if (
      body?.code !== 10 ||
      body.data?.userinfo?.userID !== userId ||
      body.data.userinfo.balance !== SPREAD_BALANCE ||
      body.data.userinfo.userDocs?.length !== 1
    )
      failures.push(`get-user-info of ${userId}: ${info.status} ${info.text.slice(0, 300)}`);
    const unknown = await post(agent, port, '/api/payment/get-user-info', userInfoRequest(10 ** 9));
    if (parse(unknown.text)?.code !== 125)
      failures.push(
        `get-user-info of an unknown user: ${unknown.text.slice(0, 200)} (expected code 125)`,
      );
    const forged = userInfoRequest(userId);
    forged.hash = createHash('sha256').update('forged').digest('hex');
    const wrongHash = parse((await post(agent, port, '/api/payment/get-user-info', forged)).text);
    if (wrongHash?.code !== 139)
      failures.push(`a wrong Hash answered ${JSON.stringify(wrongHash)} (expected 139)`);
    const first = withdrawRequest(context.wallets.spreadUserIds[0]);
    const answer = await post(agent, port, '/api/payment/withdraw', first);
    if (checkWithdraw(answer, first) === null) context.counts.serviceWithdrawals++;
    else failures.push(`a withdrawal answered ${answer.status} ${answer.text.slice(0, 300)}`);
    const again = parse((await post(agent, port, '/api/payment/withdraw', first)).text);
    if (again?.code !== 138)
      failures.push(`a replayed Nonce answered ${JSON.stringify(again)} (expected 138)`);
    return { answerBytes: Buffer.byteLength(info.text), answerText: info.text, failures };
  } finally {
    agent.destroy();
  }
}

// ---- results ------------------------------------------------------------------------------

function summarize(rounds) {
  const m = (f) => median(rounds.map(f));
  const r0 = (key) => rounds[0][key];
  const of = (key) => ({
    perSecond: Math.round(m((r) => r[key].perSecond)),
    p50Ms: m((r) => r[key].p50Ms),
    p99Ms: m((r) => r[key].p99Ms),
    maxMs: m((r) => r[key].maxMs),
    wrongAnswers: rounds.reduce((n, r) => n + (r[key].bad ?? 0) + (r[key].refused ?? 0), 0),
    loadCpuMsPerRequest:
      r0(key).loadCpuMsPerRequest === undefined ? null : m((r) => r[key].loadCpuMsPerRequest),
    connectionsOpened:
      r0(key).connectionsOpened === undefined
        ? null
        : Math.max(...rounds.map((r) => r[key].connectionsOpened)),
    cpuPercent: {
      server: m((r) => r[key].cpuPercent.server),
      mariadb: m((r) => r[key].cpuPercent.mariadb),
      load: m((r) => r[key].cpuPercent.load),
      other: m((r) => r[key].cpuPercent.other),
    },
    db: Object.fromEntries(Object.keys(rounds[0][key].db).map((k) => [k, m((r) => r[key].db[k])])),
  });
  const summary = {};
  for (const key of [
    'spreadCeiling',
    'spreadService',
    'hotCeiling',
    'hotService',
    'userInfoCeiling',
    'userInfoService',
  ])
    summary[key] = of(key);
  summary.ratios = {
    spread: Number(m((r) => r.ratios.spread).toFixed(3)),
    hot: Number(m((r) => r.ratios.hot).toFixed(3)),
    userInfo: Number(m((r) => r.ratios.userInfo).toFixed(3)),
  };
  summary.ratiosOfMedians = {
    spread: Number((summary.spreadService.perSecond / summary.spreadCeiling.perSecond).toFixed(3)),
    hot: Number((summary.hotService.perSecond / summary.hotCeiling.perSecond).toFixed(3)),
    userInfo: Number(
      (summary.userInfoService.perSecond / summary.userInfoCeiling.perSecond).toFixed(3),
    ),
  };
  summary.extraCeilings = CEILING_WORKERS.slice(1).flatMap((workers) =>
    ['spread', 'hot'].map((kind) => {
      const runs = rounds.map((r) =>
        r.extraCeilings.find((x) => x.kind === kind && x.workers === workers),
      );
      return {
        kind,
        workers,
        perSecond: Math.round(median(runs.map((x) => x.perSecond))),
        p50Ms: median(runs.map((x) => x.p50Ms)),
        p99Ms: median(runs.map((x) => x.p99Ms)),
      };
    }),
  );
  return summary;
}

function checkpointAges(rounds) {
  const ages = rounds.flatMap((r) =>
    [...Object.values(r), ...r.extraCeilings]
      .filter((x) => x && x.settle)
      .map((x) => x.settle.checkpointAgeMiB),
  );
  return { min: Math.min(...ages), max: Math.max(...ages) };
}

function writeResults(report) {
  const { summary: s, mariadb, invariants } = report;
  const verdict = (ratio, target) =>
    target === null ? 'reported (no target)' : ratio >= target ? 'met' : '**not met**';
  const cpu = (x) =>
    `${x.cpuPercent.server ?? '–'} / ${x.cpuPercent.mariadb ?? '–'} / ${x.cpuPercent.load ?? '–'} / ${x.cpuPercent.other ?? '–'}`;
  const dbCells = (x) =>
    `${x.db.statements} (${x.db.selects} select, ${x.db.inserts} insert, ${x.db.updates} update, ${x.db.sets} set, ${x.db.begins} begin, ${x.db.commits} commit) | ` +
    `${x.db.fsyncs} | ${x.db.rowLockWaits} × ${x.db.rowLockWaitMs} ms`;
  const mainRow = (label, service, ceilingLabel, ceiling, ratio, target) =>
    `| ${label} | ${service.perSecond} | ${ceilingLabel}: ${ceiling.perSecond} | ${ratio.toFixed(3)} | ${target === null ? '–' : `≥ ${target}`} | ${verdict(ratio, target)} |`;
  const detailRow = (label, x, unit) =>
    `| ${label} | ${x.perSecond} ${unit} | ${x.p50Ms} | ${x.p99Ms} | ${x.maxMs} | ${x.wrongAnswers} | ${cpu(x)} | ${x.db ? dbCells(x) : '– | – | –'} |`;
  const raw = `raw mysql2 loop, ${POOL_SIZE} in flight`;
  /** CPU time per operation, in ms, of one of the processes of a measure. */
  const cpuMs = (x, who) =>
    x.cpuPercent[who] === null ? '?' : round2((x.cpuPercent[who] * 10) / x.perSecond);
  const otherCpu = (r) =>
    Math.max(
      ...[...Object.values(r), ...r.extraCeilings]
        .filter((x) => x && x.cpuPercent)
        .map((x) => x.cpuPercent.other ?? 0),
    );
  const disturbed = report.rounds
    .filter((r) => otherCpu(r) >= BUSY_NEIGHBOUR_PERCENT)
    .map((r) => r.round);
  const total = (x) =>
    ['server', 'mariadb', 'load', 'other'].reduce((n, who) => n + (x.cpuPercent[who] ?? 0), 0);
  /** Every load-generator measure of the run (warm-ups are not kept): connections it opened. */
  const opened = report.rounds.flatMap((r) =>
    Object.values(r)
      .filter((x) => x && x.connectionsOpened !== undefined)
      .map((x) => x.connectionsOpened),
  );
  const reading = [
    `- Withdrawals, spread: the service process ran at ${s.spreadService.cpuPercent.server} % of a core, ` +
      `${cpuMs(s.spreadService, 'server')} ms of CPU per withdrawal; the raw loop's process ${cpuMs(s.spreadCeiling, 'server')} ms ` +
      `per transaction. mariadbd: ${cpuMs(s.spreadService, 'mariadb')} ms per service withdrawal, ${cpuMs(s.spreadCeiling, 'mariadb')} ms ` +
      `per raw transaction. All processes together: ${total(s.spreadService)} % (service measure) and ${total(s.spreadCeiling)} % ` +
      `(raw loop) of the ${report.cpuCount * 100} % the machine has. A Node process runs its JavaScript on one thread: ` +
      'near 100 % of a core, it is the limit.',
    `- Round trips: a service withdrawal sends ${s.spreadService.db.statements} statements to MariaDB and costs ` +
      `${s.spreadService.db.fsyncs} InnoDB fsyncs; a raw transaction ${s.spreadCeiling.db.statements} statements and ` +
      `${s.spreadCeiling.db.fsyncs} fsyncs (commits of concurrent transactions share an fsync).`,
    `- Withdrawals, hot: every debit waits for the one row lock, held from the UPDATE to the COMMIT. Row lock waits per ` +
      `operation × mean wait: service ${s.hotService.db.rowLockWaits} × ${s.hotService.db.rowLockWaitMs} ms, raw loop ` +
      `${s.hotCeiling.db.rowLockWaits} × ${s.hotCeiling.db.rowLockWaitMs} ms; service process at ${s.hotService.cpuPercent.server} % of a core ` +
      `(${cpuMs(s.hotService, 'server')} ms per withdrawal).`,
    `- get-user-info: the service process at ${s.userInfoService.cpuPercent.server} % of a core, ${cpuMs(s.userInfoService, 'server')} ms ` +
      `per request, ${s.userInfoService.db.statements} statements and ${s.userInfoService.db.fsyncs} fsyncs per request (claiming ` +
      `the nonce is a write). The bare server ran at ${s.userInfoCeiling.cpuPercent.server} % of a core, ` +
      `${cpuMs(s.userInfoCeiling, 'server')} ms per request, and this process, the load generator, at ` +
      `${s.userInfoCeiling.cpuPercent.load} % of a core, ${s.userInfoCeiling.loadCpuMsPerRequest} ms per request` +
      (() => {
        const { server, load } = s.userInfoCeiling.cpuPercent;
        const busy = `${total(s.userInfoCeiling)} % of the ${report.cpuCount * 100} % of the machine in use`;
        if (server >= 85 && load >= 85)
          return (
            `: both near a full core (${busy}): the ceiling is what the machine's cores give the bare server ` +
            'and the load generator together; the bare server would answer more with the cores to itself, ' +
            'so the ratio is, if anything, high.'
          );
        if (load >= 85)
          return ': **the ceiling is limited by the load generator**, so it is low and the ratio high.';
        if (server >= 85)
          return ': the bare server is the limit of its ceiling (its one thread near a full core), not the load generator.';
        return `: neither is at a full core (${busy}).`;
      })(),
  ];
  const lines = [
    '# MaxBridge: withdrawals and get-user-info on MariaDB',
    '',
    `Run ${report.when} on ${report.machine}, code ${report.code}.`,
    `MariaDB ${mariadb.version}, same machine: innodb_buffer_pool_size ${mariadb.innodbBufferPoolMiB} MiB, ` +
      `innodb_flush_log_at_trx_commit ${mariadb.innodbFlushLogAtTrxCommit}, innodb_log_file_size ${mariadb.innodbLogFileMiB} MiB, ` +
      `doublewrite ${mariadb.innodbDoublewrite}, binary log ${mariadb.logBin ? 'on' : 'off'}.`,
    `Command: \`${report.command}\`. ${ROUNDS} round(s) alternating ceiling and service, ${SECONDS} s per measure after a ` +
      `${WARMUP_SECONDS} s warm-up of each; ${CONNECTIONS} keep-alive connections; ${WALLETS} wallets + 1 hot wallet. ` +
      'Medians over rounds; a ratio is the median of the per-round ratios. Absolute figures are not comparable between machines.',
    '',
    '| scenario | service ops/s | ceiling ops/s | ratio | target | verdict |',
    '|---|---|---|---|---|---|',
    mainRow(
      `POST /api/payment/withdraw, spread over ${WALLETS} wallets`,
      s.spreadService,
      raw,
      s.spreadCeiling,
      s.ratios.spread,
      TARGETS.spread,
    ),
    mainRow(
      'POST /api/payment/withdraw, one hot wallet',
      s.hotService,
      raw,
      s.hotCeiling,
      s.ratios.hot,
      TARGETS.hot,
    ),
    mainRow(
      'POST /api/payment/get-user-info',
      s.userInfoService,
      'bare node:http, same answer bytes',
      s.userInfoCeiling,
      s.ratios.userInfo,
      null,
    ),
    '',
    `Money invariants after all runs: **${invariants.ok ? 'pass' : 'FAIL'}**. Service peak RSS (VmHWM): ${report.servicePeakRssMiB ?? '?'} MiB. ` +
      `Wrong answers while measuring: ${report.failures.length ? `**${report.failures.length} measure(s) with wrong answers** (see below)` : 'none'}.`,
    '',
    '## Latency and where the time goes',
    '',
    'Latency per request (service, bare server) or per transaction (raw loop: from taking a pooled connection to COMMIT). ' +
      'CPU %: CPU time over the measure / wall time (100 % = one core) of the server under test (raw loop: its own process), ' +
      'of mariadbd, of this process (load generator), and of everything else on the machine (other: a busy neighbour ' +
      'would show there). MariaDB columns: global status deltas over the measure, per answer or commit.',
    '',
    '| measure | throughput | p50 ms | p99 ms | max ms | wrong answers | CPU % server / mariadbd / load / other | statements per op | fsyncs per op | row lock waits per op × mean wait |',
    '|---|---|---|---|---|---|---|---|---|---|',
    detailRow(`raw loop, spread, ${POOL_SIZE} in flight`, s.spreadCeiling, 'tx/s'),
    detailRow(`service withdraw, spread (${CONNECTIONS} conn)`, s.spreadService, 'req/s'),
    detailRow(`raw loop, hot, ${POOL_SIZE} in flight`, s.hotCeiling, 'tx/s'),
    detailRow(`service withdraw, hot (${CONNECTIONS} conn)`, s.hotService, 'req/s'),
    detailRow(`bare node:http get-user-info (${CONNECTIONS} conn)`, s.userInfoCeiling, 'req/s'),
    detailRow(`service get-user-info (${CONNECTIONS} conn)`, s.userInfoService, 'req/s'),
    ...s.extraCeilings.map(
      (x) =>
        `| raw loop, ${x.kind}, ${x.workers} in flight (info) | ${x.perSecond} tx/s | ${x.p50Ms} | ${x.p99Ms} | – | – | – | – | – | – |`,
    ),
    '',
    'Client side: the load generator (this process, bench/support/maxbridge-http-client.js over node:net) spent ' +
      `${s.spreadService.loadCpuMsPerRequest} ms of CPU per service withdrawal (${s.spreadService.cpuPercent.load} % of a core), ` +
      `${s.hotService.loadCpuMsPerRequest} ms per hot withdrawal, ${s.userInfoService.loadCpuMsPerRequest} ms per service get-user-info and ` +
      `${s.userInfoCeiling.loadCpuMsPerRequest} ms per bare-server request (fewer wake-ups per request at a higher rate), all in: ` +
      `building, signing, writing, reading, checking. Building and signing one withdrawal (JSON body, nonce, SHA-256, the request ` +
      `text) costs ${report.signingMicros} µs of that. Connections opened per measure: ` +
      `${Math.min(...opened)} to ${Math.max(...opened)} for ${CONNECTIONS} connections` +
      (Math.max(...opened) > CONNECTIONS
        ? ' (**some were closed by the server and opened again**).'
        : ' (kept alive throughout).'),
    '',
    '### Reading',
    '',
    ...reading,
    '',
    '## Money invariants',
    '',
    '| check | result | detail |',
    '|---|---|---|',
    ...invariants.checks.map((c) => `| ${c.name} | ${c.ok ? 'pass' : '**FAIL**'} | ${c.detail} |`),
    '',
    '## Rounds',
    '',
    '| round | spread: raw / service / ratio | hot: raw / service / ratio | get-user-info: bare / service / ratio | most CPU taken by other processes in a measure |',
    '|---|---|---|---|---|',
    ...report.rounds.map(
      (r) =>
        `| ${r.round} | ${Math.round(r.spreadCeiling.perSecond)} / ${Math.round(r.spreadService.perSecond)} / ${r.ratios.spread.toFixed(3)} | ` +
        `${Math.round(r.hotCeiling.perSecond)} / ${Math.round(r.hotService.perSecond)} / ${r.ratios.hot.toFixed(3)} | ` +
        `${Math.round(r.userInfoCeiling.perSecond)} / ${Math.round(r.userInfoService.perSecond)} / ${r.ratios.userInfo.toFixed(3)} | ` +
        `${otherCpu(r)} %${otherCpu(r) >= BUSY_NEIGHBOUR_PERCENT ? ' (**disturbed**)' : ''} |`,
    ),
    '',
    ...(disturbed.length
      ? [
          `Round(s) ${disturbed.join(', ')}: some measure shared the machine with other processes taking ≥ ${BUSY_NEIGHBOUR_PERCENT} % ` +
            'of a core (the "other" CPU); the medians above limit their weight.',
          '',
        ]
      : []),
    '## How',
    '',
    `- The service: \`node ${startScriptNodeFlags().join(' ')} dist/main.js\` (as \`npm start\` runs it) with ` +
      'MAXBRIDGE_HASH_SECRET set, WORKER_ENABLED=false, LOG_LEVEL=warn, DEMO_TEAM=false, default DB_POOL_SIZE (10), ' +
      'nonces in the database; on a fresh database it migrates itself. Wallets are inserted by raw SQL ' +
      `(users Verified, limits 1 .. 10^12 cents, one passport each; EUR accounts of 10^12 cents, the hot one 10^15; an ` +
      'opening adjustment ledger row per account).',
    '- Load: a minimal HTTP/1.1 client over node:net sockets in the bench process (bench/support/maxbridge-http-client.js), ' +
      `${CONNECTIONS} keep-alive connections, each writing its next request (one prebuilt string, one write) when the previous ` +
      'answer has fully arrived (status line, Content-Length or chunked body, read into a per-connection buffer with ' +
      "net's `onread`, no stream machinery), on the same cores as the service and MariaDB. It replaced node:http's client " +
      `(http.request on a keep-alive Agent), which took ${NODE_HTTP_CLIENT.cpuMsPerRequest} ms of CPU per request at the ` +
      `service's rates on the machine of the first runs (${NODE_HTTP_CLIENT.percentOfCore} % of a core at ~900 req/s): CPU ` +
      'taken from the service and MariaDB on the shared cores, and the limit of the bare-server ceiling. Every request is ' +
      'signed (Nonce unique per request, Hash = hex(SHA-256(nonce + body + secret)), the exact body bytes sent). A withdrawal ' +
      "is 1 cent, fee null, with a new transaction_id, on a random wallet (spread) or the hot one; get-user-info asks for a random wallet's " +
      'user. Every answer is checked: withdraw code 10 with its own transaction id, get-user-info code 10 with the user ' +
      'asked (bare server: code 10); a connection error or a timeout (60 s) counts as a wrong answer. Latency is from ' +
      `writing the request to the last byte of the answer. A measure sends for ${SECONDS} s; answers in flight then are ` +
      'awaited and counted, and its rate is answers / time to the last answer.',
    `- Withdrawal ceiling: bench/support/maxbridge-debit-ceiling.js, its own process, mysql2 with the service's connection ` +
      `options, a pool of ${POOL_SIZE} connections and ${POOL_SIZE} workers (what the service can have in flight), each ` +
      "transaction on a pooled connection: START TRANSACTION; the service's conditional `UPDATE wallet_accounts ... WHERE " +
      'user_id = ? AND currency = ? AND balance >= ? AND EXISTS (limits and status)`; its `INSERT INTO wallet_ledger (...) ' +
      'SELECT ..., balance, ... FROM wallet_accounts WHERE user_id = ? AND currency = ?` (both loaded from ' +
      'dist/maxbridge/wallet/wallet.statements.js, the code the service runs) ' +
      '(the same values as the service); COMMIT. Same database, tables, wallets (random, or the hot one). Its connections run ' +
      "READ COMMITTED like the service's transactions, set once per connection.",
    '- get-user-info ceiling: bench/support/maxbridge-bare-server.js, its own process: reads the body, answers 200 with ' +
      `the bytes of a real get-user-info answer of the service (${report.userInfoAnswerBytes} bytes), no signature check, no database.`,
    '- Before measuring: get-user-info of a wallet answers code 10 with its balance and document, an unknown user 125, a ' +
      'wrong Hash 139, a withdrawal 10, and the same request again (replayed Nonce) 138.',
    `- Between measures a pause of ${SETTLE.minMs / 1000} s, longer (${SETTLE.maxMs / 1000} s at most) while InnoDB is bringing its checkpoint ` +
      `age down toward ${SETTLE.checkpointAgeBytes / 2 ** 20} MiB; an idle MariaDB may not flush at all. Checkpoint age before each ` +
      `measure (of ${report.mariadb.checkpointMaxAgeMiB} MiB at most) is in the .json: ${report.checkpointAgesMiB.min} to ${report.checkpointAgesMiB.max} MiB in this run.`,
    '',
  ];
  if (report.sanityFailures.length || report.failures.length)
    lines.push(
      '## Failures',
      '',
      ...report.sanityFailures.map((f) => `- before measuring: ${f}`),
      ...report.failures.map((f) => `- ${f}`),
      '',
    );
  const text = lines.join('\n');
  saveResults('maxbridge', text, report);
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  if (!args['skip-build']) {
    buildService();
  }
  const signingMicros = signingCostMicros();
  const db = await createDatabase();
  const servers = {};
  const context = {
    db,
    servers,
    ports: {},
    failures: [],
    counts: { serviceWithdrawals: 0, serviceUnanswered: 0, ceilingCommits: 0 },
  };
  const interrupted = (signal) => {
    log(`${signal}: stopping the servers${args.keep ? '' : ` and dropping ${db.name}`}`);
    for (const server of Object.values(servers)) server.child.kill('SIGKILL');
    (args.keep ? db.admin.end() : db.drop()).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    context.ports.service = await freePort();
    const profileDir = join(tmpdir(), `bench-maxbridge-prof-${RUN}`);
    const flags = [
      ...startScriptNodeFlags(),
      ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ];
    const serviceEnv = {
      DB_URL: db.url,
      HOST: '127.0.0.1',
      MAXBRIDGE_HASH_SECRET: SECRET,
      WORKER_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      DEMO_TEAM: 'false',
    };
    servers.service = await startServer(
      'dist/main.js',
      { ...serviceEnv, PORT: String(context.ports.service) },
      { flags, healthUrl: `http://127.0.0.1:${context.ports.service}/health` },
    );
    log(`database ${db.name}, service on port ${context.ports.service}`);
    context.wallets = await seedWallets(db);
    log(
      `seeded ${context.wallets.spreadUserIds.length} wallets + hot wallet (user ${context.wallets.hotUserId}); ` +
        `signing costs ${signingMicros} µs per request`,
    );
    const sanity = await sanityChecks(context);
    for (const f of sanity.failures) log(`  CHECK FAILED: ${f}`);

    context.ports.bare = await freePort();
    servers.bare = await startServer('bench/support/maxbridge-bare-server.js', {
      PORT: String(context.ports.bare),
      CEILING_BODY: sanity.answerText,
    });

    await warmUp(context);
    const rounds = [];
    for (let n = 1; n <= ROUNDS; n++) rounds.push(await round(context, n));
    const servicePeakRssMiB = peakRssMiB(servers.service.child.pid);
    await stopServer(servers.service);
    if (args['cpu-prof']) log(`service CPU profile in ${profileDir}`);

    log('checking the money in the database');
    const invariants = await verify(context);
    for (const c of invariants.checks) log(`  ${c.ok ? 'pass' : 'FAIL'}: ${c.name} (${c.detail})`);

    const report = {
      when: new Date().toISOString(),
      machine: `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      cpuCount: cpus().length,
      node: process.version,
      code: gitState(),
      command: `npm run bench:maxbridge${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      mariadb: await db.about(),
      database: { name: db.name, kept: args.keep },
      settings: {
        seconds: SECONDS,
        rounds: ROUNDS,
        warmupSeconds: WARMUP_SECONDS,
        connections: CONNECTIONS,
        wallets: WALLETS,
        poolSize: POOL_SIZE,
        ceilingWorkers: CEILING_WORKERS,
        withdrawal: { ...WITHDRAWAL, fee: null },
        balances: { spread: SPREAD_BALANCE, hot: HOT_BALANCE },
      },
      targets: TARGETS,
      signingMicros,
      userInfoAnswerBytes: sanity.answerBytes,
      summary: summarize(rounds),
      checkpointAgesMiB: checkpointAges(rounds),
      verdicts: null,
      servicePeakRssMiB,
      counts: context.counts,
      invariants,
      sanityFailures: sanity.failures,
      failures: context.failures,
      rounds,
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    report.verdicts = {
      spread: report.summary.ratios.spread >= TARGETS.spread,
      hot: report.summary.ratios.hot >= TARGETS.hot,
    };
    writeResults(report);
    log(`\ndone in ${report.durationSeconds} s`);
    if (args.keep) log(`database kept: ${db.url}`);
    if (!invariants.ok || sanity.failures.length || context.failures.length) {
      log('check(s) failed: see bench/results/maxbridge.md');
      process.exitCode = 1;
    }
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
    if (args.keep) await db.admin.end();
    else await db.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
