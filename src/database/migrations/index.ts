import { Foundation1763700000000 as MysqlFoundation } from './mysql/1763700000000-Foundation';
import { Foundation1763700000000 as SqliteFoundation } from './sqlite/1763700000000-Foundation';

/** Migrations in order, one list per dialect. Add new ones at the end of both lists. */
export const MYSQL_MIGRATIONS = [MysqlFoundation];
export const SQLITE_MIGRATIONS = [SqliteFoundation];
