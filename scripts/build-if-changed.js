#!/usr/bin/env node
/**
 * `npm start` and `npm run cli` build `dist/` first, but only when a source changed since the
 * last build: a start or a command line call does not wait 10 s for nothing. A source is any file
 * (or folder: a deleted file changes its folder) under src/, and the build's own configuration.
 * A successful build writes dist/.build-stamp, dated from the build's start.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const CONFIG = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'nest-cli.json',
];

function newestIn(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

const sources = Math.max(
  newestIn(join(root, 'src')),
  ...CONFIG.map((file) => join(root, file))
    .filter(existsSync)
    .map((file) => statSync(file).mtimeMs),
);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) process.exit(0);

const started = Date.now();
if (process.env.BUILD_REASON) process.stderr.write(`\n[build] ${process.env.BUILD_REASON}\n`);
const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
const built = spawnSync(process.execPath, [nest, 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(stamp, `built in ${Date.now() - started} ms\n`);
// Dated from the build's start: a source saved while it ran makes the next call build again.
utimesSync(stamp, started / 1000, started / 1000);
