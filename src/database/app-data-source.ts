import { DataSource } from 'typeorm';

/**
 * The application's DataSource. On SQLite, a `bigint` auto-increment id becomes `integer`: SQLite
 * allows AUTOINCREMENT only on an INTEGER PRIMARY KEY, which holds 64 bits there anyway. Entities
 * keep one declaration (`bigint`, right for MySQL) and the drift check holds on both dialects.
 */
export class AppDataSource extends DataSource {
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
