#!/usr/bin/env node
/**
 * `npm run bench:webhooks [-- --messages 4000 --seconds 15 --skip-build]`
 *
 * Webhook deliveries on MariaDB (DB_SERVER_URL, mariadb://root@127.0.0.1:3306 by default), to a
 * receiver on loopback in a process of its own that answers 200 at once (issue 16):
 *
 *   W  dispatch: 1,000 + --messages test pings queued for 4 endpoints of one team (the service's
 *      dispatcher off), then a service with its dispatcher on (default WEBHOOK_* settings: 16
 *      deliveries at once, 4 per endpoint); deliveries/s of the last --messages (the first
 *      1,000 warm the fresh service up).
 *   C  raw ceiling: the same backlog on an identical database, sent by a loop in this process at
 *      the same concurrency (4 per endpoint) that runs, for each message, the dispatcher's own
 *      SQL (the claim with SKIP LOCKED and its lease, the endpoint's read, then the attempt row
 *      and the status update) and POSTs the same bytes with the same headers.
 *   L  latency: the service with its worker and dispatcher on and the 4 endpoints of W, deposits
 *      that raise an alert each (LARGE_TRANSACTION, a new player each) so that deliveries run at
 *      half of W's rate, for --seconds, sent at a steady pace (one every 1/rate s); for each
 *      message, the time from the outbox (written in the transaction that raises the alert) to
 *      its first attempt. A warm-up of 5 s at the same pace comes first, its messages sent
 *      before the measure begins and not counted.
 *   LB the same with the deposits in bursts: autocannon's `overallRate` sends each second's
 *      requests at once when the second begins (reported; the worker then raises a second's
 *      alerts in a few batches).
 * Targets: W >= 0.6 x C; p99 of L <= 500 ms. Writes bench/results/webhooks.md and .json.
 */
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');
const { createHmac } = require('node:crypto');
const { request } = require('node:http');
const { randomBytes } = require('node:crypto');
const { cpus, totalmem } = require('node:os');
const { setTimeout: sleep } = require('node:timers/promises');
const { parseArgs } = require('node:util');
const { admin, freshDatabase: createDatabase } = require('./support/bench-database');
const { pacedLoad } = require('./support/paced-load');
const {
  startServer,
  stopServer,
  cpuSeconds,
  databaseServerPid,
  gitState,
  round1,
  log,
  buildService,
  saveResults,
} = require('./support/process');

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '4000' },
    seconds: { type: 'string', default: '15' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const MESSAGES = Number(args.messages);
const SECONDS = Number(args.seconds);
const ENDPOINTS = 4;
const WARM_UP_SECONDS = 5;
const WARM_UP_MESSAGES = 1000;
const PER_ENDPOINT = 4;
const RUN = randomBytes(3).toString('hex');
const PORT = 3932;
const BASE = `http://127.0.0.1:${PORT}`;

const freshDatabase = (root, phase) =>
  createDatabase(root, `bm_bench_hooks_${RUN}_${phase}`, `bench-${phase}`);

const serviceEnv = (db, { dispatch, worker = false }) => ({
  DB_URL: db.url,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  DEMO_TEAM: 'false',
  WORKER_ENABLED: worker ? 'true' : 'false',
  WEBHOOK_DISPATCH_ENABLED: dispatch ? 'true' : 'false',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  RATE_LIMIT_ENTERPRISE: '100000000',
});
const startService = (db, options) =>
  startServer('dist/main.js', serviceEnv(db, options), { healthUrl: `${BASE}/health` });

async function startReceiver() {
  const server = await startServer('bench/support/webhook-receiver.js', {});
  const port = Number(/port (\d+)/.exec(server.tail())[1]);
  return { server, url: `http://127.0.0.1:${port}` };
}

const api = (db, method, path, body) =>
  fetch(`${BASE}${path}`, {
    method,
    headers: {
      'x-api-key': db.apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));

/** The endpoints on the receiver, and MESSAGES pings queued round-robin, dispatcher off. */
async function fillBacklog(db, receiver, events = ['*'], count = MESSAGES) {
  const server = await startService(db, { dispatch: false });
  try {
    const endpoints = [];
    for (let i = 0; i < ENDPOINTS; i++) {
      const res = await api(db, 'POST', '/api/v1/webhooks', {
        url: `${receiver.url}/e${i}`,
        events,
      });
      if (res.status !== 201) throw new Error(`Endpoint refused: ${JSON.stringify(res.body)}`);
      endpoints.push(res.body.data);
    }
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const res = await api(db, 'POST', `/api/v1/webhooks/${endpoints[i % ENDPOINTS].id}/test`);
        if (res.status !== 202) throw new Error(`Ping refused: ${res.status}`);
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return endpoints;
  } finally {
    await stopServer(server);
  }
}

async function connect(db) {
  const url = new URL(db.url);
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: 'root',
    database: url.pathname.slice(1),
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}

/** CPU % (100 = one core) of the service and of mariadbd from now until the returned call. */
function cpuMeter(pid) {
  const dbPid = databaseServerPid();
  const start = {
    at: performance.now(),
    server: pid ? cpuSeconds(pid) : null,
    db: cpuSeconds(dbPid),
  };
  return () => {
    const wall = (performance.now() - start.at) / 1000;
    const pct = (a, b) => (a === null || b === null ? null : Math.round(((b - a) / wall) * 100));
    return {
      server: pct(start.server, pid ? cpuSeconds(pid) : null),
      mariadb: pct(start.db, cpuSeconds(dbPid)),
    };
  };
}

/** Deliveries/s from the first attempt to the last, read from the attempts themselves. */
/** Successful attempts per second, from the `skip`+1-th to the last. */
async function attemptRate(conn, skip = 0) {
  const [[row]] = await conn.query(
    'SELECT COUNT(*) AS n, TIMESTAMPDIFF(MICROSECOND, MIN(at), MAX(at)) AS span FROM ' +
      `(SELECT at FROM webhook_attempts WHERE status_code = 200 ORDER BY at, id LIMIT 18446744073709551615 OFFSET ${Number(skip)}) a`,
  );
  return { delivered: Number(row.n), seconds: Number(row.span) / 1e6 };
}

/** W: the service's dispatcher drains the backlog. */
async function dispatch(root, receiver) {
  const db = await freshDatabase(root, 'dispatch');
  // The first WARM_UP_MESSAGES warm a fresh service up: the rate is that of the rest.
  await fillBacklog(db, receiver, ['*'], WARM_UP_MESSAGES + MESSAGES);
  const conn = await connect(db);
  const server = await startService(db, { dispatch: true });
  const cpu = cpuMeter(server.child.pid);
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const [[row]] = await conn.query(
        "SELECT COUNT(*) AS n FROM webhook_messages WHERE status = 'succeeded'",
      );
      if (Number(row.n) >= WARM_UP_MESSAGES + MESSAGES) break;
      if (Date.now() > deadline) throw new Error(`Only ${row.n} of ${MESSAGES} delivered`);
      await sleep(50);
    }
    const usage = cpu();
    const { delivered, seconds } = await attemptRate(conn, WARM_UP_MESSAGES);
    const [[failed]] = await conn.query(
      'SELECT COUNT(*) AS n FROM webhook_attempts WHERE status_code IS NULL OR status_code <> 200',
    );
    log(`  dispatch: ${delivered} in ${round1(seconds)} s = ${Math.round(delivered / seconds)}/s`);
    return {
      delivered,
      seconds: round1(seconds),
      perSecond: Math.round(delivered / seconds),
      failedAttempts: Number(failed.n),
      cpu: usage,
    };
  } finally {
    await stopServer(server);
    await conn.end();
  }
}

const sign = (secret, id, timestamp, body) =>
  'v1,' +
  createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${id}.${timestamp}.${body}`)
    .digest('base64');

function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'BettingMonitor-Webhooks/1.0',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** C: the dispatcher's SQL and the same POSTs, in a bare loop, at the same concurrency. */
async function ceiling(root, receiver) {
  const db = await freshDatabase(root, 'ceiling');
  const endpoints = await fillBacklog(db, receiver);
  const conn = await connect(db);
  const [rows] = await conn.query(
    'SELECT id, uuid, url, secret FROM webhook_endpoints ORDER BY id',
  );
  const cpu = cpuMeter(null);
  const started = performance.now();
  const loop = async (endpoint) => {
    const c = await connect(db);
    await c.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    try {
      for (;;) {
        const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
        await c.query('START TRANSACTION');
        const [claimed] = await c.query(
          "SELECT id, uuid, body FROM webhook_messages WHERE endpoint_id = ? AND status = 'pending' " +
            'AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED',
          [endpoint.id, now],
        );
        if (claimed.length === 0) {
          await c.query('COMMIT');
          // Only rows another loop holds were left: done once none is pending any more.
          const [[left]] = await c.query(
            "SELECT COUNT(*) AS n FROM webhook_messages WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ?",
            [endpoint.id, now],
          );
          if (Number(left.n) === 0) return;
          continue;
        }
        await c.query('UPDATE webhook_messages SET next_attempt_at = ? WHERE id IN (?)', [
          '2099-01-01 00:00:00',
          claimed[0].id,
        ]);
        await c.query('COMMIT');
        const [message] = claimed;
        await c.query(
          'SELECT id, uuid, team_id, url, secret, active FROM webhook_endpoints WHERE id = ?',
          [endpoint.id],
        );
        const timestamp = Math.floor(Date.now() / 1000);
        const sentAt = performance.now();
        const status = await post(
          endpoint.url,
          {
            'webhook-id': message.uuid,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': sign(endpoint.secret, message.uuid, timestamp, message.body),
          },
          message.body,
        );
        const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
        await c.query('START TRANSACTION');
        await c.query(
          'INSERT INTO webhook_attempts (message_id, at, status_code, latency_ms, error, response_head) VALUES (?, ?, ?, ?, ?, ?)',
          [message.id, at, status, Math.round(performance.now() - sentAt), null, 'ok'],
        );
        await c.query(
          "UPDATE webhook_messages SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ? WHERE id = ? AND status = 'pending'",
          ['succeeded', at, at, message.id],
        );
        await c.query('COMMIT');
      }
    } finally {
      await c.end();
    }
  };
  await Promise.all(
    rows.flatMap((endpoint) => Array.from({ length: PER_ENDPOINT }, () => loop(endpoint))),
  );
  const seconds = (performance.now() - started) / 1000;
  const usage = cpu();
  const { delivered, seconds: span } = await attemptRate(conn);
  await conn.end();
  if (delivered !== MESSAGES || endpoints.length !== ENDPOINTS) {
    throw new Error(`The ceiling delivered ${delivered} of ${MESSAGES}`);
  }
  log(`  ceiling: ${delivered} in ${round1(span)} s = ${Math.round(delivered / span)}/s`);
  return {
    delivered,
    seconds: round1(span),
    wallSeconds: round1(seconds),
    perSecond: Math.round(delivered / span),
    cpu: usage,
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

/**
 * Deposits at `perSecond` for `seconds`, steadily or in a burst each second; answers the 2xx
 * count. `tag` keeps the event and player ids of one call apart from another's.
 */
async function deposits(db, perSecond, pacing, seconds, tag) {
  const deposit = (i) =>
    JSON.stringify({
      event_id: `${tag}-${i}`,
      player: { id: `${tag}-p${i}` },
      event: {
        type: 'DEPOSIT',
        timestamp: new Date().toISOString(),
        amount: 1_500_000,
        currency: 'XOF',
      },
    });
  const headers = { 'x-api-key': db.apiKey, 'content-type': 'application/json' };
  if (pacing === 'steady') {
    const counts = await pacedLoad({
      baseUrl: BASE,
      rate: perSecond,
      seconds,
      request: (i) => ({ method: 'POST', path: '/api/v1/events', headers, body: deposit(i) }),
    });
    return counts.ok;
  }
  let n = 0;
  const result = await new Promise((resolve, reject) =>
    autocannon(
      {
        url: BASE,
        connections: 16,
        overallRate: perSecond,
        duration: seconds,
        headers,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/events',
            setupRequest: (r) => ({ ...r, body: deposit(n++) }),
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    ),
  );
  return result['2xx'];
}

/**
 * L: deliveries at `rate`/s: alerts raised at `rate` / ENDPOINTS a second (`pacing`: steady or
 * in bursts), each sent to the ENDPOINTS endpoints as in W; each message's time from the
 * outbox to its first attempt.
 */
async function latency(root, receiver, rate, pacing) {
  const db = await freshDatabase(root, `latency_${pacing}`);
  const server = await startService(db, { dispatch: true, worker: true });
  const conn = await connect(db);
  try {
    for (let i = 0; i < ENDPOINTS; i++) {
      const hook = await api(db, 'POST', '/api/v1/webhooks', {
        url: `${receiver.url}/alerts${i}`,
        events: ['alert.created'],
      });
      if (hook.status !== 201) throw new Error('Endpoint refused');
    }
    const perSecond = Math.max(1, Math.round(rate / ENDPOINTS));
    // Let the last alerts be processed and sent.
    const settle = async () => {
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
        const [[left]] = await conn.query(
          'SELECT (SELECT COUNT(*) FROM processing_queue) + (SELECT COUNT(*) FROM webhook_messages WHERE attempts = 0) AS n',
        );
        if (Number(left.n) === 0) return;
      }
    };
    // A fresh service compiles its hot paths in its first seconds under load: the same pace for
    // WARM_UP_SECONDS first, not measured, as a service that has been running meets it.
    await deposits(db, perSecond, pacing, WARM_UP_SECONDS, `warm-${pacing}`);
    await settle();
    const [[{ warm }]] = await conn.query(
      'SELECT COALESCE(MAX(id), 0) AS warm FROM webhook_messages',
    );
    const cpu = cpuMeter(server.child.pid);
    const sent = await deposits(db, perSecond, pacing, SECONDS, `lat-${pacing}`);
    await settle();
    const usage = cpu();
    const [rows] = await conn.query(
      'SELECT TIMESTAMPDIFF(MICROSECOND, m.created_at, MIN(a.at)) AS wait FROM webhook_messages m ' +
        'JOIN webhook_attempts a ON a.message_id = m.id WHERE m.id > ? GROUP BY m.id',
      [warm],
    );
    const waits = rows.map((r) => Number(r.wait) / 1e6);
    const [[alerts]] = await conn.query(
      `SELECT COUNT(*) AS n FROM alerts a JOIN players p ON p.id = a.player_id WHERE p.external_id LIKE 'lat-%'`,
    );
    const ms = (s) => Math.round(s * 1000);
    log(
      `  latency at ${Math.round(rate)}/s, ${pacing}: p50 ${ms(percentile(waits, 0.5))} ms, p99 ${ms(percentile(waits, 0.99))} ms over ${waits.length}`,
    );
    return {
      rate: Math.round(rate),
      pacing,
      sent,
      alerts: Number(alerts.n),
      messages: waits.length,
      p50Ms: ms(percentile(waits, 0.5)),
      p99Ms: ms(percentile(waits, 0.99)),
      maxMs: ms(Math.max(...waits)),
      cpu: usage,
    };
  } finally {
    await stopServer(server);
    await conn.end();
  }
}

const latencyResult = (l) =>
  `outbox message to first attempt over ${l.messages} messages (${l.alerts} alerts): p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms`;

function report(r) {
  const ratio = Math.round((r.dispatch.perSecond / r.ceiling.perSecond) * 100) / 100;
  const cpu = (c) => `${c.server ?? '–'} / ${c.mariadb ?? '–'}`;
  const rows = [
    [
      `W. dispatch of ${MESSAGES} queued pings (after ${WARM_UP_MESSAGES} that warm the fresh service up) to ${ENDPOINTS} endpoints, default settings (16 at once, 4 per endpoint)`,
      `${r.dispatch.perSecond} deliveries/s (${r.dispatch.delivered} in ${r.dispatch.seconds} s, first attempt to last); ${r.dispatch.failedAttempts} failed attempts`,
      cpu(r.dispatch.cpu),
    ],
    [
      'C. raw ceiling: the dispatcher’s SQL (claim with SKIP LOCKED and lease; the endpoint read; attempt row and status update) and the same signed POSTs, a bare loop in one process, 4 per endpoint',
      `${r.ceiling.perSecond} deliveries/s (${r.ceiling.delivered} in ${r.ceiling.seconds} s)`,
      cpu(r.ceiling.cpu),
    ],
    [
      `L. deliveries at half of W (${r.latency.rate}/s): ${Math.round(r.latency.rate / ENDPOINTS)} deposits/s sent at a steady pace, a LARGE_TRANSACTION alert each, sent to ${ENDPOINTS} endpoints, for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up at the same pace (not counted); worker and dispatcher on`,
      latencyResult(r.latency),
      cpu(r.latency.cpu),
    ],
    [
      `LB. the same with the deposits in bursts: autocannon's overallRate sends each second's ${Math.round(r.bursts.rate / ENDPOINTS)} at once when the second begins`,
      latencyResult(r.bursts),
      cpu(r.bursts.cpu),
    ],
  ];
  const targets = [
    ['dispatch ≥ 0.6 × raw ceiling', `${ratio} ×`, ratio >= 0.6],
    [
      'alert commit to first attempt, p99, at half the dispatch rate (steady) ≤ 500 ms',
      `${r.latency.p99Ms} ms (in bursts: ${r.bursts.p99Ms} ms)`,
      r.latency.p99Ms <= 500,
    ],
  ];
  const text = [
    '# Webhooks: deliveries against a raw ceiling, and alert-to-attempt latency',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0].model.split(' ').slice(0, 2).join(' ')}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, code ${r.code}.`,
    `MariaDB ${r.mariadb} on the same machine; the receiver (bench/support/webhook-receiver.js) is a process of its own on loopback that answers 200 at once. One run; every figure below comes from it.`,
    '',
    '| measure | result | CPU % service / mariadbd |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'met' : '**not met**'} |`),
    '',
  ].join('\n');
  return { text, dispatchVsCeiling: ratio };
}

async function main() {
  const code = gitState();
  if (!args['skip-build']) buildService();
  const root = await admin();
  const receiver = await startReceiver();
  try {
    const [[about]] = await root.query('SELECT VERSION() AS v');
    log(`W: dispatch of ${MESSAGES} messages`);
    const dispatched = await dispatch(root, receiver);
    log('C: the raw ceiling');
    const ceil = await ceiling(root, receiver);
    log('L: latency at half the dispatch rate, steady, then in bursts');
    const lat = await latency(root, receiver, dispatched.perSecond / 2, 'steady');
    const bursts = await latency(root, receiver, dispatched.perSecond / 2, 'bursts');
    const results = {
      code,
      mariadb: about.v,
      messages: MESSAGES,
      dispatch: dispatched,
      ceiling: ceil,
      latency: lat,
      bursts,
    };
    const { text, ...ratios } = report(results);
    saveResults('webhooks', text, { ...results, ...ratios });
  } finally {
    await stopServer(receiver.server);
    const [dbs] = await root.query(`SHOW DATABASES LIKE 'bm_bench_hooks_${RUN}_%'`);
    for (const row of dbs) await root.query(`DROP DATABASE \`${Object.values(row)[0]}\``);
    await root.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
