import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded SQLite under ./data, in-memory limits', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      database: { dialect: 'sqlite', path: resolve('data/app.sqlite') },
      redisUrl: null,
      redisKeyPrefix: 'bm:',
      logLevel: 'info',
      bodyLimitBytes: 5 * 1024 * 1024,
      rateLimitPerMinute: { free: 60, standard: 1000, enterprise: 10000 },
      shutdownTimeoutMs: 10000,
      trustProxy: false,
      demoTeamOnFirstStart: true,
      ingest: { groupCommitMaxEvents: 500, groupCommitConcurrency: 2, groupCommitLingerMs: -1 },
      worker: {
        enabled: true,
        batchSize: 500,
        pollMs: 500,
        lingerMs: 25,
        loops: 2,
        leaseMs: 15000,
        lagDegradedSeconds: 60,
      },
      webhooks: {
        allowPrivateNetworks: false,
        dispatchEnabled: true,
        concurrency: 16,
        perEndpointConcurrency: 4,
        timeoutMs: 10000,
        retrySchedule: [5000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
        disableAfterMs: 5 * 86_400_000,
        retentionDays: 30,
        pollMs: 200,
      },
      detection: { stateCachePlayers: 50000 },
      maxbridge: {
        enabled: false,
        hashSecrets: [],
        nonceTtlSeconds: 900,
        reservationTtlMs: 86_400_000,
        sessionSecrets: [],
        sessionTtlMs: 28_800_000,
        loginThrottle: { maxFailures: 10, blockMs: 900_000, maxDelayMs: 4000 },
      },
      dashboard: {
        sessionSecrets: [],
        sessionTtlMs: 43_200_000,
        loginThrottle: { maxFailures: 10, blockMs: 900_000, maxDelayMs: 4000 },
      },
    });
  });

  it('reads the webhook retry schedule as durations, and refuses a bad one', () => {
    expect(loadConfig({ WEBHOOK_RETRY_SCHEDULE: '200ms, 1s,2m' }).webhooks.retrySchedule).toEqual([
      200, 1000, 120_000,
    ]);
    expect(() => loadConfig({ WEBHOOK_RETRY_SCHEDULE: '5s,soon' })).toThrow(
      'WEBHOOK_RETRY_SCHEDULE must be up to 20 durations such as 5s,5m,2h, comma-separated (got "5s,soon")',
    );
  });

  it('serves MaxBridge when a hash secret is set, several secrets separated by commas', () => {
    expect(loadConfig({ MAXBRIDGE_HASH_SECRET: 'a-secret-of-16-chars' }).maxbridge).toEqual({
      enabled: true,
      hashSecrets: ['a-secret-of-16-chars'],
      nonceTtlSeconds: 900,
      reservationTtlMs: 86_400_000,
      sessionSecrets: [],
      sessionTtlMs: 28_800_000,
      loginThrottle: { maxFailures: 10, blockMs: 900_000, maxDelayMs: 4000 },
    });
    expect(
      loadConfig({
        MAXBRIDGE_HASH_SECRET: 'new-secret-0123456789 , old-secret-0123456789,',
        MAXBRIDGE_NONCE_TTL_SECONDS: '60',
        MAXBRIDGE_RESERVATION_TTL: '30m',
        SESSION_SECRET: 'a-new-session-secret-of-32-chars, an-old-session-secret-of-32-chars',
        MAXBRIDGE_SESSION_TTL: '30m',
      }).maxbridge,
    ).toEqual({
      enabled: true,
      hashSecrets: ['new-secret-0123456789', 'old-secret-0123456789'],
      nonceTtlSeconds: 60,
      reservationTtlMs: 1_800_000,
      sessionSecrets: ['a-new-session-secret-of-32-chars', 'an-old-session-secret-of-32-chars'],
      sessionTtlMs: 1_800_000,
      loginThrottle: { maxFailures: 10, blockMs: 900_000, maxDelayMs: 4000 },
    });
    expect(
      loadConfig({ MAXBRIDGE_HASH_SECRET: 'a-secret-of-16-chars', MAXBRIDGE_ENABLED: 'false' })
        .maxbridge.enabled,
    ).toBe(false);
  });

  it('refuses MaxBridge enabled without a secret, or with a short one', () => {
    expect(problemsOf({ MAXBRIDGE_ENABLED: 'true' })).toEqual([
      'MAXBRIDGE_HASH_SECRET must be set when MAXBRIDGE_ENABLED is true (one secret, or several separated by commas)',
    ]);
    expect(problemsOf({ MAXBRIDGE_HASH_SECRET: 'secret' })).toEqual([
      'MAXBRIDGE_HASH_SECRET: each secret must have at least 16 characters (one has 6)',
    ]);
    expect(
      problemsOf({
        MAXBRIDGE_HASH_SECRET: 'a-secret-of-16-chars',
        MAXBRIDGE_NONCE_TTL_SECONDS: '5',
      }),
    ).toEqual(['MAXBRIDGE_NONCE_TTL_SECONDS must be an integer from 10 to 604800 (got "5")']);
    expect(problemsOf({ MAXBRIDGE_RESERVATION_TTL: '500ms' })).toEqual([
      'MAXBRIDGE_RESERVATION_TTL must be one duration of at least 1s',
    ]);
    expect(problemsOf({ MAXBRIDGE_RESERVATION_TTL: 'a day' })).toHaveLength(1);
    expect(problemsOf({ SESSION_SECRET: 'short' })).toEqual([
      'SESSION_SECRET: each secret must have at least 32 characters',
    ]);
    expect(problemsOf({ MAXBRIDGE_SESSION_TTL: '10s' })).toEqual([
      'MAXBRIDGE_SESSION_TTL must be one duration of at least 1m',
    ]);
  });

  it.each([
    ['mysql://u:p@db:3306/bm', 'mysql'],
    ['mariadb://root@127.0.0.1:3306/test', 'mariadb'],
  ])('takes %s as a %s server', (url, dialect) => {
    expect(loadConfig({ DB_URL: url, DB_POOL_SIZE: '20' }).database).toEqual({
      dialect,
      url,
      poolSize: 20,
      idleTimeoutSeconds: 60,
    });
    expect(loadConfig({ DB_URL: url, DB_IDLE_TIMEOUT_SECONDS: '5' }).database).toMatchObject({
      idleTimeoutSeconds: 5,
    });
  });

  it.each([
    ['sqlite:/tmp/x.sqlite', '/tmp/x.sqlite'],
    ['sqlite:///tmp/y.sqlite', '/tmp/y.sqlite'],
    ['sqlite:data/other.sqlite', resolve('data/other.sqlite')],
  ])('takes %s as an SQLite file at %s', (url, path) => {
    expect(loadConfig({ DB_URL: url }).database).toEqual({ dialect: 'sqlite', path });
  });

  it('treats empty and blank values as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', DB_URL: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: '3.5' }, 'PORT must be an integer from 0 to 65535 (got "3.5")'],
    [{ PORT: '-1' }, 'PORT must be an integer from 0 to 65535 (got "-1")'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE must be an integer from 1 to 500 (got "0")'],
    [
      { DB_IDLE_TIMEOUT_SECONDS: '1' },
      'DB_IDLE_TIMEOUT_SECONDS must be an integer from 2 to 28800 (got "1")',
    ],
    [
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    ],
    [{ TRUST_PROXY: 'sometimes' }, 'TRUST_PROXY must be true or false (got "sometimes")'],
    [
      { REDIS_URL: 'http://cache' },
      'REDIS_URL must be a URL starting with redis:// or rediss:// (got "http://cache")',
    ],
    [
      { BODY_LIMIT_BYTES: '10' },
      'BODY_LIMIT_BYTES must be an integer from 1024 to 104857600 (got "10")',
    ],
    [
      { RATE_LIMIT_STANDARD: 'lots' },
      `RATE_LIMIT_STANDARD must be an integer from 1 to ${Number.MAX_SAFE_INTEGER} (got "lots")`,
    ],
    [{ DB_URL: 'sqlite:' }, 'DB_URL must be sqlite:<file path> (got "sqlite:")'],
    [
      { DB_URL: 'mysql://db:3306' },
      'DB_URL must be mysql://user:pass@host:port/database, mariadb://user:pass@host:port/database or sqlite:<file path> (got "mysql://db:3306")',
    ],
  ])('refuses %p, naming the variable', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it('never repeats a database password in its message', () => {
    const [problem] = problemsOf({ DB_URL: 'postgres://admin:hunter2@db/x' });
    expect(problem).toContain('postgres://admin:***@db/x');
    expect(problem).not.toContain('hunter2');
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y', DEMO_TEAM: 'z' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'LOG_LEVEL', 'DEMO_TEAM']);
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/^Invalid configuration:\n {2}- PORT must be/);
  });

  it.each(['true', '1', 'yes', 'TRUE'])('reads %s as true', (value) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(true);
  });
});
