// What every bench script does with processes and numbers: start the built service as `npm start`
// would, stop it, read the CPU time and peak memory of a process from /proc, say which code was
// measured, and the small sums the results tables need.
const { execFileSync } = require('node:child_process');
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

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
  stopServer,
  cpuSeconds,
  peakRssMiB,
  gitState,
  median,
  round1,
  log,
};
