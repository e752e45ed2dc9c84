import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AppDataSource } from './app-data-source';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrations } from './run-migrations';
import { SqlDatabase } from './sql-database';

/** Facts about the database that the rest of the application may need at start. */
export class DatabaseState {
  constructor(readonly dialect: AppConfig['database']['dialect']) {}

  /** The migrations this start applied, in order. */
  migrationsApplied: string[] = [];
}

export interface DatabaseModuleOptions {
  /** Attempts to reach the database at start before giving up (2 s apart). */
  connectAttempts: number;
  /** Every entity (src/entities.ts): this module imports no feature. */
  entities: DataSourceOptions['entities'];
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(
    config: AppConfig,
    { connectAttempts, entities }: DatabaseModuleOptions,
  ): DynamicModule {
    const { database } = config;
    const logger = new Logger('Database');
    const state = new DatabaseState(database.dialect);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(database, entities),
            retryAttempts: connectAttempts - 1,
            retryDelay: 2000,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = new AppDataSource(options!);
            try {
              await dataSource.initialize();
              state.migrationsApplied = await runMigrations(dataSource);
            } catch (error) {
              // Each attempt leaves nothing open behind it (connection pools, file handles).
              if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
              throw error;
            }
            if (state.migrationsApplied.length > 0) {
              logger.log(`Applied migrations: ${state.migrationsApplied.join(', ')}`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DatabaseState, useValue: state }, SqlDatabase],
      exports: [DatabaseState, SqlDatabase],
    };
  }
}
