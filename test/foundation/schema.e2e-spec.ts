import { DataSource } from 'typeorm';
import { SqlDatabase } from '../../src/database/sql-database';
import { createTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/** The migrations and the entities describe the same schema, on this dialect. */
describe('database schema', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no drift: generating a migration from the entities would produce nothing', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has applied every migration and has none pending', async () => {
    const dataSource = t.app.get(DataSource);
    expect(await dataSource.showMigrations()).toBe(false);
    const applied = (await dataSource.query('SELECT name FROM schema_migrations ORDER BY id')) as {
      name: string;
    }[];
    expect(applied.map((m) => m.name)).toEqual(dataSource.migrations.map((m) => m.name));
  });

  (dialectUnderTest() === 'mysql' ? it : it.skip)(
    'runs transactions at the isolation they ask for (READ COMMITTED by default, set once per connection)',
    async () => {
      const database = t.app.get(SqlDatabase);
      // More transactions than the pool has connections, at once: each session is READ COMMITTED.
      const levels = await Promise.all(
        Array.from({ length: 25 }, () =>
          database.transaction(
            async (s) =>
              (await s.select<{ level: string }>('SELECT @@SESSION.tx_isolation AS level'))[0]
                .level,
          ),
        ),
      );
      expect(new Set(levels)).toEqual(new Set(['READ-COMMITTED']));

      // What each level means: does a transaction see a change committed by another one meanwhile?
      const nonce = `isolation-${Date.now()}-${Math.random()}`;
      const set = (expires: string) =>
        database.autocommit((s) =>
          s.execute(
            'INSERT INTO maxbridge_nonces (nonce, expires_at, claim) VALUES (?, ?, ?) ' +
              'ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at)',
            [nonce, expires, 't'],
          ),
        );
      const read = (s: { select: SqlDatabase['select'] }) =>
        s
          .select<{ e: string }>(
            "SELECT DATE_FORMAT(expires_at, '%Y') AS e FROM maxbridge_nonces WHERE nonce = ?",
            [nonce],
          )
          .then((rows) => rows[0].e);
      const seesChange = (isolation: 'READ COMMITTED' | 'REPEATABLE READ') =>
        database.transaction(
          async (s) => {
            await set('2001-01-01 00:00:00');
            const before = await read(s);
            await set('2002-01-01 00:00:00');
            return [before, await read(s)];
          },
          { isolation },
        );
      expect(await seesChange('READ COMMITTED')).toEqual(['2001', '2002']);
      expect(await seesChange('REPEATABLE READ')).toEqual(['2001', '2001']);
      // A REPEATABLE READ transaction leaves its connection's session at READ COMMITTED.
      expect(await seesChange('READ COMMITTED')).toEqual(['2001', '2002']);
    },
  );

  it('starts and serves with a pool of a single connection (the migration lock shares it)', async () => {
    const small = await startTestApp({ env: { DB_POOL_SIZE: '1' } });
    try {
      const { apiKey } = await createTeam(small);
      await small.http.get('/api/v1/lookups').set('X-API-Key', apiKey).expect(200);
    } finally {
      await small.close();
    }
  }, 20_000);
});
