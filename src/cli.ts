import 'reflect-metadata';
import { runCli } from './cli/run-cli';
import { ConfigError, loadConfig, loadDotEnvFile } from './config/app-config';
import { withDemoSigningSecret } from './maxbridge/demo-signing-secret';

/** `npm run cli -- <command>`: team, brand and key administration, and the MaxBridge wallet. */
async function main(): Promise<number> {
  loadDotEnvFile();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  // The same MaxBridge secret as `npm start` on the embedded database (for `maxbridge sign`).
  config = withDemoSigningSecret(config, process.env).config;
  return runCli(process.argv.slice(2), config, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
