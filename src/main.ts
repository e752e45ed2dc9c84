import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { closeApp, createApp } from './bootstrap';
import { AppConfig, ConfigError, loadConfig, loadDotEnvFile } from './config/app-config';
import { DemoCredentials, DemoTeamService } from './tenancy/demo-team.service';

const logger = new Logger('Main');

async function main(): Promise<void> {
  loadDotEnvFile();
  const config = loadConfigOrExit();
  const app = await createApp(config);
  stopGracefullyOnSignals(app, config.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
  const baseUrl = localUrl(config, app);
  logger.log(`Serving on ${baseUrl} (API docs: ${baseUrl}/docs)`);

  const demo = await app.get(DemoTeamService).createIfFirstStart();
  if (demo) announceDemoTeam(demo, baseUrl);
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
}

/**
 * SIGTERM or SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0.
 * Past SHUTDOWN_TIMEOUT_MS, or on a second signal, exit 1 at once.
 */
function stopGracefullyOnSignals(app: NestFastifyApplication, timeoutMs: number): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} received again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests`);
    setTimeout(() => {
      logger.error(`Shutdown took longer than ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    closeApp(app).then(
      () => {
        logger.log('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function localUrl(config: AppConfig, app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host;
  return `http://${host}:${port}`;
}

/** Printed once, on the first start of a new embedded database: the key is not stored in clear. */
function announceDemoTeam(demo: DemoCredentials, baseUrl: string): void {
  process.stdout.write(
    [
      '',
      `  A demo team was created on this new database: "${demo.teamName}" (id ${demo.teamId}).`,
      `  Its API key, shown only this once:`,
      '',
      `    ${demo.apiKey}`,
      '',
      '  Try it:',
      '',
      `    curl -s -H "X-API-Key: ${demo.apiKey}" ${baseUrl}/api/v1/lookups`,
      '',
      `    curl -s -H "X-API-Key: ${demo.apiKey}" -H "Content-Type: application/json" ${baseUrl}/api/v1/events \\`,
      `      -d '{"external_event_id":"evt-123","player_id":"player-456","event_type":"DEPOSIT","amount":100000,"currency":"XOF","event_timestamp":"2026-01-31T12:00:00Z"}'`,
      '',
      `    curl -s -H "x-api-key: ${demo.apiKey}" -H "Content-Type: application/json" ${baseUrl}/betting-events \\`,
      `      -d '{"tax_id":"012.345.678-90","event":"new_bet","last_player_balance":30000,"current_player_balance":25000,"bet_slip_id":"slip_single_123","total_stake":5000,"total_odds":2.5,"leg_count":1,"bet_legs":[{"leg_id":"leg_abc123","odds":2.5}]}'`,
      `    curl -s -H "x-api-key: ${demo.apiKey}" ${baseUrl}/betting-events/slips/slip_single_123`,
      '',
      `  API docs: ${baseUrl}/docs`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'Could not start');
  process.stderr.write(
    `Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
