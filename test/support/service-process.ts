import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * The built service (`node dist/main.js`) as a process, exactly as `npm start` runs it, with
 * only the given environment (plus PATH): nothing leaks in from the test's own environment.
 */
export function spawnService(
  entry: 'main' | 'cli',
  env: Record<string, string>,
  args: string[] = [],
  cwd = ROOT,
): ServiceProcess {
  const child = spawn(process.execPath, [join(ROOT, 'dist', `${entry}.js`), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the process has printed `text` on stdout, or fails with what it printed. */
export async function waitForOutput(
  service: ServiceProcess,
  text: string | RegExp,
  timeoutMs = 20000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const matches = () =>
    typeof text === 'string' ? service.stdout().includes(text) : text.test(service.stdout());
  while (!matches()) {
    if (service.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `Expected output ${String(text)}; got:\n${service.stdout()}\n${service.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return service.stdout();
}

export function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
