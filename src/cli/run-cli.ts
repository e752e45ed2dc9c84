import { AppError } from '../common/errors/app-error';
import { DashboardError } from '../dashboard/dashboard.wire';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import type { AppConfig } from '../config/app-config';
import { TenancyError } from '../tenancy/tenancy.errors';
import { CliModule } from './cli.module';
import { STRING_OPTIONS, UsageError, type CommandOptions } from './command';
import { COMMANDS } from './commands';
import { CashDeskRefusal } from '../maxbridge/cash-desk/cash-desk.refusal';
import { WalletAdminError } from '../maxbridge/wallet/wallet-admin.service';

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Runs one command; returns the process exit code. Never calls process.exit (tests run it in-process). */
export async function runCli(argv: string[], config: AppConfig, io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withNegativeValues(argv),
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(STRING_OPTIONS.map((name) => [name, { type: 'string' as const }])),
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  const { positionals, values } = parsed;
  const name = positionals.join(' ');
  const command = COMMANDS[name];
  if (values.help && command) {
    io.stdout(`Usage: npm run cli -- ${command.usage} [--json]\n\n${command.summary}.`);
    return EXIT_OK;
  }
  if (values.help || !command) {
    if (!values.help) io.stderr(name ? `Unknown command "${name}".\n` : 'No command given.\n');
    (values.help ? io.stdout : io.stderr)(usage());
    return values.help ? EXIT_OK : EXIT_USAGE;
  }

  const report = (code: string, message: string, exitCode: number) => {
    if (values.json) io.stdout(JSON.stringify({ error: { code, message } }));
    else
      io.stderr(
        `Error: ${message}${exitCode === EXIT_USAGE ? `\nUsage: npm run cli -- ${command.usage}` : ''}`,
      );
    return exitCode;
  };

  let app;
  try {
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
      logger: new StderrLogger(io),
      abortOnError: false,
    });
  } catch (error) {
    return report(
      'DATABASE_UNAVAILABLE',
      `Could not open the database: ${(error as Error).message}`,
      EXIT_FAILED,
    );
  }
  try {
    const result = await command.run(app, values as CommandOptions);
    io.stdout(values.json ? JSON.stringify(result.json) : result.text.join('\n'));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return report('USAGE', error.message, EXIT_USAGE);
    if (error instanceof TenancyError) return report(error.code, error.message, EXIT_FAILED);
    if (error instanceof WalletAdminError) return report(error.code, error.message, EXIT_FAILED);
    if (error instanceof CashDeskRefusal)
      return report(error.reason.toUpperCase(), error.message, EXIT_FAILED);
    if (error instanceof DashboardError)
      return report(error.code.toUpperCase(), error.message, EXIT_FAILED);
    if (error instanceof AppError && error.kind !== 'internal')
      return report(error.kind.toUpperCase(), error.message, EXIT_FAILED);
    throw error;
  } finally {
    await app.close();
  }
}

const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * `--long -16.5` as `--long=-16.5`: a negative number after an option that takes a value is that
 * value (parseArgs would take it for an option).
 */
function withNegativeValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return [...args, ...argv.slice(i)];
    const takesValue =
      arg.startsWith('--') && STRING_OPTIONS.includes(arg.slice(2) as keyof CommandOptions);
    if (takesValue && NEGATIVE_NUMBER.test(argv[i + 1] ?? '')) args.push(`${arg}=${argv[++i]}`);
    else args.push(arg);
  }
  return args;
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`);
  return [
    'Usage: npm run cli -- <command> [options] [--json]',
    '',
    ...lines,
    '',
    '--json prints one JSON object.',
  ].join('\n');
}

/** Warnings and errors only, on stderr: stdout carries the command's answer alone. */
class StderrLogger implements LoggerService {
  constructor(private readonly io: CliIo) {}
  log(): void {}
  debug(): void {}
  verbose(): void {}
  warn(message: unknown): void {
    this.io.stderr(`warning: ${format(message)}`);
  }
  error(message: unknown): void {
    this.io.stderr(`error: ${format(message)}`);
  }
}

const format = (message: unknown) =>
  typeof message === 'string' ? message : JSON.stringify(message);
