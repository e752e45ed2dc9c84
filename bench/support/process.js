// What every bench script does with processes and numbers: start the built service as `npm start`
// would, stop it, read the CPU time and peak memory of a process from /proc, say which code was
// measured, and the small sums the results tables need.
const { execFileSync, spawn } = require('node:child_process');
const {
  createWriteStream,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} = require('node:fs');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const ROOT = join(__dirname, '..', '..');
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;

/** `nest build`, as `npm run build` does: the benches measure the built service (dist/). */
function buildService() {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Writes bench/results/<name>.md (`text`, also printed) and <name>.json (`report`). */
function saveResults(name, text, report) {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', `${name}.md`), text);
  writeFileSync(
    join(ROOT, 'bench', 'results', `${name}.json`),
    JSON.stringify(report, null, 2) + '\n',
  );
  process.stdout.write(text);
}

/** The node flags of `npm start` (package.json), so that a bench runs the service as users do. */
function startScriptNodeFlags() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const flags = /^node (.*)dist\/main\.js$/.exec(scripts.start);
  if (!flags) throw new Error(`Cannot read the node flags of "npm start": ${scripts.start}`);
  return flags[1].split(' ').filter(Boolean);
}

/**
 * Starts `script` (relative to the project) in its own node process, with `env` on top of PATH
 * and `flags` for node (for dist/main.js, those of `npm start` unless given). Ready when it
 * prints `ready`, or when `healthUrl` answers 200; its last lines of output go into the error
 * when it exits or is not ready within 60 s.
 */
async function startServer(script, env, { healthUrl, flags } = {}) {
  const nodeFlags = flags ?? (script === 'dist/main.js' ? startScriptNodeFlags() : []);
  // BENCH_NODE_FLAGS adds flags to every service a bench starts, e.g. to profile it:
  // BENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/profiles'.
  const extra = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, ...extra, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = null;
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // BENCH_SERVER_OUTPUT=<dir> keeps each service's whole output, e.g. for `--trace-deopt`.
  if (process.env.BENCH_SERVER_OUTPUT) {
    const file = createWriteStream(
      join(process.env.BENCH_SERVER_OUTPUT, `service-${child.pid}.log`),
    );
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  child.once('exit', (code, signal) => (exited = `${script} exited (${code ?? signal})`));
  const tail = () => output.trim().split('\n').slice(-8).join('\n');
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    if (exited) throw new Error(`${exited}:\n${tail()}`);
    if (!healthUrl && /^ready$/m.test(output)) return { child, tail };
    if (healthUrl) {
      const status = await fetch(healthUrl).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return { child, tail };
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${script} not ready after 60 s:\n${tail()}`);
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the server's process has exited. */
async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** User + system CPU time of a process, in seconds (Linux /proc); null when it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** A process's peak resident memory (VmHWM) in MiB; null when it is gone. */
function peakRssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024);
  } catch {
    return null;
  }
}

/** The local MariaDB (or MySQL) server process, to tell where CPU goes; null when it runs elsewhere. */
function databaseServerPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** The commit measured, and whether src/ had changes not committed yet. */
function gitState() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT })
      .toString()
      .trim();
    return dirty ? `${commit} + uncommitted changes in src/` : commit;
  } catch {
    return 'unknown';
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round1 = (x) => Math.round(x * 10) / 10;
/** Progress goes to stderr; stdout stays free for what a script prints as its result. */
const log = (line) => process.stderr.write(`${line}\n`);

module.exports = {
  ROOT,
  CLOCK_TICKS,
  buildService,
  saveResults,
  startScriptNodeFlags,
  startServer,
  stopServer,
  cpuSeconds,
  peakRssMiB,
  databaseServerPid,
  gitState,
  median,
  round1,
  log,
};
