import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';
const references = (table: string) =>
  `REFERENCES \`${table}\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`;

/**
 * MaxBridge (seed 003), part 2: retail cash desks, users' default desks, withdraw reservations
 * (one open per user: the unique `open_user_id`), the retail system's keys and SSBT deposits.
 */
export class MaxBridgeCashDesk1764600000000 implements MigrationInterface {
  name = 'MaxBridgeCashDesk1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `maxbridge_locations` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `description` varchar(500) NULL, ' +
        '`lat` double NOT NULL, `longitude` double NOT NULL, `open_hours` text NOT NULL, `city_id` int NULL, `district_id` int NULL, ' +
        '`created_at` datetime(6) NOT NULL, INDEX `idx_maxbridge_locations_city` (`city_id`, `district_id`), PRIMARY KEY (`id`)) ' +
        TABLE_OPTIONS,
    );
    await q.query(
      'CREATE TABLE `maxbridge_default_locations` (`user_id` int NOT NULL, `location_id` varchar(36) NOT NULL, ' +
        '`set_by` varchar(16) NOT NULL, `set_at` datetime(6) NOT NULL, PRIMARY KEY (`user_id`), ' +
        `CONSTRAINT \`fk_maxbridge_default_locations_user\` FOREIGN KEY (\`user_id\`) ${references('wallet_users')}, ` +
        `CONSTRAINT \`fk_maxbridge_default_locations_location\` FOREIGN KEY (\`location_id\`) ${references('maxbridge_locations')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `maxbridge_reservations` (`id` varchar(36) NOT NULL, `code` varchar(12) NOT NULL, `confirmation_pin` varchar(8) NOT NULL, ' +
        '`user_id` int NOT NULL, `open_user_id` int NULL, `amount` bigint NOT NULL, `fee` bigint NOT NULL, `currency` varchar(3) NOT NULL, ' +
        '`location_id` varchar(36) NOT NULL, `status` varchar(16) NOT NULL, `description` varchar(200) NULL, `declared_balance` bigint NULL, ' +
        '`created_via` varchar(16) NOT NULL, `ledger_entry_id` bigint NULL, `created_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, ' +
        '`closed_at` datetime(6) NULL, INDEX `idx_maxbridge_reservations_user` (`user_id`, `created_at`), ' +
        'UNIQUE INDEX `uq_maxbridge_reservations_open_user` (`open_user_id`), UNIQUE INDEX `uq_maxbridge_reservations_code` (`code`), ' +
        'PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_maxbridge_reservations_user\` FOREIGN KEY (\`user_id\`) ${references('wallet_users')}, ` +
        `CONSTRAINT \`fk_maxbridge_reservations_location\` FOREIGN KEY (\`location_id\`) ${references('maxbridge_locations')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `maxbridge_retail_keys` (`id` int NOT NULL AUTO_INCREMENT, `key_hash` varchar(64) NOT NULL, `prefix` varchar(12) NOT NULL, ' +
        '`label` varchar(100) NULL, `created_at` datetime(6) NOT NULL, `revoked_at` datetime(6) NULL, ' +
        `UNIQUE INDEX \`uq_maxbridge_retail_keys_hash\` (\`key_hash\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `maxbridge_ssbt_deposits` (`id` varchar(36) NOT NULL, `user_id` int NOT NULL, `amount` bigint NOT NULL, ' +
        '`currency` varchar(3) NOT NULL, `device_id` int NOT NULL, `reference` varchar(64) NOT NULL, `status` varchar(16) NOT NULL, ' +
        '`ledger_entry_id` bigint NULL, `credited_via` varchar(16) NULL, `created_at` datetime(6) NOT NULL, `settled_at` datetime(6) NULL, ' +
        'INDEX `idx_maxbridge_ssbt_deposits_user` (`user_id`, `created_at`), ' +
        'UNIQUE INDEX `uq_maxbridge_ssbt_deposits_reference` (`reference`), PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_maxbridge_ssbt_deposits_user\` FOREIGN KEY (\`user_id\`) ${references('wallet_users')}) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'maxbridge_ssbt_deposits',
      'maxbridge_retail_keys',
      'maxbridge_reservations',
      'maxbridge_default_locations',
      'maxbridge_locations',
    ]) {
      await q.query(`DROP TABLE \`${table}\``);
    }
  }
}
