import { DataSource } from 'typeorm';
import { SqliteTurns } from './sqlite-turns';

/**
 * The application's DataSource. On SQLite, statements take turns on the one connection (see
 * SqliteTurns), and a `bigint` auto-increment id becomes `integer`: SQLite
 * allows AUTOINCREMENT only on an INTEGER PRIMARY KEY, which holds 64 bits there anyway. Entities
 * keep one declaration (`bigint`, right for MySQL) and the drift check holds on both dialects.
 */
export class AppDataSource extends DataSource {
  /** On SQLite, how statements share its one connection (see SqliteTurns); null elsewhere. */
  readonly sqliteTurns = this.options.type === 'better-sqlite3' ? new SqliteTurns() : null;

  override async initialize(): Promise<this> {
    await super.initialize();
    if (this.sqliteTurns) {
      // Every statement, however issued (repositories, TypeORM's manager), waits for its turn.
      const turns = this.sqliteTurns;
      const runner = this.driver.createQueryRunner('master');
      const query = runner.query.bind(runner);
      runner.query = ((...args: Parameters<typeof query>) =>
        turns.exclusive(() => query(...args))) as typeof runner.query;
    }
    return this;
  }

  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    if (this.options.type !== 'better-sqlite3') return;
    for (const metadata of this.entityMetadatas) {
      for (const column of metadata.primaryColumns) {
        if (column.generationStrategy === 'increment' && column.type === 'bigint') {
          column.type = 'integer';
        }
      }
    }
  }
}
