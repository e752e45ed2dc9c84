import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bet record counts in a row per shard (the processing partition of one of the writing
 * transaction's players): concurrent writers no longer queue on one row per key. The rows there
 * are go to shard 0.
 */
export class BetRecordCountShards1765300000000 implements MigrationInterface {
  name = 'BetRecordCountShards1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE `bet_record_counts` ADD `shard` smallint NOT NULL DEFAULT 0, DROP PRIMARY KEY, ' +
        'ADD PRIMARY KEY (`team_id`, `kind`, `brand_id`, `provider_id`, `status`, `shard`)',
    );
    await q.query('ALTER TABLE `bet_record_counts` ALTER `shard` DROP DEFAULT');
  }

  public async down(q: QueryRunner): Promise<void> {
    // Each key's shards summed into shard 0, then the column goes.
    await q.query(
      'INSERT INTO `bet_record_counts` (`team_id`, `kind`, `brand_id`, `provider_id`, `status`, `shard`, `total`) ' +
        'SELECT `team_id`, `kind`, `brand_id`, `provider_id`, `status`, 0, SUM(`total`) FROM `bet_record_counts` ' +
        'WHERE `shard` <> 0 GROUP BY `team_id`, `kind`, `brand_id`, `provider_id`, `status` ' +
        'ON DUPLICATE KEY UPDATE `total` = `bet_record_counts`.`total` + VALUES(`total`)',
    );
    await q.query('DELETE FROM `bet_record_counts` WHERE `shard` <> 0');
    await q.query(
      'ALTER TABLE `bet_record_counts` DROP PRIMARY KEY, DROP COLUMN `shard`, ' +
        'ADD PRIMARY KEY (`team_id`, `kind`, `brand_id`, `provider_id`, `status`)',
    );
  }
}
