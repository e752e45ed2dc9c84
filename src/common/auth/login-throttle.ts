import { MicroTime } from '../time/micro-time';
import { isUniqueViolation } from '../../database/database-errors';
import type { SqlDatabase } from '../../database/sql-database';

/** Failures counted within this window; older ones are forgotten. */
const WINDOW_MS = 15 * 60_000;
/** From this many failures in the window, each wrong answer waits longer. */
const SLOW_AFTER = 3;
/**
 * An address counts this many times more failures than a username before it is slowed or
 * blocked: behind carrier-grade NAT (West African mobile data) one address is many honest
 * players, whom one guesser must not lock out.
 */
const ADDRESS_SHARE = 20;

/** A username's or an address's failures, for the throttle: `user:<name>` or `ip:<address>`. */
export const loginSubjects = (username: string, address: string) => ({
  user: `user:${username.toLowerCase()}`,
  address: `ip:${address}`,
});

interface FailureRow {
  subject: string;
  failures: number | string;
  window_start: string;
  blocked_until: string | null;
}

/** Where a throttle counts failures, and its limits. */
export interface LoginThrottleSettings {
  /** A table of (subject, failures, window_start, blocked_until), keyed by subject. */
  table: string;
  /** Failures of a username that block it (an address: ADDRESS_SHARE times more). */
  maxFailures: number;
  /** How long a block lasts, in ms. */
  blockMs: number;
  /** The longest delay of a wrong answer, in ms. */
  maxDelayMs: number;
}

/**
 * Guessing passwords made slow: failed logins are counted per username and per client address
 * (in the database, so every instance counts the same). Past SLOW_AFTER failures in a window,
 * each wrong answer is delayed, doubling up to `maxDelayMs`; at `maxFailures` a username is
 * refused for `blockMs` without its password even being checked, and an address at
 * ADDRESS_SHARE times that. A success clears the user's count. Each login (MaxBridge's core,
 * the dashboard) has its own, with its own table and settings.
 */
export class LoginThrottle {
  constructor(
    private readonly database: SqlDatabase,
    private readonly settings: LoginThrottleSettings,
  ) {}

  /** Whether any subject is blocked now. */
  async blocked(subjects: readonly string[]): Promise<boolean> {
    const now = MicroTime.now().toDatabaseText();
    const rows = await this.database.select<{ subject: string }>(
      `SELECT subject FROM ${this.settings.table} WHERE subject IN (${subjects.map(() => '?').join(', ')}) ` +
        'AND blocked_until > ?',
      [...subjects, now],
    );
    return rows.length > 0;
  }

  /** Counts a failure of the username and of the address; answers how long to wait before answering. */
  async fail(subjects: { user: string; address: string }): Promise<number> {
    const { maxFailures, maxDelayMs } = this.settings;
    const byUser = await this.failOne(subjects.user, maxFailures);
    const byAddress = await this.failOne(subjects.address, maxFailures * ADDRESS_SHARE);
    const worst = Math.max(byUser, Math.floor(byAddress / ADDRESS_SHARE));
    return worst <= SLOW_AFTER
      ? 0
      : Math.min(maxDelayMs, 250 * 2 ** Math.min(worst - SLOW_AFTER - 1, 10));
  }

  async clear(subject: string): Promise<void> {
    await this.database.transaction((session) =>
      session.execute(`DELETE FROM ${this.settings.table} WHERE subject = ?`, [subject]),
    );
  }

  private async failOne(subject: string, blockAt: number, retried = false): Promise<number> {
    const now = MicroTime.now();
    try {
      return await this.database.transaction(async (session) => {
        const [row] = await session.select<FailureRow>(
          `SELECT subject, failures, ${session.dialect.timestampText('window_start')} AS window_start, ` +
            `blocked_until FROM ${this.settings.table} WHERE subject = ? ${session.dialect.forUpdate}`,
          [subject],
        );
        const fresh =
          !row ||
          MicroTime.fromDatabaseText(row.window_start).micros < now.micros - WINDOW_MS * 1000;
        const failures = fresh ? 1 : Number(row.failures) + 1;
        const windowStart = fresh ? now.toDatabaseText() : row.window_start;
        const { blockMs } = this.settings;
        const blockedUntil =
          failures >= blockAt
            ? MicroTime.fromMicros(now.micros + blockMs * 1000).toDatabaseText()
            : null;
        if (row) {
          await session.execute(
            `UPDATE ${this.settings.table} SET failures = ?, window_start = ?, blocked_until = ? WHERE subject = ?`,
            [failures, windowStart, blockedUntil, subject],
          );
        } else {
          await session.execute(
            `INSERT INTO ${this.settings.table} (subject, failures, window_start, blocked_until) VALUES (?, ?, ?, ?)`,
            [subject, failures, windowStart, blockedUntil],
          );
        }
        return failures;
      });
    } catch (error) {
      // Two first failures at once: the other one made the row; count this one on it.
      if (!retried && isUniqueViolation(error)) return this.failOne(subject, blockAt, true);
      throw error;
    }
  }
}
