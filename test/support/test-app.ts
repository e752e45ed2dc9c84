import 'reflect-metadata';
import type { ModuleMetadata } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { closeApp, createApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { TenancyService } from '../../src/tenancy/tenancy.service';
import { LogCapture } from './log-capture';
import { newSqlitePath, removeSqliteFiles, workerDatabaseUrl } from './test-database';

/** The MaxBridge signing secret of test applications (test/support/maxbridge.ts signs with it). */
export const TEST_MAXBRIDGE_SECRET = 'e2e-maxbridge-secret-0123456789';
export const TEST_SESSION_SECRET = 'e2e-session-secret-0123456789-abcdef';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  logs: LogCapture;
  tenancy: TenancyService;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults (silent logs, own database). */
  env?: Record<string, string>;
  extraImports?: NonNullable<ModuleMetadata['imports']>;
}

/**
 * The real application, through the same bootstrap as `main.ts`, listening on a free port of
 * 127.0.0.1, on its own SQLite file or on the MySQL/MariaDB database of DB_URL.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = await workerDatabaseUrl();
  const sqlitePath = serverUrl ? null : newSqlitePath();
  const config = loadConfig({
    LOG_LEVEL: 'info',
    DEMO_TEAM: 'false',
    MAXBRIDGE_HASH_SECRET: TEST_MAXBRIDGE_SECRET,
    SESSION_SECRET: TEST_SESSION_SECRET,
    // Event processing runs only where a test asks for it (test/monitor/event-processing): on a
    // shared MySQL database, a worker of one test file would process the events of another.
    WORKER_ENABLED: 'false',
    // Likewise webhook deliveries: only the suites that test them send them.
    WEBHOOK_DISPATCH_ENABLED: 'false',
    DB_URL: serverUrl ?? `sqlite:${sqlitePath}`,
    ...options.env,
  });
  const logs = new LogCapture();
  const app = await createApp(config, { extraImports: options.extraImports, logStream: logs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  let closed = false;
  return {
    app,
    config,
    url,
    http: request(url),
    logs,
    tenancy: app.get(TenancyService),
    async close() {
      if (closed) return;
      closed = true;
      await closeApp(app);
      if (sqlitePath && !options.env?.DB_URL) removeSqliteFiles(sqlitePath);
    },
  };
}
