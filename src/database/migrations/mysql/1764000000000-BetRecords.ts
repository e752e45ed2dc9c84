import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/**
 * Bet records (seed 002): Live/Slots bets and sports bets with their lines, projected from monitor
 * events and AML slips; providers and games; the counts behind list totals. Projections carry no
 * foreign keys to what they are derived from: they are written only by the projections.
 */
export class BetRecords1764000000000 implements MigrationInterface {
  name = 'BetRecords1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `events` ADD `brand_id` int NULL');
    await q.query(
      'CREATE TABLE `providers` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(100) NOT NULL, `created_at` datetime(6) NOT NULL, ' +
        `UNIQUE INDEX \`uq_providers_code\` (\`code\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `games` (`id` int NOT NULL AUTO_INCREMENT, `provider_id` int NOT NULL, `code` varchar(100) NOT NULL, ' +
        '`name` varchar(200) NULL, `created_at` datetime(6) NOT NULL, UNIQUE INDEX `uq_games_provider_code` (`provider_id`, `code`), ' +
        'PRIMARY KEY (`id`), CONSTRAINT `fk_games_provider` FOREIGN KEY (`provider_id`) REFERENCES `providers` (`id`) ' +
        `ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `bets` (`id` bigint NOT NULL AUTO_INCREMENT, `team_id` int NOT NULL, `brand_id` int NULL, `player_id` int NOT NULL, ' +
        '`provider_id` int NULL, `provider_code` varchar(100) NULL, `game_id` int NULL, `game_code` varchar(100) NULL, ' +
        '`transaction_id` varchar(100) NOT NULL, `round_id` varchar(100) NOT NULL, `bet_amount` bigint NOT NULL, ' +
        '`payout_amount` bigint NOT NULL, `status` int NOT NULL, `result_type` int NULL, `balance_before` bigint NULL, ' +
        '`balance_after` bigint NULL, `settled_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL, ' +
        'INDEX `idx_bets_team_provider` (`team_id`, `provider_id`, `id`), INDEX `idx_bets_team_status` (`team_id`, `status`, `id`), ' +
        'INDEX `idx_bets_team_brand` (`team_id`, `brand_id`, `id`), INDEX `idx_bets_team_brand_status` (`team_id`, `brand_id`, `status`, `id`), INDEX `idx_bets_team_player` (`team_id`, `player_id`, `id`), ' +
        'INDEX `idx_bets_team_id` (`team_id`, `id`), UNIQUE INDEX `uq_bets_team_round` (`team_id`, `round_id`), ' +
        `PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `sports_bets` (`id` bigint NOT NULL AUTO_INCREMENT, `team_id` int NOT NULL, `brand_id` int NULL, ' +
        '`player_id` int NOT NULL, `provider_id` int NULL, `provider_code` varchar(100) NULL, `source` varchar(8) NOT NULL, ' +
        '`bet_ref` varchar(100) NOT NULL, `odds` double NULL, `stake` bigint NOT NULL, `payout` bigint NOT NULL, ' +
        '`parlay` int NOT NULL, `status` int NOT NULL, `balance_before` bigint NULL, `balance_after` bigint NULL, ' +
        '`settled_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL, ' +
        'INDEX `idx_sports_bets_team_status` (`team_id`, `status`, `id`), INDEX `idx_sports_bets_team_brand` (`team_id`, `brand_id`, `id`), INDEX `idx_sports_bets_team_brand_status` (`team_id`, `brand_id`, `status`, `id`), ' +
        'INDEX `idx_sports_bets_team_player` (`team_id`, `player_id`, `id`), INDEX `idx_sports_bets_team_id` (`team_id`, `id`), ' +
        'UNIQUE INDEX `uq_sports_bets_team_source_ref` (`team_id`, `source`, `bet_ref`), ' +
        `PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `sports_bet_lines` (`id` bigint NOT NULL AUTO_INCREMENT, `sports_bet_id` bigint NOT NULL, `position` int NOT NULL, ' +
        '`line_id` varchar(100) NOT NULL, `event_name` varchar(300) NULL, `league_name` varchar(300) NULL, `market` varchar(300) NULL, ' +
        '`home_name` varchar(200) NULL, `away_name` varchar(200) NULL, `odds` double NULL, `score` varchar(50) NULL, ' +
        '`status` int NOT NULL, `is_live` int NOT NULL, `created_at` datetime(6) NOT NULL, ' +
        'UNIQUE INDEX `uq_sports_bet_lines_position` (`sports_bet_id`, `position`), PRIMARY KEY (`id`), ' +
        'CONSTRAINT `fk_sports_bet_lines_bet` FOREIGN KEY (`sports_bet_id`) REFERENCES `sports_bets` (`id`) ' +
        `ON DELETE CASCADE ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `bet_record_counts` (`team_id` int NOT NULL, `kind` varchar(8) NOT NULL, `brand_id` int NOT NULL, ' +
        '`provider_id` int NOT NULL, `status` int NOT NULL, `total` bigint NOT NULL, ' +
        `PRIMARY KEY (\`team_id\`, \`kind\`, \`brand_id\`, \`provider_id\`, \`status\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `pending_settlements` (`team_id` int NOT NULL, `kind` varchar(8) NOT NULL, `bet_ref` varchar(100) NOT NULL, ' +
        '`event_id` bigint NOT NULL, `event_type` varchar(40) NOT NULL, ' +
        `PRIMARY KEY (\`team_id\`, \`kind\`, \`bet_ref\`, \`event_id\`)) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'pending_settlements',
      'bet_record_counts',
      'sports_bet_lines',
      'sports_bets',
      'bets',
      'games',
      'providers',
    ]) {
      await q.query(`DROP TABLE \`${table}\``);
    }
    await q.query('ALTER TABLE `events` DROP COLUMN `brand_id`');
  }
}
