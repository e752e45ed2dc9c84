import { DataSource } from 'typeorm';
import { createTeam } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

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
