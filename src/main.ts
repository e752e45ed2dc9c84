import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { closeApp, createApp } from './bootstrap';
import { AppConfig, ConfigError, loadConfig, loadDotEnvFile } from './config/app-config';
import { withDemoDashboardSecret } from './dashboard/demo-dashboard-secret';
import { DashboardUsersService } from './dashboard/users/dashboard-users.service';
import { withDemoSigningSecret } from './maxbridge/demo-signing-secret';
import { LocationsService } from './maxbridge/cash-desk/locations/locations.service';
import { parseOpenHours } from './maxbridge/cash-desk/locations/open-hours';
import { RetailKeysService } from './maxbridge/cash-desk/retail/retail-keys.service';
import { WalletAdminService } from './maxbridge/wallet/wallet-admin.service';
import { DemoCredentials, DemoTeamService } from './tenancy/demo-team.service';

const logger = new Logger('Main');

async function main(): Promise<void> {
  loadDotEnvFile();
  const { config, demoSecretPath } = withDemoSigningSecret(
    withDemoDashboardSecret(loadConfigOrExit()),
    process.env,
  );
  const app = await createApp(config);
  stopGracefullyOnSignals(app, config.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
  const baseUrl = localUrl(config, app);
  logger.log(`Serving on ${baseUrl} (API docs: ${baseUrl}/docs)`);
  logMaxBridge(config, demoSecretPath);

  const demo = await app.get(DemoTeamService).createIfFirstStart();
  if (demo) announceDemoTeam(demo, baseUrl);
  if (demo) await announceDemoDashboard(app, demo, baseUrl);
  if (demo && demoSecretPath) await announceDemoWallet(app, demoSecretPath, baseUrl);
}

function logMaxBridge(config: AppConfig, demoSecretPath: string | null): void {
  if (demoSecretPath) {
    logger.log(
      `MaxBridge signs with the demo secret in ${displayPath(demoSecretPath)} (set MAXBRIDGE_HASH_SECRET for real use)`,
    );
  } else if (!config.maxbridge.enabled) {
    logger.log('MaxBridge is off: set MAXBRIDGE_HASH_SECRET to serve /api/payment/*');
  }
  if (config.maxbridge.enabled && config.maxbridge.sessionSecrets.length === 0) {
    logger.warn(
      'MaxBridge player sessions are off: set SESSION_SECRET (32+ characters) to serve /api/v1/auth/login and the front end routes',
    );
  }
}

const displayPath = (path: string) =>
  path.startsWith(`${process.cwd()}/`) ? path.slice(process.cwd().length + 1) : path;

/** On the first start with the demo secret: a wallet user to try MaxBridge with, and how. */
async function announceDemoWallet(
  app: NestFastifyApplication,
  secretPath: string,
  baseUrl: string,
): Promise<void> {
  const userName = `demo-${Date.now().toString(36)}`;
  const password = randomBytes(12).toString('base64url');
  const userId = await app.get(WalletAdminService).createUser({
    userName,
    password,
    currency: 'EUR',
    balance: 5000,
    fullName: 'Demo Player',
  });
  const desk = await app.get(LocationsService).create({
    name: 'Demo desk',
    description: 'Dakar, Plateau',
    lat: 14.6937,
    long: -17.4441,
    openHours: parseOpenHours('mon-fri 09:00-18:00, sat 10:00-16:00'),
    cityId: null,
    districtId: null,
  });
  const retailKey = (await app.get(RetailKeysService).create('demo')).key;
  const sign = (path: string, body: string) => [
    `    nonce=$(date +%s%N); body='${body}'`,
    `    hash=$(printf '%s%s%s' "$nonce" "$body" "$(cat '${displayPath(secretPath)}')" | sha256sum | cut -d' ' -f1)`,
    `    curl -s -H "Nonce: $nonce" -H "Hash: $hash" -H "Content-Type: application/json" -d "$body" ${baseUrl}${path}`,
  ];
  process.stdout.write(
    [
      `  MaxBridge (cash desk): a demo wallet user ${userId} holds 50.00 EUR. Requests are signed with`,
      `  the secret in ${displayPath(secretPath)}: Hash = hex(SHA256(Nonce + body + secret)).`,
      '',
      ...sign('/api/payment/get-user-info', `{"user_id":${userId}}`),
      '',
      ...sign(
        '/api/payment/withdraw',
        `{"user_id":${userId},"amount":1500,"currency":"EUR","service_id":1,"fee":null,"transaction_id":"demo-'$nonce'"}`,
      ),
      '',
      `  The retail system's key (shown once), a demo desk (${desk.id}), and a reservation to collect there:`,
      `    curl -s -H "Authorization: ${retailKey}" ${baseUrl}/api/v1/get-locations`,
      `    curl -s -H "Authorization: ${retailKey}" -H "Content-Type: application/json" -d '{"locationId":"${desk.id}","currency":"EUR","amount":1000,"balance":5000,"userId":${userId}}' ${baseUrl}/api/lockless-reservation/create`,
      '',
      `  The player's front end: log in as ${userName} / ${password}, then send the token as the cookie:`,
      `    curl -s -H "Content-Type: application/json" -d '{"username":"${userName}","password":"${password}"}' ${baseUrl}/api/v1/auth/login`,
      '',
    ].join('\n') + '\n',
  );
}

/** On the first start of the demo: the team's first dashboard admin, and how to log in. */
async function announceDemoDashboard(
  app: NestFastifyApplication,
  demo: DemoCredentials,
  baseUrl: string,
): Promise<void> {
  const email = 'admin@demo.local';
  const password = randomBytes(12).toString('base64url');
  await app
    .get(DashboardUsersService)
    .create({ teamId: demo.teamId, email, role: 'admin', password });
  process.stdout.write(
    [
      `  Dashboard: ${baseUrl}/dashboard`,
      `  Log in as ${email} / ${password} (shown only this once).`,
      '',
    ].join('\n') + '\n',
  );
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
