import 'reflect-metadata';
import { AppDataSource } from './src/database/app-data-source';
import { loadConfig, loadDotEnvFile } from './src/config/app-config';
import { buildDataSourceOptions } from './src/database/data-source-options';
import { ENTITIES } from './src/entities';

/**
 * The DataSource for the TypeORM CLI (`npm run typeorm -- <command>`), on the database that
 * DB_URL names (embedded SQLite when unset), with the migrations of that dialect.
 */
loadDotEnvFile();
export default new AppDataSource(
  buildDataSourceOptions(loadConfig(process.env).database, ENTITIES),
);
