import { MigrationInterface, QueryRunner } from 'typeorm';
import { lookupInserts } from '../data/1763700000000-lookups';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** Tenancy (teams, brands, API keys) and the lookup tables of the Betting Monitor API. */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['event_types', 'game_types', 'device_types']) {
      await q.query(
        `CREATE TABLE \`${table}\` (\`id\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, ` +
          `UNIQUE INDEX \`uq_${table}_code\` (\`code\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
      );
    }
    await q.query(
      `CREATE TABLE \`payment_operators\` (\`id\` int NOT NULL, \`code\` varchar(40) NOT NULL, \`name\` varchar(100) NOT NULL, ` +
        `\`country\` varchar(3) NULL DEFAULT NULL, UNIQUE INDEX \`uq_payment_operators_code\` (\`code\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE \`teams\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(200) NOT NULL, \`plan\` varchar(20) NOT NULL, ` +
        `\`created_at\` datetime(6) NOT NULL, UNIQUE INDEX \`uq_teams_name\` (\`name\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE \`brands\` (\`id\` int NOT NULL AUTO_INCREMENT, \`team_id\` int NOT NULL, \`name\` varchar(200) NOT NULL, ` +
        `\`created_at\` datetime(6) NOT NULL, UNIQUE INDEX \`uq_brands_team_name\` (\`team_id\`, \`name\`), PRIMARY KEY (\`id\`), ` +
        `CONSTRAINT \`fk_brands_team\` FOREIGN KEY (\`team_id\`) REFERENCES \`teams\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE \`api_keys\` (\`id\` int NOT NULL AUTO_INCREMENT, \`team_id\` int NOT NULL, \`brand_id\` int NULL DEFAULT NULL, ` +
        `\`prefix\` varchar(16) NOT NULL, \`key_hash\` varchar(64) NOT NULL, \`label\` varchar(100) NULL DEFAULT NULL, ` +
        `\`created_at\` datetime(6) NOT NULL, \`revoked_at\` datetime(6) NULL DEFAULT NULL, \`last_used_at\` datetime(6) NULL DEFAULT NULL, ` +
        `INDEX \`idx_api_keys_brand\` (\`brand_id\`), INDEX \`idx_api_keys_team\` (\`team_id\`), ` +
        `UNIQUE INDEX \`uq_api_keys_key_hash\` (\`key_hash\`), UNIQUE INDEX \`uq_api_keys_prefix\` (\`prefix\`), PRIMARY KEY (\`id\`), ` +
        `CONSTRAINT \`fk_api_keys_team\` FOREIGN KEY (\`team_id\`) REFERENCES \`teams\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT, ` +
        `CONSTRAINT \`fk_api_keys_brand\` FOREIGN KEY (\`brand_id\`) REFERENCES \`brands\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    for (const [sql, rows] of lookupInserts((name) => `\`${name}\``)) {
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
      await q.query(`DROP TABLE \`${table}\``);
    }
  }
}
