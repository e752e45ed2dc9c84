import { MigrationInterface, QueryRunner } from 'typeorm';
import { lookupInserts } from '../data/1763700000000-lookups';

/** Tenancy (teams, brands, API keys) and the lookup tables of the Betting Monitor API. */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['event_types', 'game_types', 'device_types']) {
      await q.query(
        `CREATE TABLE "${table}" ("id" integer PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, ` +
          `CONSTRAINT "uq_${table}_code" UNIQUE ("code"))`,
      );
    }
    await q.query(
      `CREATE TABLE "payment_operators" ("id" integer PRIMARY KEY NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(100) NOT NULL, ` +
        `"country" varchar(3), CONSTRAINT "uq_payment_operators_code" UNIQUE ("code"))`,
    );
    await q.query(
      `CREATE TABLE "teams" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(200) NOT NULL, "plan" varchar(20) NOT NULL, ` +
        `"created_at" datetime(6) NOT NULL, CONSTRAINT "uq_teams_name" UNIQUE ("name"))`,
    );
    await q.query(
      `CREATE TABLE "brands" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "name" varchar(200) NOT NULL, ` +
        `"created_at" datetime(6) NOT NULL, CONSTRAINT "uq_brands_team_name" UNIQUE ("team_id", "name"), ` +
        `CONSTRAINT "fk_brands_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)`,
    );
    await q.query(
      `CREATE TABLE "api_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "brand_id" integer, ` +
        `"prefix" varchar(16) NOT NULL, "key_hash" varchar(64) NOT NULL, "label" varchar(100), "created_at" datetime(6) NOT NULL, ` +
        `"revoked_at" datetime(6), "last_used_at" datetime(6), ` +
        `CONSTRAINT "uq_api_keys_key_hash" UNIQUE ("key_hash"), CONSTRAINT "uq_api_keys_prefix" UNIQUE ("prefix"), ` +
        `CONSTRAINT "fk_api_keys_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, ` +
        `CONSTRAINT "fk_api_keys_brand" FOREIGN KEY ("brand_id") REFERENCES "brands" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)`,
    );
    await q.query(`CREATE INDEX "idx_api_keys_brand" ON "api_keys" ("brand_id")`);
    await q.query(`CREATE INDEX "idx_api_keys_team" ON "api_keys" ("team_id")`);
    for (const [sql, rows] of lookupInserts((name) => `"${name}"`)) {
      for (const row of rows) await q.query(sql, [...row]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'api_keys',
      'brands',
      'teams',
      'payment_operators',
      'device_types',
      'game_types',
      'event_types',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
