import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { AppDataSource } from '../../src/database/app-data-source';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/run-migrations';
import { SERVER_DB_URL } from './test-database';
import { ENTITIES } from '../../src/entities';

const ROOT = join(__dirname, '..', '..');

/** Before any worker starts: an up-to-date build (some tests run `dist/`), a migrated MySQL database. */
export default async function globalSetup(): Promise<void> {
  buildIfStale();
  if (SERVER_DB_URL) await migrateServerDatabase(SERVER_DB_URL);
  await findRedis();
}

/**
 * Tests of shared (Redis) rate limits run when Redis answers at TEST_REDIS_URL (default
 * redis://127.0.0.1:6379). With REQUIRE_REDIS=1 (CI), a missing Redis fails the run instead.
 */
async function findRedis(): Promise<void> {
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(url);
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
  if (reachable) process.env.E2E_REDIS_URL = url;
  else if (process.env.REQUIRE_REDIS === '1')
    throw new Error(`[e2e] REQUIRE_REDIS=1 but no Redis answers at ${url}`);
  else
    process.stderr.write(`\n[e2e] no Redis at ${url}: the shared rate-limit tests are skipped\n`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const built = join(ROOT, 'dist', '.tsbuildinfo');
  const fresh = existsSync(join(ROOT, 'dist', 'main.js')) && existsSync(built);
  if (fresh && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  process.stderr.write('\n[e2e] building dist/ (some tests start the built service)\n');
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  // An incremental build with nothing to emit writes nothing, not even its build info: mark it.
  const now = new Date();
  utimesSync(built, now, now);
}

async function migrateServerDatabase(url: string): Promise<void> {
  const dialect = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  const dataSource = new AppDataSource(
    buildDataSourceOptions({ dialect, url, poolSize: 2 }, ENTITIES),
  );
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(
      `[e2e] DB_URL is set but the database cannot be reached: ${(error as Error).message}`,
      { cause: error },
    );
  }
  await runMigrations(dataSource);
  await dataSource.destroy();
}
