import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where e2e tests keep their data. `DB_URL=mysql://...` or `mariadb://...` runs the suite on that
 * database (every test makes its own teams, so runs and tests never see each other's data);
 * otherwise each application instance gets a new SQLite file.
 */
export const SERVER_DB_URL = /^(mysql|mariadb):\/\//.test(process.env.DB_URL ?? '')
  ? process.env.DB_URL!
  : null;

/**
 * On a server, the database of this Jest worker: `<database>_w<worker id>`, created on first use
 * (the application migrates it when it starts). Test files that run at the same time then never
 * see each other's rows, nor each other's event-processing workers. The runner
 * (run-e2e-on-mysql.js) drops them with the run's own database.
 */
export async function workerDatabaseUrl(): Promise<string | null> {
  if (!SERVER_DB_URL) return null;
  const url = new URL(SERVER_DB_URL);
  const database = `${url.pathname.slice(1)}_w${process.env.JEST_WORKER_ID ?? '0'}`;
  if (!createdWorkerDatabase) {
    const server = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await server.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
    );
    await server.end();
    createdWorkerDatabase = true;
  }
  url.pathname = `/${database}`;
  return url.toString();
}
let createdWorkerDatabase = false;

export const dialectUnderTest = (): 'sqlite' | 'mysql' => (SERVER_DB_URL ? 'mysql' : 'sqlite');

export function newSqlitePath(): string {
  return join(tmpdir(), `bm-e2e-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`);
}

export function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.maxbridge-secret', '.session-secret'])
    rmSync(path + suffix, { force: true });
}
