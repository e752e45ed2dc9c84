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
  failures: number | string;
  window_start: string;
  blocked_until: string | null;
  blocked: number | string;
}

/** What an attempt did to one subject's row: its count, and its block before and after. */
interface Counted {
  failures: number;
  blockedBefore: string | null;
  blockedAfter: string | null;
}

/** A login attempt, counted as a failure from the start (LoginThrottle.attempt). */
export interface LoginAttempt {
  /** A subject was blocked already: refuse the attempt without checking its password. */
  readonly blocked: boolean;
  /** The password was wrong: waits as long as the failures so far call for. */
  wrong(): Promise<void>;
  /** The password was right: the attempt no longer counts, and the user's failures are forgotten. */
  succeeded(): Promise<void>;
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
 *
 * An attempt counts as a failure before its password is checked, and is taken back when it was
 * right: a burst of guesses sent at once is counted one by one, and those past the limit are
 * refused, rather than every guess of the burst being checked before the first was counted.
 */
export class LoginThrottle {
  constructor(
    private readonly database: SqlDatabase,
    private readonly settings: LoginThrottleSettings,
  ) {}

  /** Counts an attempt of this username from this address, unless a subject is blocked. */
  async attempt(subjects: { user: string; address: string }): Promise<LoginAttempt> {
    const counted = await this.count(subjects);
    return {
      blocked: counted === null,
      wrong: async () => {
        if (counted === null) return;
        const wait = this.delayAfter({
          user: counted.user.failures,
          address: counted.address.failures,
        });
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      },
      succeeded: async () => {
        if (counted !== null) await this.takeBack(subjects, counted.address);
      },
    };
  }

  /** How long a wrong answer waits, after these failures of the username and the address. */
  private delayAfter(failures: { user: number; address: number }): number {
    const worst = Math.max(failures.user, Math.floor(failures.address / ADDRESS_SHARE));
    return worst <= SLOW_AFTER
      ? 0
      : Math.min(this.settings.maxDelayMs, 250 * 2 ** Math.min(worst - SLOW_AFTER - 1, 10));
  }

  /**
   * One more failure of each subject, in one transaction that locks both rows (the address's,
   * then the user's, as every attempt does); null, counting nothing, when either is blocked. Each
   * row is read and written by its subject, so that the database's collation (case, trailing
   * spaces) decides which row is whose, as for its unique key.
   */
  private async count(subjects: {
    user: string;
    address: string;
  }): Promise<{ user: Counted; address: Counted } | null> {
    const { table, maxFailures, blockMs } = this.settings;
    const counted = [
      { subject: subjects.address, blockAt: maxFailures * ADDRESS_SHARE },
      { subject: subjects.user, blockAt: maxFailures },
    ];
    for (let attempt = 1; ; attempt++) {
      const now = MicroTime.now();
      try {
        return await this.database.transaction(async (session) => {
          const rows: (FailureRow | undefined)[] = [];
          for (const { subject } of counted) {
            const [row] = await session.select<FailureRow>(
              `SELECT failures, ${session.dialect.timestampText('window_start')} AS window_start, ` +
                `${session.dialect.timestampText('blocked_until')} AS blocked_until, ` +
                `CASE WHEN blocked_until > ? THEN 1 ELSE 0 END AS blocked FROM ${table} ` +
                `WHERE subject = ? ${session.dialect.forUpdate}`,
              [now.toDatabaseText(), subject],
            );
            rows.push(row);
          }
          if (rows.some((row) => row !== undefined && Number(row.blocked) === 1)) return null;
          const failures: Counted[] = [];
          for (const [i, { subject, blockAt }] of counted.entries()) {
            const row = rows[i];
            const fresh =
              !row ||
              MicroTime.fromDatabaseText(row.window_start).micros < now.micros - WINDOW_MS * 1000;
            const count = fresh ? 1 : Number(row.failures) + 1;
            const blockedUntil =
              count >= blockAt
                ? MicroTime.fromMicros(now.micros + blockMs * 1000).toDatabaseText()
                : null;
            await session.execute(
              row
                ? `UPDATE ${table} SET failures = ?, window_start = ?, blocked_until = ? WHERE subject = ?`
                : `INSERT INTO ${table} (failures, window_start, blocked_until, subject) VALUES (?, ?, ?, ?)`,
              [count, fresh ? now.toDatabaseText() : row.window_start, blockedUntil, subject],
            );
            failures.push({
              failures: count,
              blockedBefore: row?.blocked_until ?? null,
              blockedAfter: blockedUntil,
            });
          }
          return { address: failures[0], user: failures[1] };
        });
      } catch (error) {
        // First attempts at once: another one made the row; count this one on it.
        if (attempt < 5 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /**
   * A right password: the address's attempt is taken back (with the block it set, if it set one:
   * an address whose block ran out is not blocked again by a right password), and the user's
   * failures are forgotten. In the order `count` locks the rows.
   */
  private async takeBack(
    subjects: { user: string; address: string },
    address: Counted,
  ): Promise<void> {
    const { table, maxFailures } = this.settings;
    await this.database.transaction(async (session) => {
      // blocked_until first: both dialects then read the count before it is lowered.
      await session.execute(
        `UPDATE ${table} SET blocked_until = CASE WHEN blocked_until = ? THEN ? ` +
          'WHEN failures - 1 < ? THEN NULL ELSE blocked_until END, failures = failures - 1 ' +
          'WHERE subject = ? AND failures > 0',
        [
          address.blockedAfter,
          address.blockedBefore,
          maxFailures * ADDRESS_SHARE,
          subjects.address,
        ],
      );
      await session.execute(`DELETE FROM ${table} WHERE subject = ?`, [subjects.user]);
    });
  }
}
