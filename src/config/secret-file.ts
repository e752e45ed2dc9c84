import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A demo installation's secret kept in a file (mode 0600): made on first use, read afterwards,
 * so that it survives restarts without anyone setting it.
 */
export function readOrCreateSecret(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Made by an earlier start (or by a CLI command running at the same time): use it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${path} does not hold a usable secret: delete it and start again`);
  }
  return secret;
}
