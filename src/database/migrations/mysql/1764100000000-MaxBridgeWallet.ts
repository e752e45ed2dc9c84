import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';
const references = (table: string) =>
  `REFERENCES \`${table}\` (\`id\`) ON DELETE RESTRICT ON UPDATE RESTRICT`;

/**
 * MaxBridge (seed 003), part 1: the wallet (users, their statuses, accounts per currency,
 * identity documents, the ledger) and the used nonces of signed requests. The balance check is
 * enforced by MySQL 8.0.16+ and MariaDB 10.2+ (TypeORM does not model it on MySQL).
 */
export class MaxBridgeWallet1764100000000 implements MigrationInterface {
  name = 'MaxBridgeWallet1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `wallet_user_statuses` (`id` int NOT NULL, `name` varchar(60) NOT NULL, `block_type` int NULL, ' +
        `PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'INSERT INTO `wallet_user_statuses` (`id`, `name`, `block_type`) VALUES ' +
        "(1, 'Registered', NULL), (2, 'Verified', NULL), (3, 'Full Block', 0), (4, 'Game Block', 1), " +
        "(5, 'Withdraw Blocked', 2), (6, 'VIP', NULL)",
    );
    await q.query(
      'CREATE TABLE `wallet_users` (`id` int NOT NULL AUTO_INCREMENT, `user_name` varchar(64) NOT NULL, ' +
        '`password_hash` varchar(200) NOT NULL, `full_name` varchar(200) NULL, `birth_date` varchar(10) NULL, ' +
        '`transaction_max_limit` bigint NOT NULL, `transaction_min_limit` bigint NOT NULL, `user_status_id` int NOT NULL, ' +
        '`preferred_currency_id` int NOT NULL, `registration_domain` varchar(255) NULL, `additional_data` text NULL, ' +
        '`created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, ' +
        'UNIQUE INDEX `uq_wallet_users_user_name` (`user_name`), PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_wallet_users_status\` FOREIGN KEY (\`user_status_id\`) ${references('wallet_user_statuses')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `wallet_accounts` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `currency` varchar(3) NOT NULL, ' +
        '`balance` bigint NOT NULL, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, ' +
        'UNIQUE INDEX `uq_wallet_accounts_user_currency` (`user_id`, `currency`), PRIMARY KEY (`id`), ' +
        'CONSTRAINT `chk_wallet_accounts_balance` CHECK (`balance` >= 0), ' +
        `CONSTRAINT \`fk_wallet_accounts_user\` FOREIGN KEY (\`user_id\`) ${references('wallet_users')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `wallet_documents` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `document_type_id` int NOT NULL, ' +
        '`document_number` varchar(64) NOT NULL, `personal_id` varchar(64) NULL, `country_id` int NULL, ' +
        '`issue_date` varchar(10) NULL, `expiration_date` varchar(10) NULL, `issuing_authority` varchar(200) NULL, ' +
        '`issuing_place` varchar(200) NULL, `additional_data` text NULL, `status` int NOT NULL, `status_note` varchar(500) NULL, ' +
        '`modified_at` datetime(6) NOT NULL, INDEX `idx_wallet_documents_user` (`user_id`, `id`), PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_wallet_documents_user\` FOREIGN KEY (\`user_id\`) ${references('wallet_users')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `wallet_ledger` (`id` bigint NOT NULL AUTO_INCREMENT, `account_id` int NOT NULL, `type` varchar(16) NOT NULL, ' +
        '`amount` bigint NOT NULL, `fee` bigint NULL, `currency` varchar(3) NOT NULL, `balance_after` bigint NOT NULL, ' +
        '`provider_transaction_id` varchar(64) NULL, `core_transaction_id` varchar(32) NOT NULL, `service_id` int NULL, ' +
        '`client_ip` varchar(45) NULL, `language` varchar(16) NULL, `note` varchar(200) NULL, `created_at` datetime(6) NOT NULL, ' +
        'UNIQUE INDEX `uq_wallet_ledger_core_tx` (`core_transaction_id`), ' +
        'UNIQUE INDEX `uq_wallet_ledger_provider_tx` (`provider_transaction_id`), ' +
        'INDEX `idx_wallet_ledger_account` (`account_id`, `id`), PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_wallet_ledger_account\` FOREIGN KEY (\`account_id\`) ${references('wallet_accounts')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `maxbridge_nonces` (`nonce` varchar(128) NOT NULL, `expires_at` datetime(6) NOT NULL, `claim` varchar(16) NOT NULL, ' +
        `INDEX \`idx_maxbridge_nonces_expires\` (\`expires_at\`), PRIMARY KEY (\`nonce\`)) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'maxbridge_nonces',
      'wallet_ledger',
      'wallet_documents',
      'wallet_accounts',
      'wallet_users',
      'wallet_user_statuses',
    ]) {
      await q.query(`DROP TABLE \`${table}\``);
    }
  }
}
