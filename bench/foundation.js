#!/usr/bin/env node
/**
 * `npm run bench:foundation [-- --seconds 8 --connections 32 --rounds 3]`
 *
 * What the shared request pipeline costs (API-key lookup in the database, per-team rate limit,
 * request logging, security headers, error envelope): GET /api/v1/lookups on the built service,
 * against a ceiling measured in the same run (a bare node:http server answering the same bytes).
 * Rounds alternate ceiling and service so that a noisy machine affects both. Load comes from this
 * process (autocannon); each server runs in its own process. Writes bench/results/foundation.md
 * and .json. DB_SERVER_URL=mariadb://root@127.0.0.1:3306 adds a run on MariaDB.
 */
const autocannon = require('autocannon');
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { cpus, tmpdir, totalmem } = require('node:os');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const { ROOT, buildService, peakRssMiB, median, saveResults } = require('./support/process');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);

function startProcess(script, env) {
  const child = spawn(process.execPath, [script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk.toString();
      if (/ready|Serving on/.test(out)) resolve();
      if (out.length > 100_000) out = out.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, ready };
}

async function load(url, apiKey) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'X-API-Key': apiKey },
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0)
    throw new Error(`${url}: ${failures} failed requests of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function benchDialect(label, dbEnv) {
  // An enterprise team with a limit the load cannot reach: this measures the pipeline, not 429s.
  const created = JSON.parse(
    execFileSync(
      process.execPath,
      [
        'dist/cli.js',
        'team',
        'create',
        '--name',
        `bench-${Date.now()}`,
        '--plan',
        'enterprise',
        '--json',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...dbEnv },
      },
    ).toString(),
  );
  const apiKey = created.api_key;
  const appPort = 3901;
  const ceilingPort = 3902;
  const app = startProcess('dist/main.js', {
    ...dbEnv,
    PORT: String(appPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RATE_LIMIT_ENTERPRISE: '1000000000',
    DEMO_TEAM: 'false',
  });
  await app.ready;
  const appUrl = `http://127.0.0.1:${appPort}/api/v1/lookups`;
  const body = await (await fetch(appUrl, { headers: { 'X-API-Key': apiKey } })).text();
  const ceiling = startProcess('bench/support/ceiling-server.js', {
    PORT: String(ceilingPort),
    CEILING_BODY: body,
    CEILING_KEY: apiKey,
  });
  await ceiling.ready;
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}/api/v1/lookups`;

  const rounds = [];
  try {
    await load(appUrl, apiKey); // warm-up (JIT, connection pools), not counted
    for (let round = 1; round <= ROUNDS; round++) {
      const ceilingRun = await load(ceilingUrl, apiKey);
      const appRun = await load(appUrl, apiKey);
      rounds.push({ round, ceiling: ceilingRun, app: appRun, ratio: appRun.rps / ceilingRun.rps });
      process.stderr.write(
        `[${label}] round ${round}: service ${Math.round(appRun.rps)} req/s, ceiling ${Math.round(ceilingRun.rps)} req/s, ratio ${(appRun.rps / ceilingRun.rps).toFixed(3)}\n`,
      );
    }
    const appPeakRss = peakRssMiB(app.child.pid);
    return {
      dialect: label,
      rounds,
      median: {
        serviceRps: Math.round(median(rounds.map((r) => r.app.rps))),
        ceilingRps: Math.round(median(rounds.map((r) => r.ceiling.rps))),
        throughputRatio: Number(median(rounds.map((r) => r.ratio)).toFixed(3)),
        serviceP50Ms: median(rounds.map((r) => r.app.p50)),
        serviceP99Ms: median(rounds.map((r) => r.app.p99)),
        ceilingP99Ms: median(rounds.map((r) => r.ceiling.p99)),
      },
      servicePeakRssMiB: appPeakRss,
    };
  } finally {
    app.child.kill('SIGTERM');
    ceiling.child.kill('SIGTERM');
  }
}

async function mariadbEnv(serverUrl) {
  const mysql = require('mysql2/promise');
  const server = new URL(serverUrl);
  const database = `bm_bench_${Date.now()}`;
  const connection = await mysql.createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password || ''),
  });
  await connection.query(`CREATE DATABASE \`${database}\``);
  const [[pool]] = await connection.query(
    'SELECT @@innodb_buffer_pool_size AS bytes, VERSION() AS version',
  );
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  return {
    env: { DB_URL: url.toString() },
    about: `${pool.version}, InnoDB buffer pool ${Math.round(pool.bytes / 1048576)} MiB`,
    drop: async () => {
      await connection.query(`DROP DATABASE \`${database}\``);
      await connection.end();
    },
  };
}

function writeResults(results) {
  const when = new Date().toISOString();
  const machine = `${cpus().length} cores (${cpus()[0].model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    '# Foundation: cost of the shared request pipeline',
    '',
    `Run ${when} on ${machine}. GET /api/v1/lookups with a valid enterprise key, ${CONNECTIONS} connections,`,
    `${SECONDS} s per measure, ${ROUNDS} rounds alternating ceiling and service (medians below). The ceiling`,
    'is a bare node:http server answering the same bytes after a string comparison of the key; the',
    'service looks the key up in its database, counts the team rate limit, logs a JSON line and sets',
    'security headers on every request. Ratios are measured in the same run; absolute figures are not',
    'comparable between machines.',
    '',
    '| database | service req/s | ceiling req/s | service / ceiling | service p50 ms | service p99 ms | ceiling p99 ms | service peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.dialect} | ${r.median.serviceRps} | ${r.median.ceilingRps} | ${r.median.throughputRatio} | ${r.median.serviceP50Ms} | ${r.median.serviceP99Ms} | ${r.median.ceilingP99Ms} | ${r.servicePeakRssMiB} |`,
    ),
    '',
    ...results.filter((r) => r.about).map((r) => `${r.dialect}: ${r.about}.`),
    '',
  ];
  saveResults('foundation', lines.join('\n'), {
    when,
    machine,
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    results,
  });
}

async function main() {
  buildService();
  const results = [];
  const dir = mkdtempSync(join(tmpdir(), 'bm-bench-'));
  try {
    results.push(
      await benchDialect('SQLite (embedded)', { DB_URL: `sqlite:${join(dir, 'bench.sqlite')}` }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.DB_SERVER_URL) {
    const maria = await mariadbEnv(process.env.DB_SERVER_URL);
    try {
      results.push({ ...(await benchDialect('MariaDB', maria.env)), about: maria.about });
    } finally {
      await maria.drop();
    }
  }
  writeResults(results);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
