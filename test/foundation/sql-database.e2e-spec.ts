import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from '../../src/database/database-errors';
import { SqlDatabase, type SqlSession } from '../../src/database/sql-database';
import { UsedNonceEntity } from '../../src/maxbridge/signing/used-nonce.entity';
import { startTestApp, TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/**
 * SqlDatabase's transactions on this dialect: on MySQL/MariaDB they reach the pooled mysql2
 * connection directly (MysqlSession), with TypeORM's manager borrowed on the same connection.
 */
describe('SQL transactions', () => {
  let t: TestApp;
  let database: SqlDatabase;

  beforeAll(async () => {
    t = await startTestApp();
    database = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  const insertNonce = 'INSERT INTO maxbridge_nonces (nonce, expires_at, claim) VALUES (?, ?, ?)';
  const later = '2099-01-01 00:00:00.000000';
  const nonceRows = async (...nonces: string[]) =>
    (
      await database.select<{ nonce: string }>(
        `SELECT nonce FROM maxbridge_nonces WHERE nonce IN (${nonces.map(() => '?').join(', ')}) ORDER BY nonce`,
        nonces,
      )
    ).map((r) => r.nonce);

  it('commits every write of the work together', async () => {
    const [a, b] = [`tx-a-${randomUUID()}`, `tx-b-${randomUUID()}`];
    const result = await database.transaction(async (s) => {
      await s.execute(insertNonce, [a, later, 't']);
      expect(await s.execute(insertNonce, [b, later, 't'])).toBe(1);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await nonceRows(a, b)).toEqual([a, b].sort());
  });

  it("throws a failed statement as TypeORM's QueryFailedError and rolls back what came before it", async () => {
    const nonce = `tx-dup-${randomUUID()}`;
    const first = `tx-first-${randomUUID()}`;
    await database.autocommit((s) => s.execute(insertNonce, [nonce, later, 't']));
    const failure = await database
      .transaction(async (s) => {
        await s.execute(insertNonce, [first, later, 't']);
        await s.execute(insertNonce, [nonce, later, 't']);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(failure)).toBe(true);
    expect((failure as QueryFailedError).query).toBe(insertNonce);
    expect(await nonceRows(first, nonce)).toEqual([nonce]);
  });

  it("lets TypeORM's manager write inside the same transaction, undone with it", async () => {
    const raw = `tx-raw-${randomUUID()}`;
    const viaManager = `tx-orm-${randomUUID()}`;
    const seenInside = await database
      .transaction(async (s) => {
        await s.execute(insertNonce, [raw, later, 't']);
        // save() starts a transaction of its own when it finds none: here it must find ours.
        await s.manager.save(UsedNonceEntity, {
          nonce: viaManager,
          expiresAt: new Date('2099-01-01T00:00:00Z'),
          claim: 'orm',
        });
        const inside = await s.select<{ nonce: string }>(
          'SELECT nonce FROM maxbridge_nonces WHERE nonce IN (?, ?) ORDER BY nonce',
          [raw, viaManager],
        );
        throw Object.assign(new Error('roll back'), { inside: inside.map((r) => r.nonce) });
      })
      .catch((error: { inside?: string[] }) => error.inside);
    expect(seenInside).toEqual([raw, viaManager].sort());
    expect(await nonceRows(raw, viaManager)).toEqual([]);

    await database.transaction((s) =>
      s.manager.save(UsedNonceEntity, {
        nonce: viaManager,
        expiresAt: new Date('2099-01-01T00:00:00Z'),
        claim: 'orm',
      }),
    );
    expect(await nonceRows(viaManager)).toEqual([viaManager]);
  });

  it('gives every connection back to the pool, after failures too', async () => {
    // Three times the test app's pool (DB_POOL_SIZE 10), one after the other: a connection kept
    // by a failed transaction would leave the last ones waiting for ever.
    const nonce = `tx-pool-${randomUUID()}`;
    await database.autocommit((s) => s.execute(insertNonce, [nonce, later, 't']));
    for (let i = 0; i < 30; i++) {
      const work =
        i % 3 === 0
          ? database.transaction((s) => s.execute(insertNonce, [nonce, later, 't']))
          : i % 3 === 1
            ? database.autocommit((s) => s.select('SELECT no_such_column FROM maxbridge_nonces'))
            : database.transaction(async () => {
                throw new Error('work failed');
              });
      await expect(work).rejects.toThrow();
    }
    expect(await nonceRows(nonce)).toEqual([nonce]);
  }, 20_000);

  (dialectUnderTest() === 'mysql' ? it : it.skip)(
    'logs a statement slower than a second, with its SQL',
    async () => {
      await database.select('SELECT SLEEP(1.1) AS slept');
      const [line] = t.logs.find('Slow query');
      expect(line).toMatchObject({ context: 'TypeORM', query: 'SELECT SLEEP(1.1) AS slept' });
      expect(line.durationMs).toBeGreaterThan(1000);
    },
  );

  /**
   * Deadlocks and lock wait timeouts: a transaction that meets one runs again, and each one shows
   * in `/metrics`. MySQL/MariaDB only: SQLite runs one transaction at a time.
   */
  (dialectUnderTest() === 'mysql' ? describe : describe.skip)('conflicts', () => {
    const conflicts = async (outcome: string) => {
      const text = (await t.http.get('/metrics').expect(200)).text;
      const prefix = `db_transaction_conflicts_total{outcome="${outcome}"} `;
      const line = text.split('\n').find((l) => l.startsWith(prefix));
      return Number(line?.slice(prefix.length));
    };
    const claim = (s: SqlSession, nonce: string, by: string) =>
      s.execute('UPDATE maxbridge_nonces SET claim = ? WHERE nonce = ?', [by, nonce]);
    const claimOf = async (nonce: string) =>
      (
        await database.select<{ claim: string }>(
          'SELECT claim FROM maxbridge_nonces WHERE nonce = ?',
          [nonce],
        )
      )[0].claim;
    async function twoNonces(): Promise<[string, string]> {
      const nonces: [string, string] = [`tx-lock-a-${randomUUID()}`, `tx-lock-b-${randomUUID()}`];
      for (const nonce of nonces) {
        await database.autocommit((s) => s.execute(insertNonce, [nonce, later, 'none']));
      }
      return nonces;
    }

    it('runs a deadlocked transaction again, and counts the conflict as retried', async () => {
      const [a, b] = await twoNonces();
      const [retried, gaveUp] = [await conflicts('retried'), await conflicts('gave_up')];
      let firstHoldsA!: () => void;
      const aHeld = new Promise<void>((resolve) => (firstHoldsA = resolve));
      let secondHoldsB!: () => void;
      const bHeld = new Promise<void>((resolve) => (secondHoldsB = resolve));

      // The first locks a then b, the second b then a: one of them is chosen as the victim.
      const first = database.transaction(async (s) => {
        await claim(s, a, 'first');
        firstHoldsA();
        await bHeld;
        await claim(s, b, 'first');
      });
      const second = database.transaction(async (s) => {
        await claim(s, b, 'second');
        secondHoldsB();
        await aHeld;
        await claim(s, a, 'second');
      });
      await Promise.all([first, second]);

      // Both committed in the end, one after the other: both rows bear the later one's claim.
      expect([
        ['first', 'first'],
        ['second', 'second'],
      ]).toContainEqual([await claimOf(a), await claimOf(b)]);
      expect(await conflicts('retried')).toBe(retried + 1);
      expect(await conflicts('gave_up')).toBe(gaveUp);
    });

    it('gives up with no retry left: the caller gets the error, counted and logged', async () => {
      const [a] = await twoNonces();
      const [retried, gaveUp] = [await conflicts('retried'), await conflicts('gave_up')];
      await database.transaction(async (holder) => {
        await claim(holder, a, 'holder');
        const waiter = database.transaction(
          async (s) => {
            await s.execute('SET SESSION innodb_lock_wait_timeout = 1');
            try {
              await claim(s, a, 'waiter');
            } finally {
              await s.execute('SET SESSION innodb_lock_wait_timeout = DEFAULT');
            }
          },
          { retries: 0 },
        );
        await expect(waiter).rejects.toThrow(/Lock wait timeout/);
      });
      expect(await claimOf(a)).toBe('holder');
      expect(await conflicts('gave_up')).toBe(gaveUp + 1);
      expect(await conflicts('retried')).toBe(retried);
      const [line] = t.logs.find('Transaction given up after a conflict');
      expect(line).toMatchObject({ context: 'SqlDatabase', level: 40 });
    });
  });
});
