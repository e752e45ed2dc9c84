import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { GroupCommit } from '../../common/concurrency/group-commit';
import { randomHex } from '../../common/random/random-pool';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase } from '../../database/sql-database';
import { placeholders } from '../../database/sql-dialect';

const PRUNE_EVERY_MS = 60_000;

interface Claim {
  nonce: string;
  expiresAt: string;
}

/**
 * Used nonces, remembered for a while, in the database (`maxbridge_nonces`) and nowhere else (the
 * seed's signature carries no time, so these claims are all that refuses a replay; Redis claims
 * measured no faster), shared by every instance: the primary key makes a nonce
 * claimed once; an expired one may be claimed again, and expired rows are pruned every minute.
 * Claims arriving together are written together (group commit): one INSERT, one commit, for all
 * of them; each row carries the group's token, which tells the group's own rows from older ones.
 */
@Injectable()
export class NonceStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NonceStore');
  private readonly claims = new GroupCommit<Claim, boolean>((group) => this.claimAll(group), {
    maxItems: 500,
    concurrency: 2,
  });
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly database: SqlDatabase) {}

  /** True the first time `nonce` is offered within `ttlSeconds`; false for a replay. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    const expiresAt = MicroTime.fromMicros(MicroTime.now().micros + ttlSeconds * 1_000_000);
    return this.claims.submit({ nonce, expiresAt: expiresAt.toDatabaseText() });
  }

  /** One outcome per claim, in order: true for the first claim of a nonce not in use. */
  private claimAll(group: Claim[]): Promise<boolean[]> {
    const firstClaim = new Map<string, number>();
    group.forEach(({ nonce }, index) => {
      if (!firstClaim.has(nonce)) firstClaim.set(nonce, index);
    });
    const nonces = [...firstClaim.keys()];
    const token = randomHex(8);
    return this.database.autocommit(async (session) => {
      const { sql, params } = session.dialect.bulkInsertSkippingDuplicates(
        'maxbridge_nonces',
        ['nonce', 'expires_at', 'claim'],
        nonces.map((nonce) => [nonce, group[firstClaim.get(nonce)!].expiresAt, token]),
        ['nonce'],
      );
      const won = new Set<string>();
      if ((await session.execute(sql, params)) === nonces.length) {
        nonces.forEach((nonce) => won.add(nonce));
      } else {
        const ours = await session.select<{ nonce: string }>(
          `SELECT nonce FROM maxbridge_nonces WHERE claim = ? AND nonce IN (${placeholders(nonces.length)})`,
          [token, ...nonces],
        );
        ours.forEach(({ nonce }) => won.add(nonce));
        const now = MicroTime.now().toDatabaseText();
        for (const nonce of nonces.filter((n) => !won.has(n))) {
          // Used before: free again only once its time is over (and not yet pruned).
          const renewed = await session.execute(
            'UPDATE maxbridge_nonces SET expires_at = ?, claim = ? WHERE nonce = ? AND expires_at <= ?',
            [group[firstClaim.get(nonce)!].expiresAt, token, nonce, now],
          );
          if (renewed === 1) won.add(nonce);
        }
      }
      return group.map(({ nonce }, index) => won.has(nonce) && firstClaim.get(nonce) === index);
    });
  }

  /** Deletes the nonces whose time is over; returns how many. */
  prune(): Promise<number> {
    return this.database.autocommit((session) =>
      session.execute('DELETE FROM maxbridge_nonces WHERE expires_at <= ?', [
        MicroTime.now().toDatabaseText(),
      ]),
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.prune().catch((error: unknown) =>
        this.logger.warn(`Pruning used nonces failed (retried in a minute): ${String(error)}`),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
