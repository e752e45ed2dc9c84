import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
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

/** The same check as `npm start` and `npm run cli`: build only when a source changed. */
function buildIfStale(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-changed.js')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BUILD_REASON: 'e2e: some tests start the built service' },
  });
}

async function migrateServerDatabase(url: string): Promise<void> {
  const dialect = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  const dataSource = new AppDataSource(
    buildDataSourceOptions({ dialect, url, poolSize: 2, idleTimeoutSeconds: 60 }, ENTITIES),
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
