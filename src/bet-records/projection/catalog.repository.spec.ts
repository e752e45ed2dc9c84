import type { SqlDatabase, SqlSession } from '../../database/sql-database';
import { SqlDialect } from '../../database/sql-dialect';
import { CatalogRepository } from './catalog.repository';

/** A transaction on a table of providers: its statements, and its commit or rollback. */
class FakeTransaction {
  readonly statements: string[] = [];
  private readonly callbacks: (() => void)[] = [];

  constructor(private readonly providers: Map<string, number>) {}

  readonly session = {
    dialect: SqlDialect.of('mariadb'),
    execute: (sql: string, params: unknown[]) => {
      this.statements.push(sql.split(' (')[0]);
      const code = params[0] as string;
      if (!this.providers.has(code)) this.providers.set(code, this.providers.size + 1);
      return Promise.resolve(1);
    },
    select: (sql: string, params: unknown[]) => {
      this.statements.push(sql);
      return Promise.resolve([{ id: this.providers.get(params[0] as string) }]);
    },
    afterCommit: (callback: () => void) => this.callbacks.push(callback),
  } as unknown as SqlSession;

  commit(): void {
    for (const callback of this.callbacks.splice(0)) callback();
  }
}

describe('CatalogRepository', () => {
  const table = new Map<string, number>();
  const catalog = new CatalogRepository({} as SqlDatabase);

  it('asks the database once per transaction, then not at all once a transaction committed the id', async () => {
    const first = new FakeTransaction(table);
    expect(await catalog.providerId(first.session, 'evolution')).toBe(1);
    expect(await catalog.providerId(first.session, 'evolution')).toBe(1);
    expect(first.statements).toEqual([
      'INSERT IGNORE INTO providers',
      'SELECT id FROM providers WHERE code = ?',
    ]);
    first.commit();

    const second = new FakeTransaction(table);
    expect(await catalog.providerId(second.session, 'evolution')).toBe(1);
    expect(second.statements).toEqual([]);
  });

  it('forgets an id found by a transaction that rolled back: the next one asks again', async () => {
    const rolledBack = new FakeTransaction(table);
    expect(await catalog.providerId(rolledBack.session, 'pragmatic')).toBe(2);
    table.delete('pragmatic'); // the insert is undone with its transaction

    const next = new FakeTransaction(table);
    expect(await catalog.providerId(next.session, 'pragmatic')).toBe(2);
    expect(next.statements).toEqual([
      'INSERT IGNORE INTO providers',
      'SELECT id FROM providers WHERE code = ?',
    ]);
  });
});
