import { runCli } from '../../src/cli/run-cli';
import type { AppConfig } from '../../src/config/app-config';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Runs `npm run cli -- <argv>` in this process, with `config` (a test application's own). */
export async function runCliWith(config: AppConfig, argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, config, {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
  });
  const stdout = out.join('\n');
  return {
    code,
    stdout,
    stderr: err.join('\n'),
    json: argv.includes('--json') && stdout ? JSON.parse(stdout) : null,
  };
}
