#!/usr/bin/env node
/**
 * `npm run bench:processing [-- --backlog 60000 --seconds 10 --lag-seconds 20 --drain-rounds 3 --skip-build]`
 *
 * Event processing on MariaDB (DB_SERVER_URL, mariadb://root@127.0.0.1:3306 by default), measured
 * in one run against what the same machine does at best (issue 14, point 4). The workload is
 * bench/support/processing-workload.js: 20,000 players (300 of them behind half of the events),
 * about 40 % bets placed, 35 % settled, 15 % deposits, 10 % withdrawals and bonuses.
 *
 *   R  single-event ingest: POST /api/v1/events, 64 connections, worker off (events/s), --rounds
 *      rounds alternating with the same on a database without the (team, player, time) index of
 *      `events`, to say what that index costs; medians.
 *   D  drain: a backlog of --backlog events (stored through the batch endpoint, worker off), then
 *      a service with its worker on (the default WORKER_* settings) and no load, until the queue is
 *      empty (events/s); every rule of the pack on, as a new team has them (SHARED_IDENTIFIER on
 *      IPs in shadow). What each step and each rule cost is read from /metrics at the end.
 *   D0 the same drain with every rule off (no detection at all): what the rules cost (issue 15).
 *   C  raw ceiling: the very statements the worker sent to MariaDB for the same backlog (captured
 *      with the general query log in a run of its own, on an identical copy of the backlog),
 *      replayed by a bare mysql2 loop, one connection per worker loop, in the same order: the
 *      database's and the driver's share of the work, none of the service's.
 *   L  lag: the service with its worker on, single events paced at 30 % and then 50 % of R for
 *      --lag-seconds each; the age of the oldest waiting event is sampled every 100 ms; and 10
 *      times a second a probe (a large deposit of a new player) is sent and its status read every
 *      20 ms until it names its LARGE_TRANSACTION alert: the time from its 202 to a readable alert.
 * D and D0 take turns for --drain-rounds rounds (3); their medians are compared.
 * Targets: D >= 1.0 x R (stretch 1.5 x), D >= 0.5 x C, p99 of the oldest age at 30 % <= 2 s;
 * D >= 0.7 x D0 (the rules cost at most 30 %); p99 from a 202 to its alert at 30 % <= 2 s.
 * Each phase has its own database (bm_bench_proc_<run>_<phase>), dropped at the end. Writes
 * bench/results/processing.md and .json.
 */
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');
const { randomBytes } = require('node:crypto');
const { readFileSync, rmSync, existsSync } = require('node:fs');
const { cpus, totalmem } = require('node:os');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');
const { parseArgs } = require('node:util');
const { admin, freshDatabase: createDatabase } = require('./support/bench-database');
const { workload } = require('./support/processing-workload');
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
    backlog: { type: 'string', default: '60000' },
    seconds: { type: 'string', default: '10' },
    'lag-seconds': { type: 'string', default: '20' },
    'lag-warmup': { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '3' },
    'drain-rounds': { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    // With `--phases L`: the single events' pace (the full run takes 30 % and 50 % of R).
    'lag-rate': { type: 'string', default: '1000' },
    // For a quick look while profiling: e.g. `--phases D,D0,C`. Results are saved only for all.
    phases: { type: 'string', default: 'R,D,D0,C,L' },
  },
});
const PHASES = new Set(args.phases.split(','));
const ALL_PHASES = ['R', 'D', 'D0', 'C', 'L'].every((phase) => PHASES.has(phase));
const BACKLOG = Number(args.backlog);
const SECONDS = Number(args.seconds);
const LAG_SECONDS = Number(args['lag-seconds']);
const LAG_WARMUP = Number(args['lag-warmup']);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);
const DRAIN_ROUNDS = Number(args['drain-rounds']);
const RUN = randomBytes(3).toString('hex');
const PORT = 3931;
const HIGH_LIMIT = '100000000';
const LOG_FILE = `/tmp/bm_bench_processing_${RUN}.log`;

// ---- databases and services -----------------------------------------------------------------

/** A fresh database for one phase of this run. */
const freshDatabase = (root, phase) =>
  createDatabase(root, `bm_bench_proc_${RUN}_${phase}`, `bench-${phase}`);

function serviceEnv(db, worker) {
  return {
    DB_URL: db.url,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_TEAM: 'false',
    WORKER_ENABLED: worker ? 'true' : 'false',
    RATE_LIMIT_STANDARD: HIGH_LIMIT,
    RATE_LIMIT_ENTERPRISE: HIGH_LIMIT,
    // For a quick look at other settings: BENCH_WORKER_LOOPS=4 sets WORKER_LOOPS=4 (WORKER_* and
    // DETECTION_* settings).
    ...Object.fromEntries(
      Object.entries(process.env)
        .filter(([name]) => /^BENCH_(WORKER|DETECTION)_/.test(name))
        .map(([name, value]) => [name.slice('BENCH_'.length), value]),
    ),
  };
}

const startService = (db, worker) =>
  startServer('dist/main.js', serviceEnv(db, worker), {
    healthUrl: `http://127.0.0.1:${PORT}/health`,
  });

/** CPU % (100 = one core) of the service and of mariadbd from now until the returned call. */
function cpuMeter(serverPid) {
  const mariadbPid = databaseServerPid();
  const start = {
    at: performance.now(),
    server: serverPid ? cpuSeconds(serverPid) : null,
    db: mariadbPid ? cpuSeconds(mariadbPid) : null,
  };
  return () => {
    const wall = (performance.now() - start.at) / 1000;
    const pct = (before, now) =>
      before === null || now === null ? null : Math.round(((now - before) / wall) * 100);
    return {
      server: pct(start.server, serverPid ? cpuSeconds(serverPid) : null),
      mariadb: pct(start.db, mariadbPid ? cpuSeconds(mariadbPid) : null),
    };
  };
}

/** Every rule of the pack `off` for the team of `db`, through PUT /api/v1/rules/:code. */
async function turnRulesOff(db) {
  const headers = { 'content-type': 'application/json', 'x-api-key': db.apiKey };
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/rules`, { headers });
  for (const { code } of (await res.json()).data.items) {
    const put = await fetch(`http://127.0.0.1:${PORT}/api/v1/rules/${code}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ mode: 'off' }),
    });
    if (put.status !== 200) throw new Error(`Could not turn ${code} off: ${put.status}`);
  }
}

/**
 * `count` events of the workload stored through the batch endpoint, 1000 a request, in order;
 * with `rulesOff`, the team's rules are turned off first.
 */
async function fillBacklog(db, count, seed, { rulesOff = false } = {}) {
  const server = await startService(db, false);
  try {
    if (rulesOff) await turnRulesOff(db);
    const events = workload(`b${seed}`, seed);
    for (let sent = 0; sent < count; sent += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - sent) }, () => events.next());
      const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/events/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': db.apiKey },
        body: JSON.stringify({ events: batch }),
      });
      const body = await res.json();
      if (res.status !== 200 || body.data.failed_count !== 0) {
        throw new Error(
          `Backlog batch refused: ${res.status} ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
    }
  } finally {
    await stopServer(server);
  }
}

async function queueLength(root, db) {
  const [[row]] = await root.query(`SELECT COUNT(*) AS n FROM \`${db.name}\`.processing_queue`);
  return Number(row.n);
}

// ---- measures -------------------------------------------------------------------------------

/** R: single events, worker off, `CONNECTIONS` connections for SECONDS. */
async function ingestRate(db, label) {
  const server = await startService(db, false);
  try {
    const events = workload(`i${label}`, 7);
    const run = (duration) =>
      new Promise((resolve, reject) =>
        autocannon(
          {
            url: `http://127.0.0.1:${PORT}`,
            connections: CONNECTIONS,
            duration,
            headers: { 'x-api-key': db.apiKey, 'content-type': 'application/json' },
            requests: [
              {
                method: 'POST',
                path: '/api/v1/events',
                setupRequest: (r) => ({ ...r, body: JSON.stringify(events.next()) }),
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        ),
      );
    await run(2); // warm-up
    const cpu = cpuMeter(server.child.pid);
    const result = await run(SECONDS);
    const rate = result['2xx'] / SECONDS;
    log(`  ingest (${label}): ${Math.round(rate)} events/s, non-2xx ${result.non2xx}`);
    return {
      eventsPerSecond: Math.round(rate),
      p99Ms: result.latency.p99,
      non2xx: result.non2xx + result.errors,
      cpu: cpu(),
    };
  } finally {
    await stopServer(server);
  }
}

/**
 * Whether events still wait, and the database's clock (UTC) when it looked. Cheap whatever the
 * queue's length: the COUNT(*) polled here every 50 ms before took up to 70 ms on a queue being
 * emptied (a third of the polls over 15 ms), time the database took from the drain it measured.
 */
async function queueState(root, db) {
  const [[row]] = await root.query(
    `SELECT EXISTS (SELECT 1 FROM \`${db.name}\`.processing_queue) AS waiting, ` +
      "DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%d %H:%i:%s.%f') AS now",
  );
  return { empty: Number(row.waiting) === 0, now: row.now };
}

/**
 * D: the worker alone drains the backlog; events/s from its first batch to an empty queue. The
 * first batch is the one with the earliest `processed_at` (written in its transaction): its events
 * are not counted, the time from it to the poll that finds the queue empty is.
 */
async function drain(root, db) {
  const waiting = await queueLength(root, db);
  const deadline = performance.now() + 600_000;
  const server = await startService(db, true);
  const cpu = cpuMeter(server.child.pid);
  try {
    let state = await queueState(root, db);
    for (; !state.empty; state = await queueState(root, db)) {
      if (performance.now() > deadline) throw new Error('Drain took over 10 minutes');
      await sleep(50);
    }
    const usage = cpu();
    const [[firstBatch]] = await root.query(
      'SELECT TIMESTAMPDIFF(MICROSECOND, f.at, ?) AS micros, ' +
        `(SELECT COUNT(*) FROM \`${db.name}\`.events e WHERE e.processed_at = f.at) AS events ` +
        `FROM (SELECT MIN(processed_at) AS at FROM \`${db.name}\`.events) f`,
      [state.now],
    );
    const first = { left: waiting - Number(firstBatch.events) };
    const seconds = Number(firstBatch.micros) / 1e6;
    const rate = first.left / seconds;
    const metrics = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
    const [[detection]] = await root.query(
      `SELECT (SELECT COUNT(*) FROM \`${db.name}\`.alerts) AS alerts, ` +
        `(SELECT COUNT(*) FROM \`${db.name}\`.alert_hits) AS hits, ` +
        `(SELECT COUNT(*) FROM \`${db.name}\`.shadow_hits) AS shadow, ` +
        `(SELECT COUNT(*) FROM (SELECT 1 FROM \`${db.name}\`.alert_hits GROUP BY alert_id, stream, event_id, MD5(figures) HAVING COUNT(*) > 1) d) AS twice`,
    );
    const [[check]] = await root.query(
      `SELECT (SELECT COUNT(*) FROM \`${db.name}\`.events WHERE status = 'PROCESSED') AS processed, ` +
        `(SELECT SUM(processed) FROM \`${db.name}\`.event_minute_counts) AS counted, ` +
        `(SELECT SUM(events_count) FROM \`${db.name}\`.players) AS players`,
    );
    const exact =
      Number(check.processed) === waiting &&
      Number(check.counted) === waiting &&
      Number(check.players) === waiting &&
      Number(detection.twice) === 0;
    log(`  drain: ${first.left} events in ${round1(seconds)} s = ${Math.round(rate)}/s`);
    return {
      events: waiting,
      timed: { events: first.left, seconds: round1(seconds) },
      eventsPerSecond: Math.round(rate),
      exact,
      cpu: usage,
      wallSeconds: round1(seconds),
      steps: metricValues(metrics, 'processing_step_seconds_total', 'step'),
      rules: metricValues(metrics, 'detection_rule_seconds_total', 'rule'),
      hitsOn: metricValues(metrics, 'detection_hits_total', 'rule', 'mode="on"'),
      hitsShadow: metricValues(metrics, 'detection_hits_total', 'rule', 'mode="shadow"'),
      conflicts: metricValues(metrics, 'db_transaction_conflicts_total', 'outcome'),
      alerts: Number(detection.alerts),
      alertHits: Number(detection.hits),
      shadowHits: Number(detection.shadow),
    };
  } finally {
    await stopServer(server);
  }
}

/** `name{label="x",...} value` samples of /metrics as `{ x: value }`, those with `filter` only. */
function metricValues(text, name, label, filter = '') {
  const values = {};
  const pattern = new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`, 'gm');
  for (const [, labels, value] of text.matchAll(pattern)) {
    if (filter && !labels.includes(filter)) continue;
    const key = new RegExp(`${label}="([^"]*)"`).exec(labels)?.[1];
    if (key) values[key] = (values[key] ?? 0) + Number(value);
  }
  return values;
}

/**
 * The worker's statements for the backlog of `db`, from MariaDB's general query log: per
 * connection, in order, from its first statement on a processing table (what came before is the
 * service starting).
 */
async function captureWorkerStatements(root, db) {
  rmSync(LOG_FILE, { force: true });
  const [[own]] = await root.query('SELECT CONNECTION_ID() AS id');
  await root.query(`SET GLOBAL general_log_file = '${LOG_FILE}'`);
  await root.query("SET GLOBAL log_output = 'FILE'");
  await root.query('SET GLOBAL general_log = 1');
  try {
    await drain(root, db);
  } finally {
    await root.query('SET GLOBAL general_log = 0');
  }
  // Per connection, its open transaction; each unit (a transaction, or a statement outside one)
  // goes into the list when it ends: the order in which they took effect.
  const units = [];
  const open = new Map();
  let last = null;
  for (const line of readFileSync(LOG_FILE, 'utf8').split('\n')) {
    const match = /^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+(\d+) (\w+)\t(.*)$/.exec(line);
    if (!match) {
      if (last && line) last.push(`${last.pop()}\n${line}`);
      continue;
    }
    const [, thread, command, sql] = match;
    last = null;
    if (command !== 'Query' || Number(thread) === Number(own.id)) continue;
    if (/^START TRANSACTION$/i.test(sql)) {
      open.set(thread, [sql]);
      last = open.get(thread);
    } else if (open.has(thread)) {
      last = open.get(thread);
      last.push(sql);
      if (/^(COMMIT|ROLLBACK)$/i.test(sql)) {
        if (/^COMMIT$/i.test(sql)) units.push(last);
        open.delete(thread);
      }
    } else {
      last = [sql];
      units.push(last);
    }
  }
  // What the service ran before its worker did (start, migrations check) is not the worker's.
  const start = units.findIndex((unit) =>
    unit.some((sql) => /processing_(partitions|workers)/.test(sql)),
  );
  rmSync(LOG_FILE, { force: true });
  return units
    .slice(start)
    .filter((unit) => !unit.some((sql) => /schema_migrations|GET_LOCK|RELEASE_LOCK/.test(sql)));
}

/**
 * A statement's kind, for C's time by kind: its verb and table, and for a SELECT what it reads
 * (the list of columns up to FROM, cut short), the literals left out.
 */
function statementKind(sql) {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const verb = /^(\w+)/.exec(flat)?.[1]?.toUpperCase() ?? '?';
  if (verb === 'SELECT') {
    const from = /\bFROM `?(\w+)`?/i.exec(flat)?.[1] ?? '?';
    return `SELECT ${flat.slice(7, 47).replace(/'[^']*'|\d+/g, '?')}… FROM ${from}`;
  }
  const table =
    /^(?:INSERT(?: IGNORE)?(?: INTO)?|UPDATE|DELETE FROM|REPLACE INTO)\s+`?(\w+)`?/i.exec(
      flat,
    )?.[1];
  return table ? `${verb} ${table}` : flat.slice(0, 40);
}

/** The tables only the detection step writes or reads while draining. */
const DETECTION_TABLES =
  /\b(detection_player_states|detection_second_looks|identifier_sightings|identifier_allowlist|player_hour_totals|market_positions|alerts|alert_hits|alert_audit|shadow_hits|rule_hit_counts|rule_settings|player_risk|webhook_endpoints|webhook_messages)\b|\bs\.state\b/;
const isDetectionStatement = (kind) => DETECTION_TABLES.test(kind);
const detectionOf = (kinds) =>
  kinds
    .filter((k) => isDetectionStatement(k.kind))
    .reduce((sum, k) => ({ count: sum.count + k.count, seconds: sum.seconds + k.seconds }), {
      count: 0,
      seconds: 0,
    });

/**
 * C: the captured units (transactions, lone statements) replayed on an identical backlog, in the
 * order they took effect, by one mysql2 connection: a bare loop doing the worker's SQL.
 */
async function replay(db, units) {
  const url = new URL(db.url);
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: url.pathname.slice(1),
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  try {
    await connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED');
    const cpu = cpuMeter(null);
    const started = performance.now();
    let statements = 0;
    const byKind = new Map();
    for (const unit of units) {
      for (const sql of unit) {
        const before = performance.now();
        await connection.query(sql);
        const kind = statementKind(sql);
        const known = byKind.get(kind) ?? { kind, count: 0, ms: 0 };
        known.count++;
        known.ms += performance.now() - before;
        byKind.set(kind, known);
        statements++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const usage = cpu();
    log(
      `  ceiling: ${units.length} transactions, ${statements} statements in ${round1(seconds)} s`,
    );
    const kinds = [...byKind.values()]
      .sort((a, b) => b.ms - a.ms)
      .map((k) => ({ kind: k.kind, count: k.count, seconds: Math.round(k.ms) / 1000 }));
    for (const k of kinds.slice(0, 40)) log(`    ${k.seconds} s  ${k.count}×  ${k.kind}`);
    return {
      transactions: units.length,
      statements,
      seconds: round1(seconds),
      cpu: usage,
      kinds,
    };
  } finally {
    connection.destroy();
  }
}

/**
 * A probe: a large deposit of a new player (LARGE_TRANSACTION fires), then its status read every
 * 20 ms until it names the alert. Seconds from the 202 to the readable alert.
 */
async function probe(db, id) {
  const headers = { 'content-type': 'application/json', 'x-api-key': db.apiKey };
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/events`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      event_id: `probe-${id}`,
      player: { id: `probe_${id}`, country: 'SEN', kyc_level: 2 },
      event: {
        type: 'DEPOSIT',
        timestamp: new Date().toISOString(),
        amount: 2_000_000,
        currency: 'XOF',
      },
    }),
  });
  const accepted = performance.now();
  if (res.status !== 202) throw new Error(`Probe refused: ${res.status}`);
  const { uuid } = (await res.json()).data;
  while (performance.now() - accepted < 60_000) {
    const status = await fetch(`http://127.0.0.1:${PORT}/api/v1/events/${uuid}/status`, {
      headers,
    });
    const body = await status.json();
    if (body.alerts?.some((alert) => alert.rule === 'LARGE_TRANSACTION')) {
      return (performance.now() - accepted) / 1000;
    }
    await sleep(20);
  }
  throw new Error(`Probe ${id}: no alert after 60 s`);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
};

/**
 * L: single events paced at `rate`/s for LAG_WARMUP seconds (not counted: a fresh service compiles
 * its code in its first seconds), then LAG_SECONDS more, worker on; the oldest waiting age, and
 * probes for the time from a 202 to its alert.
 */
async function lag(root, db, rate, label) {
  const server = await startService(db, true);
  const events = workload(`l${label}`, 11);
  const paced = (seconds) =>
    new Promise((resolve, reject) =>
      autocannon(
        {
          url: `http://127.0.0.1:${PORT}`,
          connections: CONNECTIONS,
          overallRate: rate,
          amount: Math.round(rate * seconds),
          ignoreCoordinatedOmission: true,
          headers: { 'x-api-key': db.apiKey, 'content-type': 'application/json' },
          requests: [
            {
              method: 'POST',
              path: '/api/v1/events',
              setupRequest: (r) => ({ ...r, body: JSON.stringify(events.next()) }),
            },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      ),
    );
  let measuring = false;
  let measuredFrom = 0;
  const probes = [];
  let probing = true;
  const prober = (async () => {
    for (let i = 0; probing; i++) {
      const counted = measuring;
      const sent = (performance.now() - measuredFrom) / 1000;
      probes.push(
        probe(db, `${RUN}-${label.replace(/\D/g, '')}-${i}`).then((seconds) => ({
          counted,
          sent,
          seconds,
        })),
      );
      await sleep(100);
    }
  })();
  const ages = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [[row]] = await root.query(
        `SELECT TIMESTAMPDIFF(MICROSECOND, received_at, UTC_TIMESTAMP(6)) AS age FROM \`${db.name}\`.processing_queue ORDER BY seq LIMIT 1`,
      );
      if (measuring) ages.push(row ? Number(row.age) / 1e6 : 0);
      await sleep(100);
    }
  })();
  try {
    if (LAG_WARMUP > 0) await paced(LAG_WARMUP);
    measuring = true;
    measuredFrom = performance.now();
    const cpu = cpuMeter(server.child.pid);
    const result = await paced(LAG_SECONDS);
    sampling = false;
    probing = false;
    await sampler;
    await prober;
    const probed = (await Promise.all(probes)).filter((p) => p.counted);
    const alertSeconds = probed.map((p) => p.seconds);
    const usage = cpu();
    const sorted = [...ages].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
    const summary = {
      askedPerSecond: Math.round(rate),
      answered2xx: result['2xx'],
      non2xx: result.non2xx + result.errors,
      ingestP99Ms: result.latency.p99,
      samples: ages.length,
      oldestAgeP50Seconds: millis(sorted[Math.floor(sorted.length / 2)]),
      oldestAgeP99Seconds: millis(p99),
      oldestAgeMaxSeconds: millis(sorted[sorted.length - 1]),
      waitingAtEnd: await queueLength(root, db),
      cpu: usage,
      probes: alertSeconds.length,
      alertP50Seconds: millis(percentile(alertSeconds, 0.5)),
      alertP99Seconds: millis(percentile(alertSeconds, 0.99)),
      alertMaxSeconds: millis(Math.max(...alertSeconds)),
    };
    const slowest = [...probed].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
    log(
      `  lag at ${label}: p99 oldest ${summary.oldestAgeP99Seconds} s; 202 to alert p99 ${summary.alertP99Seconds} s; ` +
        `slowest probes (sent at s: took s) ${slowest.map((p) => `${p.sent.toFixed(1)}: ${p.seconds.toFixed(2)}`).join(', ')}`,
    );
    return summary;
  } finally {
    sampling = false;
    probing = false;
    await sampler.catch(() => undefined);
    await prober.catch(() => undefined);
    await Promise.allSettled(probes);
    await stopServer(server);
  }
}

/** Seconds to the millisecond, without the binary fractions that print as 0.052000000000000005. */
const millis = (seconds) => Number(seconds.toFixed(3));

// ---- report ---------------------------------------------------------------------------------

function report(r) {
  const ratio = (a, b) => Math.round((a / b) * 100) / 100;
  const drainVsIngest = ratio(r.drain.eventsPerSecond, r.ingest.eventsPerSecond);
  const ceilingRate = Math.round(r.backlog / r.ceiling.seconds);
  const drainVsCeiling = ratio(r.drain.eventsPerSecond, ceilingRate);
  const cpu = (c) => `${c.server ?? '–'} / ${c.mariadb ?? '–'}`;
  const rulesCost = ratio(r.drain.eventsPerSecond, r.drainWithoutRules.eventsPerSecond);
  const targets = [
    [
      'drain ≥ 1.0 × single-event ingest (stretch 1.5 ×), every rule on',
      `${drainVsIngest} ×`,
      drainVsIngest >= 1,
    ],
    [
      'drain with every rule on ≥ 0.7 × the same drain with every rule off',
      `${rulesCost} ×`,
      rulesCost >= 0.7,
    ],
    [
      '202 to its alert readable, p99, ingest at 30 % of max ≤ 2 s',
      `${r.lag30.alertP99Seconds} s`,
      r.lag30.alertP99Seconds <= 2,
    ],
    ['drain ≥ 0.5 × raw ceiling', `${drainVsCeiling} ×`, drainVsCeiling >= 0.5],
    [
      'oldest waiting event, p99, ingest at 30 % of max ≤ 2 s',
      `${r.lag30.oldestAgeP99Seconds} s`,
      r.lag30.oldestAgeP99Seconds <= 2,
    ],
    [
      'processing exact (every event once: statuses, minute counts, players; no finding recorded twice)',
      r.drain.exact ? 'yes' : 'NO',
      r.drain.exact,
    ],
  ];
  const text = [
    '# Processing: draining the queue, against ingestion and a raw ceiling',
    '',
    `Run ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0].model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, code ${r.code}.`,
    `MariaDB ${r.mariadb} on the same machine. Workload: bench/support/processing-workload.js (20,000 players, 300 of them behind half of the events; 40 % bets placed, 35 % settled, 15 % deposits, 10 % withdrawals and bonuses; 70 % casino, 30 % sports bets). One run; every figure below comes from it.`,
    '',
    '| measure | result | CPU % service / mariadbd |',
    '|---|---|---|',
    `| R. single-event ingest, POST /api/v1/events, ${CONNECTIONS} conn, worker off, ${SECONDS} s (median of ${r.ingest.rounds.join(', ')}) | ${r.ingest.eventsPerSecond} events/s (p99 ${r.ingest.p99Ms} ms) | ${cpu(r.ingest.cpu)} |`,
    `| R'. the same without the (team, player, time) index of \`events\`, rounds alternating with R (median of ${r.ingestNoIndex.rounds.join(', ')}) | ${r.ingestNoIndex.eventsPerSecond} events/s: the index costs ${Math.round((1 - r.ingest.eventsPerSecond / r.ingestNoIndex.eventsPerSecond) * 100)} % of single-event ingest | ${cpu(r.ingestNoIndex.cpu)} |`,
    `| D. drain of a ${r.backlog}-event backlog, worker on (default WORKER_* settings), no load, every rule on (median of ${r.drain.rounds.join(', ')}) | ${r.drain.eventsPerSecond} events/s (${r.drain.timed.events} events in ${r.drain.timed.seconds} s, from the first processed batch to an empty queue); ${r.drain.alerts} alerts (${r.drain.alertHits} hits), ${r.drain.shadowHits} shadow hits; ${conflictsText(r.drain.conflicts)} | ${cpu(r.drain.cpu)} |`,
    `| D0. the same drain, every rule off, rounds taking turns with D (median of ${r.drainWithoutRules.rounds.join(', ')}) | ${r.drainWithoutRules.eventsPerSecond} events/s (${r.drainWithoutRules.timed.events} events in ${r.drainWithoutRules.timed.seconds} s): the rules cost ${Math.round((1 - rulesCost) * 100)} % of the drain rate; D/D0 round by round: ${r.drain.rounds.map((d, i) => ratio(d, r.drainWithoutRules.rounds[i])).join(', ')}; ${conflictsText(r.drainWithoutRules.conflicts)} | ${cpu(r.drainWithoutRules.cpu)} |`,
    `| C. raw ceiling: the worker's own ${r.ceiling.statements} statements (${r.ceiling.transactions} transactions) for the same backlog, replayed by one mysql2 connection | ${ceilingRate} events/s (${r.ceiling.seconds} s) | – / ${r.ceiling.cpu.mariadb ?? '–'} |`,
    `| L30. worker on, single events paced at 30 % of R (${r.lag30.askedPerSecond}/s) for ${LAG_SECONDS} s, after ${LAG_WARMUP} s at that pace not counted | oldest waiting event p50 ${r.lag30.oldestAgeP50Seconds} s, p99 ${r.lag30.oldestAgeP99Seconds} s, max ${r.lag30.oldestAgeMaxSeconds} s; ${r.lag30.waitingAtEnd} waiting at the end; 202 to alert readable (${r.lag30.probes} probes) p50 ${r.lag30.alertP50Seconds} s, p99 ${r.lag30.alertP99Seconds} s, max ${r.lag30.alertMaxSeconds} s | ${cpu(r.lag30.cpu)} |`,
    `| L50. the same at 50 % of R (${r.lag50.askedPerSecond}/s) | oldest waiting event p50 ${r.lag50.oldestAgeP50Seconds} s, p99 ${r.lag50.oldestAgeP99Seconds} s, max ${r.lag50.oldestAgeMaxSeconds} s; ${r.lag50.waitingAtEnd} waiting at the end; 202 to alert readable (${r.lag50.probes} probes) p50 ${r.lag50.alertP50Seconds} s, p99 ${r.lag50.alertP99Seconds} s, max ${r.lag50.alertMaxSeconds} s | ${cpu(r.lag50.cpu)} |`,
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...targets.map(
      ([what, value, met]) => `| ${what} | ${value} | ${met ? 'met' : '**not met**'} |`,
    ),
    '',
    '## What each step and each rule costs (D, every rule on)',
    '',
    `Time inside each step and each rule's evaluation, from /metrics at the end of D (its median round), against the drain's ${r.drain.wallSeconds} s (two worker loops run at once, so the shares of the wall time can add up past 100 %).`,
    '',
    '| step | seconds | share of the drain |',
    '|---|---|---|',
    ...Object.entries(r.drain.steps).map(
      ([step, seconds]) =>
        `| ${step} | ${round1(seconds)} | ${Math.round((seconds / r.drain.wallSeconds) * 100)} % |`,
    ),
    '',
    '| rule | evaluation ms | per 1,000 events | hits (alerts) | hits (shadow) |',
    '|---|---|---|---|---|',
    ...Object.entries(r.drain.rules).map(
      ([rule, seconds]) =>
        `| ${rule} | ${Math.round(seconds * 1000)} | ${((seconds * 1e6) / r.backlog).toFixed(1)} ms | ${r.drain.hitsOn[rule] ?? 0} | ${r.drain.hitsShadow[rule] ?? 0} |`,
    ),
    '',
    "A rule's evaluation is in memory; what a rule costs beyond it is in the detection step: loading and saving the players' states, the identifier sightings and counts (SHARED_IDENTIFIER), the hourly totals, and the alerts, hits and shadow hits written.",
    '',
    "## Where the database's time goes (C, statement by statement)",
    '',
    `The ceiling's ${r.ceiling.seconds} s on one connection, by kind of statement (the 25 dearest). Detection's statements are marked: their share is what the database spends on the rules.`,
    '',
    '| statement | count | seconds | share of C | detection |',
    '|---|---|---|---|---|',
    ...r.ceiling.kinds
      .slice(0, 25)
      .map(
        (k) =>
          `| \`${k.kind.replace(/\|/g, '\\|')}\` | ${k.count} | ${k.seconds} | ${Math.round((k.seconds / r.ceiling.seconds) * 100)} % | ${isDetectionStatement(k.kind) ? 'yes' : ''} |`,
      ),
    `| detection's statements, all kinds | ${detectionOf(r.ceiling.kinds).count} | ${round1(detectionOf(r.ceiling.kinds).seconds)} | ${Math.round((detectionOf(r.ceiling.kinds).seconds / r.ceiling.seconds) * 100)} % | yes |`,
    '',
    '## How',
    '',
    "- Identifiers in the workload: 2,000 IPs for 20,000 players (carrier-grade NAT: 10 players per IP); phones of their own but for 1 % of the players, in rings of 3 (multi-accounting); a session per player and hour. Balances follow each player's events, 1 event in 500 off by 1,000 XOF.",
    "- D0 turns every rule of the team off through `PUT /api/v1/rules/:code` before storing the backlog: the detection step then keeps only the players' counters (the player view shows them whatever the rules): no states, sightings, hits or alerts.",
    `- D and D0 run ${DRAIN_ROUNDS} rounds each, taking turns (D, D0, D, D0, …), each on a backlog of its own; the tables give the round of median rate. On these shared machines one drain of the same code took from 10.8 to 13.2 s within an hour (2026-12-07), and D0 from 4.7 to 5.5 s: a single pair could put D/D0 anywhere from 0.36 to 0.51.`,
    '- Each phase runs on its own fresh database, migrated by `dist/cli.js migrate`, with one enterprise team; rate limits out of reach; `LOG_LEVEL=warn`; the service as `npm start` runs it.',
    '- The backlogs of D and C are the same events in the same order (same seed, stored by the batch endpoint with the worker off), so the two databases hold identical rows and ids.',
    "- C replays every statement the service sent while draining (MariaDB's general query log, captured in a drain of its own that is not measured): claims, leases, the steps' reads and writes, commits, transaction by transaction in the order they committed, on one connection. It is what the database and the driver must do for the same batches, with none of the service's own work; the service itself runs two loops at once.",
    "- D and D0 are timed from the first batch (the earliest `processed_at`; its events are not counted) to the first poll that finds `processing_queue` empty (an `EXISTS` every 50 ms; until 2026-12-06 a `COUNT(*)`, which took up to 70 ms of the database's time a poll while the queue emptied).",
    '- D is exact when every event is PROCESSED once: as many PROCESSED rows, processed minute counts and player event counts as events in the backlog.',
    '- L: autocannon `overallRate` (bursts at the start of each second: pessimistic); the oldest waiting event is read from `processing_queue` every 100 ms. Each L starts a fresh service, whose first seconds compile its code: the first seconds at the pace are not counted (until 2026-12-07 they were, and the slowest probes of a run were all sent in its first 1.5 s).',
    '',
  ].join('\n');
  return { text, drainVsIngest, drainVsCeiling, ceilingRate, targets };
}

// ---- main -----------------------------------------------------------------------------------

async function main() {
  const code = gitState(); // what the build below (dist/) is made of
  if (!args['skip-build']) buildService();
  const root = await admin();
  const dbs = [];
  const fresh = async (phase) => {
    const db = await freshDatabase(root, phase);
    dbs.push(db);
    return db;
  };
  try {
    const [[about]] = await root.query('SELECT VERSION() AS v');
    if (!ALL_PHASES) {
      await someOf(fresh);
      return;
    }
    log(`R: single-event ingest, ${ROUNDS} rounds with and without the player index`);
    const withIndexDb = await fresh('ingest');
    const withoutIndexDb = await fresh('noindex');
    await root.query(`DROP INDEX idx_events_team_player_time ON \`${withoutIndexDb.name}\`.events`);
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      rounds.push({
        withIndex: await ingestRate(withIndexDb, `with index, round ${round}`),
        withoutIndex: await ingestRate(withoutIndexDb, `without index, round ${round}`),
      });
    }
    const ingest = medianRound(rounds, 'withIndex');
    const ingestNoIndex = medianRound(rounds, 'withoutIndex');

    // The drains take turns, round after round: the machine's slower and faster minutes fall on
    // both, and their medians are compared.
    const drainRounds = [];
    for (let round = 1; round <= DRAIN_ROUNDS; round++) {
      log(`D: drain of ${BACKLOG} events, every rule on (round ${round} of ${DRAIN_ROUNDS})`);
      const drainDb = await fresh(`drain${round}`);
      await fillBacklog(drainDb, BACKLOG, 1);
      const withRules = await drain(root, drainDb);
      logDrain(withRules);

      log(`D0: the same drain, every rule off (round ${round} of ${DRAIN_ROUNDS})`);
      const rulesOffDb = await fresh(`rulesoff${round}`);
      await fillBacklog(rulesOffDb, BACKLOG, 1, { rulesOff: true });
      const withoutRules = await drain(root, rulesOffDb);
      logDrain(withoutRules);
      drainRounds.push({ withRules, withoutRules });
    }
    const drained = {
      ...medianRound(drainRounds, 'withRules'),
      exact: drainRounds.every((r) => r.withRules.exact),
    };
    const drainedWithoutRules = medianRound(drainRounds, 'withoutRules');

    log('C: capture the worker statements, then replay them');
    const captureDb = await fresh('capture');
    await fillBacklog(captureDb, BACKLOG, 1);
    const units = await captureWorkerStatements(root, captureDb);
    const ceilingDb = await fresh('ceiling');
    await fillBacklog(ceilingDb, BACKLOG, 1);
    const ceiling = await replay(ceilingDb, units);
    if ((await queueLength(root, ceilingDb)) !== 0) {
      throw new Error('The replayed statements left events in the queue: not the same backlog');
    }

    log('L: lag under load');
    const lagDb = await fresh('lag');
    const lag30 = await lag(root, lagDb, ingest.eventsPerSecond * 0.3, '30 %');
    const lag50 = await lag(root, lagDb, ingest.eventsPerSecond * 0.5, '50 %');

    const results = {
      code,
      mariadb: about.v,
      backlog: BACKLOG,
      ingest,
      ingestNoIndex,
      drain: drained,
      drainWithoutRules: drainedWithoutRules,
      ceiling,
      lag30,
      lag50,
    };
    const { text, ...ratios } = report(results);
    saveResults('processing', text, { ...results, ...ratios });
  } finally {
    // BENCH_KEEP=1 keeps the phases' databases, to look into them afterwards.
    if (!process.env.BENCH_KEEP)
      for (const db of dbs) await root.query(`DROP DATABASE IF EXISTS \`${db.name}\``);
    await root.end();
    if (existsSync(LOG_FILE)) rmSync(LOG_FILE, { force: true });
  }
}

/** The round of median rate for `key`, with every round's rate. */
function medianRound(rounds, key) {
  const median = [...rounds].sort((a, b) => a[key].eventsPerSecond - b[key].eventsPerSecond)[
    Math.floor(rounds.length / 2)
  ][key];
  return { ...median, rounds: rounds.map((r) => r[key].eventsPerSecond) };
}

const logDrain = ({ cpu, steps, exact, conflicts }) =>
  log(
    `  CPU % service ${cpu.server}, mariadbd ${cpu.mariadb}; exact ${exact}; ${conflictsText(conflicts)}; step seconds ${JSON.stringify(steps)}`,
  );

/** The drain's transaction conflicts, from /metrics (deadlocks and lock timeouts, retried). */
const conflictsText = (conflicts = {}) =>
  `transaction conflicts: ${conflicts.retried ?? 0} retried, ${conflicts.gave_up ?? 0} given up`;

/** Only the drains and the ceiling asked for by --phases, logged, not saved. */
async function someOf(fresh) {
  const root = await admin();
  try {
    if (PHASES.has('D')) {
      log(`D: drain of ${BACKLOG} events, every rule on`);
      const db = await fresh('drain');
      await fillBacklog(db, BACKLOG, 1);
      logDrain(await drain(root, db));
    }
    if (PHASES.has('D0')) {
      log(`D0: the same drain, every rule off`);
      const db = await fresh('rulesoff');
      await fillBacklog(db, BACKLOG, 1, { rulesOff: true });
      logDrain(await drain(root, db));
    }
    if (PHASES.has('C')) {
      log('C: capture the worker statements, then replay them');
      const captureDb = await fresh('capture');
      await fillBacklog(captureDb, BACKLOG, 1);
      const units = await captureWorkerStatements(root, captureDb);
      const ceilingDb = await fresh('ceiling');
      await fillBacklog(ceilingDb, BACKLOG, 1);
      await replay(ceilingDb, units);
    }
    if (PHASES.has('L')) {
      log(`L: lag at ${args['lag-rate']} single events a second`);
      await lag(root, await fresh('lag'), Number(args['lag-rate']), 'the asked pace');
    }
  } finally {
    await root.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
