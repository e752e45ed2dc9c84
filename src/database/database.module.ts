import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrations } from './run-migrations';

/** Facts about the database that the rest of the application may need at start. */
export class DatabaseState {
  constructor(
    readonly dialect: AppConfig['database']['dialect'],
    /** True when this start created the embedded SQLite file. */
    readonly createdNow: boolean,
  ) {}

  /** The migrations this start applied, in order. */
  migrationsApplied: string[] = [];
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { database } = config;
    const createdNow = database.dialect === 'sqlite' && !existsSync(database.path);
    const logger = new Logger('Database');
    const state = new DatabaseState(database.dialect, createdNow);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => buildDataSourceOptions(database),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            state.migrationsApplied = await runMigrations(dataSource);
            if (state.migrationsApplied.length > 0) {
              logger.log(`Applied migrations: ${state.migrationsApplied.join(', ')}`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DatabaseState, useValue: state }],
      exports: [DatabaseState],
    };
  }
}
