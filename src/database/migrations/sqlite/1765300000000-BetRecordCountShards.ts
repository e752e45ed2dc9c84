import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bet record counts in a row per shard (the processing partition of one of the writing
 * transaction's players): concurrent writers no longer queue on one row per key. The rows there
 * are go to shard 0. SQLite cannot change a primary key: the table is made again.
 */
export class BetRecordCountShards1765300000000 implements MigrationInterface {
  name = 'BetRecordCountShards1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "bet_record_counts_sharded" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "brand_id" integer NOT NULL, ` +
        `"provider_id" integer NOT NULL, "status" integer NOT NULL, "shard" smallint NOT NULL, "total" bigint NOT NULL, ` +
        `PRIMARY KEY ("team_id", "kind", "brand_id", "provider_id", "status", "shard"))`,
    );
    await q.query(
      'INSERT INTO "bet_record_counts_sharded" ("team_id", "kind", "brand_id", "provider_id", "status", "shard", "total") ' +
        'SELECT "team_id", "kind", "brand_id", "provider_id", "status", 0, "total" FROM "bet_record_counts"',
    );
    await q.query('DROP TABLE "bet_record_counts"');
    await q.query('ALTER TABLE "bet_record_counts_sharded" RENAME TO "bet_record_counts"');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "bet_record_counts_merged" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "brand_id" integer NOT NULL, ` +
        `"provider_id" integer NOT NULL, "status" integer NOT NULL, "total" bigint NOT NULL, ` +
        `PRIMARY KEY ("team_id", "kind", "brand_id", "provider_id", "status"))`,
    );
    await q.query(
      'INSERT INTO "bet_record_counts_merged" ("team_id", "kind", "brand_id", "provider_id", "status", "total") ' +
        'SELECT "team_id", "kind", "brand_id", "provider_id", "status", SUM("total") FROM "bet_record_counts" ' +
        'GROUP BY "team_id", "kind", "brand_id", "provider_id", "status"',
    );
    await q.query('DROP TABLE "bet_record_counts"');
    await q.query('ALTER TABLE "bet_record_counts_merged" RENAME TO "bet_record_counts"');
  }
}
