import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/run-migrations';
import { SERVER_DB_URL } from './test-database';

const ROOT = join(__dirname, '..', '..');

/** Before any worker starts: an up-to-date build (some tests run `dist/`), a migrated MySQL database. */
export default async function globalSetup(): Promise<void> {
  buildIfStale();
  if (SERVER_DB_URL) await migrateServerDatabase(SERVER_DB_URL);
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
  const built = join(ROOT, 'dist', 'main.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(join(ROOT, 'src'))) return;
  process.stderr.write('\n[e2e] building dist/ (some tests start the built service)\n');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

async function migrateServerDatabase(url: string): Promise<void> {
  const dialect = url.startsWith('mariadb:') ? 'mariadb' : 'mysql';
  const dataSource = new DataSource(buildDataSourceOptions({ dialect, url, poolSize: 2 }));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`[e2e] DB_URL is set but the database cannot be reached: ${(error as Error).message}`);
  }
  await runMigrations(dataSource);
  await dataSource.destroy();
}
