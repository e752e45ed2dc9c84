import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Plan } from './plan';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const HOUR_MS = 3_600_000;
/** A day, the default life of a withdraw reservation. */
const DAY_MS = 24 * HOUR_MS;

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | {
      dialect: 'mysql' | 'mariadb';
      url: string;
      poolSize: number;
      /**
       * A connection idle this long, inside a transaction or not, is closed by the server (its
       * `wait_timeout`): a stalled instance's transaction is rolled back and its locks released.
       */
      idleTimeoutSeconds: number;
    };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  redisKeyPrefix: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  rateLimitPerMinute: Record<Plan, number>;
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  demoTeamOnFirstStart: boolean;
  ingest: IngestConfig;
  worker: WorkerConfig;
  webhooks: WebhooksConfig;
  detection: DetectionConfig;
  maxbridge: MaxBridgeConfig;
  dashboard: DashboardConfig;
}

export interface LoginThrottleConfig {
  maxFailures: number;
  blockMs: number;
  maxDelayMs: number;
}

export interface DashboardConfig {
  /** Secrets that sign the session cookie (DASHBOARD_SESSION_SECRET: the first signs, all verify). */
  sessionSecrets: string[];
  /** How long a session lasts after its login, in ms. */
  sessionTtlMs: number;
  loginThrottle: LoginThrottleConfig;
}

export interface DetectionConfig {
  /**
   * Players whose decoded detection state this instance keeps between batches (the least recently
   * used are forgotten past it; 0: none, every batch reads and decodes its players' states).
   */
  stateCachePlayers: number;
}

export interface WebhooksConfig {
  /** Lets webhook URLs lead to private, loopback and link-local addresses (tests, own networks). */
  allowPrivateNetworks: boolean;
  /** This instance sends queued deliveries (any number of instances may). */
  dispatchEnabled: boolean;
  /** Deliveries in flight at once on this instance, and per endpoint. */
  concurrency: number;
  perEndpointConcurrency: number;
  /** How long an attempt may take before it counts as failed. */
  timeoutMs: number;
  /** Waits before each retry, in milliseconds (a delivery makes one attempt more than this holds). */
  retrySchedule: number[];
  /** An endpoint whose every attempt failed for this long is disabled. */
  disableAfterMs: number;
  /** Messages (and their attempts) are kept this many days, then purged. */
  retentionDays: number;
  pollMs: number;
}

export interface MaxBridgeConfig {
  /** Whether the MaxBridge routes are served. */
  enabled: boolean;
  /**
   * Shared secrets of the `Hash` header; a request signed with any of them is accepted, so that a
   * new secret can be rolled out before the old one is withdrawn.
   */
  hashSecrets: string[];
  /** How long a used `Nonce` is remembered, and refused when sent again, in seconds. */
  nonceTtlSeconds: number;
  /** How long a withdraw reservation stays open before it expires, in ms. */
  reservationTtlMs: number;
  /**
   * Secrets that sign the core session tokens (SESSION_SECRET: the first signs, all verify);
   * empty: players cannot log in, and the front end's routes refuse every request.
   */
  sessionSecrets: string[];
  /** How long a core session lasts after its login, in ms. */
  sessionTtlMs: number;
  /** Failed logins: how many block a username or address, for how long, and the longest delay. */
  loginThrottle: LoginThrottleConfig;
}

export interface IngestConfig {
  /** Most single events written by one group-commit statement. */
  groupCommitMaxEvents: number;
  /** Group commits in flight at once; arrivals meanwhile wait and form the next group. */
  groupCommitConcurrency: number;
  /**
   * Under load, how long a group waits for more events before it is written, in milliseconds;
   * -1 (unset): 2 on SQLite, whose writes never yield to the event loop (so nothing piles up
   * during one), 0 on MySQL/MariaDB, where groups form while the previous ones are in flight.
   */
  groupCommitLingerMs: number;
}

export interface WorkerConfig {
  /** Whether this instance processes received events (several instances may). */
  enabled: boolean;
  /** Events claimed and processed in one transaction. */
  batchSize: number;
  /** Idle wait between polls when no event is waiting, in milliseconds. */
  pollMs: number;
  /** After a small batch or a wake, how long a loop waits for more events to come (ms). */
  lingerMs: number;
  /** Worker loops of this instance; the 64 partitions are shared among every instance's loops. */
  loops: number;
  /** How long a loop holds its partitions without renewing (the takeover delay after a crash), ms. */
  leaseMs: number;
  /** Past this age of the oldest waiting event, `/health` answers `degraded`, in seconds. */
  lagDegradedSeconds: number;
}

export const DEFAULT_SQLITE_PATH = './data/app.sqlite';

/** Every problem found in the environment, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the configuration from environment variables. Collects every problem
 * before failing, so that one start shows them all.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const reader = new EnvReader(env);
  const config: AppConfig = {
    port: reader.integer('PORT', 3000, { min: 0, max: 65535 }),
    host: reader.string('HOST', '0.0.0.0'),
    database: reader.database('DB_URL', 'DB_POOL_SIZE', 'DB_IDLE_TIMEOUT_SECONDS'),
    redisUrl: reader.url('REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: reader.string('REDIS_KEY_PREFIX', 'bm:'),
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: reader.integer('BODY_LIMIT_BYTES', 5 * 1024 * 1024, {
      min: 1024,
      max: 100 * 1024 * 1024,
    }),
    rateLimitPerMinute: {
      free: reader.integer('RATE_LIMIT_FREE', 60, { min: 1 }),
      standard: reader.integer('RATE_LIMIT_STANDARD', 1000, { min: 1 }),
      enterprise: reader.integer('RATE_LIMIT_ENTERPRISE', 10000, { min: 1 }),
    },
    shutdownTimeoutMs: reader.integer('SHUTDOWN_TIMEOUT_MS', 10000, { min: 0 }),
    trustProxy: reader.boolean('TRUST_PROXY', false),
    demoTeamOnFirstStart: reader.boolean('DEMO_TEAM', true),
    ingest: {
      groupCommitMaxEvents: reader.integer('GROUP_COMMIT_MAX_EVENTS', 500, { min: 1, max: 1000 }),
      groupCommitConcurrency: reader.integer('GROUP_COMMIT_CONCURRENCY', 2, { min: 1, max: 64 }),
      groupCommitLingerMs: reader.integer('GROUP_COMMIT_LINGER_MS', -1, { min: 0, max: 50 }),
    },
    worker: {
      enabled: reader.boolean('WORKER_ENABLED', true),
      batchSize: reader.integer('WORKER_BATCH_SIZE', 500, { min: 1, max: 5000 }),
      pollMs: reader.integer('WORKER_POLL_MS', 500, { min: 10, max: 60000 }),
      lingerMs: reader.integer('WORKER_LINGER_MS', 25, { min: 0, max: 1000 }),
      loops: reader.integer('WORKER_LOOPS', 2, { min: 1, max: 64 }),
      leaseMs: reader.integer('WORKER_LEASE_MS', 15000, { min: 1000, max: 600000 }),
      lagDegradedSeconds: reader.integer('WORKER_LAG_DEGRADED_SECONDS', 60, { min: 1 }),
    },
    webhooks: {
      allowPrivateNetworks: reader.boolean('WEBHOOK_ALLOW_PRIVATE_NETWORKS', false),
      dispatchEnabled: reader.boolean('WEBHOOK_DISPATCH_ENABLED', true),
      concurrency: reader.integer('WEBHOOK_CONCURRENCY', 16, { min: 1, max: 256 }),
      perEndpointConcurrency: reader.integer('WEBHOOK_ENDPOINT_CONCURRENCY', 4, {
        min: 1,
        max: 64,
      }),
      timeoutMs: reader.integer('WEBHOOK_TIMEOUT_MS', 10000, { min: 100, max: 60000 }),
      retrySchedule: reader.durations('WEBHOOK_RETRY_SCHEDULE', '5s,5m,30m,2h,5h,10h,10h'),
      disableAfterMs: reader.durations('WEBHOOK_DISABLE_AFTER', '5d')[0] ?? 0,
      retentionDays: reader.integer('WEBHOOK_RETENTION_DAYS', 30, { min: 1, max: 3650 }),
      pollMs: reader.integer('WEBHOOK_POLL_MS', 200, { min: 10, max: 60000 }),
    },
    detection: {
      stateCachePlayers: reader.integer('DETECTION_STATE_CACHE_PLAYERS', 50000, {
        min: 0,
        max: 10_000_000,
      }),
    },
    maxbridge: reader.maxbridge(),
    dashboard: reader.dashboard(),
  };
  reader.assertValid();
  return config;
}

/** Loads `./.env` when present. Variables already set in the environment win. */
export function loadDotEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  assertValid(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  private fail<T>(name: string, expected: string, got: string, fallback: T): T {
    this.problems.push(`${name} must be ${expected} (got "${got}")`);
    return fallback;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
    const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      return this.fail(name, `an integer from ${min} to ${max}`, value, fallback);
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    return this.fail(name, 'true or false', value, fallback);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(name, `one of ${allowed.join(', ')}`, value, fallback);
  }

  /** Comma-separated durations with a unit: `500ms`, `5s`, `5m`, `2h`, `1d`; in milliseconds. */
  durations(name: string, fallback: string): number[] {
    const value = this.raw(name) ?? fallback;
    const units: Record<string, number> = {
      ms: 1,
      s: 1000,
      m: 60_000,
      h: 3_600_000,
      d: 86_400_000,
    };
    const parsed = value.split(',').map((part) => {
      const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(part.trim());
      return match ? Number(match[1]) * units[match[2]] : NaN;
    });
    if (parsed.length > 20 || parsed.some((ms) => Number.isNaN(ms))) {
      return this.fail(name, 'up to 20 durations such as 5s,5m,2h, comma-separated', value, []);
    }
    return parsed;
  }

  url(name: string, protocols: string[]): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    const parsed = URL.canParse(value) ? new URL(value) : null;
    if (!parsed || !protocols.includes(parsed.protocol)) {
      return this.fail(
        name,
        `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
        value,
        null,
      );
    }
    return value;
  }

  /**
   * MAXBRIDGE_HASH_SECRET holds one secret, or several separated by commas (rotation).
   * MAXBRIDGE_ENABLED defaults to whether a secret is set; true without a secret is an error.
   */
  maxbridge(): MaxBridgeConfig {
    const hashSecrets = (this.raw('MAXBRIDGE_HASH_SECRET') ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret !== '');
    const enabled = this.boolean('MAXBRIDGE_ENABLED', hashSecrets.length > 0);
    if (enabled && hashSecrets.length === 0) {
      this.problems.push(
        'MAXBRIDGE_HASH_SECRET must be set when MAXBRIDGE_ENABLED is true (one secret, or several separated by commas)',
      );
    }
    for (const secret of hashSecrets) {
      if (secret.length < 16) {
        this.problems.push(
          `MAXBRIDGE_HASH_SECRET: each secret must have at least 16 characters (one has ${secret.length})`,
        );
      }
    }
    const nonceTtlSeconds = this.integer('MAXBRIDGE_NONCE_TTL_SECONDS', 900, {
      min: 10,
      max: 7 * 24 * 3600,
    });
    const [reservationTtlMs = DAY_MS] = this.durations('MAXBRIDGE_RESERVATION_TTL', '24h');
    if (reservationTtlMs < 1000) {
      this.problems.push('MAXBRIDGE_RESERVATION_TTL must be one duration of at least 1s');
    }
    return {
      enabled,
      hashSecrets,
      nonceTtlSeconds,
      reservationTtlMs,
      sessionSecrets: this.sessionSecrets('SESSION_SECRET'),
      sessionTtlMs: this.sessionTtl('MAXBRIDGE_SESSION_TTL', '8h'),
      loginThrottle: this.loginThrottle('MAXBRIDGE_LOGIN'),
    };
  }

  /** The dashboard's sessions and logins (CONTRACTS section 5). */
  dashboard(): DashboardConfig {
    return {
      sessionSecrets: this.sessionSecrets('DASHBOARD_SESSION_SECRET'),
      sessionTtlMs: this.sessionTtl('DASHBOARD_SESSION_TTL', '12h'),
      loginThrottle: this.loginThrottle('DASHBOARD_LOGIN'),
    };
  }

  /** Secrets that sign sessions: one, or several separated by commas (the first signs). */
  private sessionSecrets(name: string): string[] {
    const secrets = (this.raw(name) ?? '')
      .split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret !== '');
    if (secrets.some((secret) => secret.length < 32)) {
      this.problems.push(`${name}: each secret must have at least 32 characters`);
    }
    return secrets;
  }

  private sessionTtl(name: string, fallback: string): number {
    const [ttlMs = 8 * HOUR_MS] = this.durations(name, fallback);
    if (ttlMs < 60_000) this.problems.push(`${name} must be one duration of at least 1m`);
    return ttlMs;
  }

  /** `<prefix>_MAX_FAILURES`, `<prefix>_BLOCK` and `<prefix>_MAX_DELAY`. */
  private loginThrottle(prefix: string): LoginThrottleConfig {
    return {
      maxFailures: this.integer(`${prefix}_MAX_FAILURES`, 10, { min: 1, max: 1_000_000 }),
      blockMs: this.durations(`${prefix}_BLOCK`, '15m')[0] ?? 15 * 60_000,
      maxDelayMs: this.durations(`${prefix}_MAX_DELAY`, '4s')[0] ?? 4000,
    };
  }

  database(urlName: string, poolName: string, idleName: string): DatabaseConfig {
    const poolSize = this.integer(poolName, 10, { min: 1, max: 500 });
    const idleTimeoutSeconds = this.integer(idleName, 60, { min: 2, max: 28_800 });
    const value = this.raw(urlName);
    if (value === undefined) return { dialect: 'sqlite', path: resolve(DEFAULT_SQLITE_PATH) };
    if (value.startsWith('sqlite:')) {
      const path = value.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
      if (path === '')
        return this.fail(urlName, 'sqlite:<file path>', value, { dialect: 'sqlite', path: '' });
      return { dialect: 'sqlite', path: isAbsolute(path) ? path : resolve(path) };
    }
    const parsed = URL.canParse(value) ? new URL(value) : null;
    const dialect =
      parsed?.protocol === 'mysql:' ? 'mysql' : parsed?.protocol === 'mariadb:' ? 'mariadb' : null;
    if (!parsed || !dialect || parsed.pathname.length <= 1) {
      return this.fail(
        urlName,
        'mysql://user:pass@host:port/database, mariadb://user:pass@host:port/database or sqlite:<file path>',
        redactPassword(value),
        { dialect: 'sqlite', path: '' },
      );
    }
    return { dialect, url: value, poolSize, idleTimeoutSeconds };
  }
}

function redactPassword(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
