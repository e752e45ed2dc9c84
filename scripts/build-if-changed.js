#!/usr/bin/env node
/**
 * `npm start` and `npm run cli` build first, but only what changed since its last build: a start
 * or a command line call does not wait for nothing. Two builds, each with its stamp, dated from
 * the build's start:
 * - the service (`nest build`, dist/.build-stamp): any file (or folder: a deleted file changes its
 *   folder) under src/, and the build's own configuration;
 * - the dashboard app (`vite build`, web/dist/.build-stamp): any file under web/ but its output,
 *   and the package files (a new version of a dependency).
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const PACKAGE_FILES = ['package.json', 'package-lock.json'];

const BUILDS = [
  {
    name: 'service',
    stamp: join(root, 'dist', '.build-stamp'),
    sources: ['src', ...PACKAGE_FILES, 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'],
    command: [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'],
  },
  {
    name: 'dashboard app',
    stamp: join(root, 'web', 'dist', '.build-stamp'),
    sources: ['web', ...PACKAGE_FILES],
    skip: ['web/dist'],
    command: [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
  },
];

function newestIn(path, skip) {
  if (skip.includes(path)) return 0;
  const stat = statSync(join(root, path));
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(join(root, path))) {
    newest = Math.max(newest, newestIn(`${path}/${entry}`, skip));
  }
  return newest;
}

// `--service-only` (the command line, migrations): the dashboard app is not needed there, and a
// CLI call must not wait for its build.
const builds = process.argv.includes('--service-only')
  ? BUILDS.filter((build) => build.name === 'service')
  : BUILDS;

for (const build of builds) {
  const sources = Math.max(
    ...build.sources
      .filter((path) => existsSync(join(root, path)))
      .map((path) => newestIn(path, build.skip ?? [])),
  );
  if (existsSync(build.stamp) && statSync(build.stamp).mtimeMs >= sources) continue;

  const started = Date.now();
  if (process.env.BUILD_REASON) {
    process.stderr.write(`\n[build] ${process.env.BUILD_REASON}: the ${build.name}\n`);
  }
  const built = spawnSync(process.execPath, build.command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
  writeFileSync(build.stamp, `built in ${Date.now() - started} ms\n`);
  // Dated from the build's start: a source saved while it ran makes the next call build again.
  utimesSync(build.stamp, started / 1000, started / 1000);
}
