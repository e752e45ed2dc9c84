import { randomBytes } from 'node:crypto';
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

export const dialectUnderTest = (): 'sqlite' | 'mysql' => (SERVER_DB_URL ? 'mysql' : 'sqlite');

export function newSqlitePath(): string {
  return join(tmpdir(), `bm-e2e-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`);
}

export function removeSqliteFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}
