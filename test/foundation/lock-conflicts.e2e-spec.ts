import { SqlDatabase, type SqlSession } from '../../src/database/sql-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/**
 * Deadlocks and lock wait timeouts: a transaction that meets one runs again, and every one shows
 * in `/metrics` (and a transaction with no retry left, in the logs). MySQL/MariaDB only: SQLite
 * runs one transaction at a time.
 */
(dialectUnderTest() === 'mysql' ? describe : describe.skip)('lock conflicts', () => {
  let t: TestApp;
  let database: SqlDatabase;

  beforeAll(async () => {
    t = await startTestApp();
    database = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  const conflicts = async (outcome: string) => {
    const text = (await t.http.get('/metrics').expect(200)).text;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`db_transaction_conflicts_total{outcome="${outcome}"}`));
    return Number(line?.split(' ')[1]);
  };

  /** Two rows of a table no feature of this test touches. */
  async function twoRows(): Promise<[string, string]> {
    const id = `lock-${Date.now()}-${Math.random()}`;
    const rows: [string, string] = [`${id}-a`, `${id}-b`];
    for (const nonce of rows) {
      await database.autocommit((s) =>
        s.execute('INSERT INTO maxbridge_nonces (nonce, expires_at, claim) VALUES (?, ?, ?)', [
          nonce,
          '2099-01-01 00:00:00',
          'none',
        ]),
      );
    }
    return rows;
  }

  const claim = (s: SqlSession, nonce: string, by: string) =>
    s.execute('UPDATE maxbridge_nonces SET claim = ? WHERE nonce = ?', [by, nonce]);

  const claimOf = async (nonce: string) =>
    (
      await database.select<{ claim: string }>(
        'SELECT claim FROM maxbridge_nonces WHERE nonce = ?',
        [nonce],
      )
    )[0].claim;

  it('runs a deadlocked transaction again, and counts the conflict as retried', async () => {
    const [a, b] = await twoRows();
    const retriedBefore = await conflicts('retried');
    const gaveUpBefore = await conflicts('gave_up');
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

    // Both committed in the end, one after the other: each row has the claim of the later one.
    const claims = [await claimOf(a), await claimOf(b)];
    expect([
      ['first', 'first'],
      ['second', 'second'],
    ]).toContainEqual(claims);
    expect(await conflicts('retried')).toBe(retriedBefore + 1);
    expect(await conflicts('gave_up')).toBe(gaveUpBefore);
  });

  it('gives up with no retry left: the caller gets the error, and the conflict is counted', async () => {
    const [a] = await twoRows();
    const gaveUpBefore = await conflicts('gave_up');
    const retriedBefore = await conflicts('retried');
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
    expect(await conflicts('gave_up')).toBe(gaveUpBefore + 1);
    expect(await conflicts('retried')).toBe(retriedBefore);
  });
});
