import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';
const references = (table: string, onDelete = 'RESTRICT') =>
  `REFERENCES \`${table}\` (\`id\`) ON DELETE ${onDelete} ON UPDATE RESTRICT`;
const LEG_COLUMNS =
  '`leg_ref` varchar(100) NOT NULL, `odds` double NOT NULL, `sport_ref` varchar(100) NULL, `sport_name` varchar(200) NULL, ' +
  '`sport_event_ref` varchar(100) NULL, `sport_event_name` varchar(300) NULL, `tournament_ref` varchar(100) NULL, ' +
  '`tournament_name` varchar(300) NULL, `market_ref` varchar(100) NULL, `market_name` varchar(300) NULL, ' +
  '`selection_ref` varchar(100) NULL, `selection_name` varchar(300) NULL, `event_start_time` datetime(6) NULL, ' +
  '`event_end_time` datetime(6) NULL, `leg_state` varchar(8) NULL, `result` varchar(8) NULL, `amount_won` bigint NULL';

/** AML betting events (seed 001): the slips' event log, their derived state, players by CPF. */
export class BettingEvents1763900000000 implements MigrationInterface {
  name = 'BettingEvents1763900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `players` ADD `cpf` varchar(11) NULL');
    await q.query('CREATE UNIQUE INDEX `uq_players_team_cpf` ON `players` (`team_id`, `cpf`)');
    await q.query(
      'CREATE TABLE `betting_slips` (`id` bigint NOT NULL AUTO_INCREMENT, `team_id` int NOT NULL, `slip_ref` varchar(100) NOT NULL, ' +
        '`player_id` int NOT NULL, `tax_id` varchar(11) NOT NULL, `state` varchar(12) NOT NULL, `total_stake` bigint NOT NULL, ' +
        '`total_odds` double NOT NULL, `leg_count` int NOT NULL, `is_live` tinyint NOT NULL, `is_free_bet` tinyint NOT NULL, ' +
        '`is_each_way` tinyint NOT NULL, `bonus_amount` bigint NOT NULL, `payout` bigint NULL, `out_of_order` tinyint NOT NULL, ' +
        '`events_count` int NOT NULL, `first_event_at` datetime(6) NOT NULL, `last_event_at` datetime(6) NOT NULL, ' +
        '`closed_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, ' +
        'INDEX `idx_betting_slips_player` (`player_id`, `id`), UNIQUE INDEX `uq_betting_slips_team_ref` (`team_id`, `slip_ref`), ' +
        'PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_betting_slips_team\` FOREIGN KEY (\`team_id\`) ${references('teams')}, ` +
        `CONSTRAINT \`fk_betting_slips_player\` FOREIGN KEY (\`player_id\`) ${references('players')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `betting_slip_legs` (`slip_id` bigint NOT NULL, `position` int NOT NULL, ' +
        `${LEG_COLUMNS}, UNIQUE INDEX \`uq_betting_slip_legs_ref\` (\`slip_id\`, \`leg_ref\`), PRIMARY KEY (\`slip_id\`, \`position\`), ` +
        `CONSTRAINT \`fk_betting_slip_legs_slip\` FOREIGN KEY (\`slip_id\`) ${references('betting_slips', 'CASCADE')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `betting_events` (`id` bigint NOT NULL AUTO_INCREMENT, `public_id` varchar(40) NOT NULL, `team_id` int NOT NULL, ' +
        '`slip_id` bigint NOT NULL, `player_id` int NOT NULL, `content_hash` varchar(64) NOT NULL, `event_type` varchar(16) NOT NULL, ' +
        '`tax_id` varchar(11) NOT NULL, `last_player_balance` bigint NOT NULL, `current_player_balance` bigint NOT NULL, ' +
        '`event_date` datetime(6) NOT NULL, `bet_slip_state` varchar(12) NULL, `total_stake` bigint NOT NULL, ' +
        '`total_odds` double NOT NULL, `leg_count` int NOT NULL, `is_live` tinyint NULL, `is_free_bet` tinyint NULL, ' +
        '`is_each_way` tinyint NULL, `bonus_amount` bigint NULL, `meta` text NULL, `checks` text NOT NULL, ' +
        '`received_at` datetime(6) NOT NULL, INDEX `idx_betting_events_player` (`player_id`, `id`), ' +
        'UNIQUE INDEX `uq_betting_events_slip_content` (`slip_id`, `content_hash`), ' +
        'UNIQUE INDEX `uq_betting_events_public_id` (`public_id`), PRIMARY KEY (`id`), ' +
        `CONSTRAINT \`fk_betting_events_team\` FOREIGN KEY (\`team_id\`) ${references('teams')}, ` +
        `CONSTRAINT \`fk_betting_events_slip\` FOREIGN KEY (\`slip_id\`) ${references('betting_slips')}, ` +
        `CONSTRAINT \`fk_betting_events_player\` FOREIGN KEY (\`player_id\`) ${references('players')}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `betting_event_legs` (`event_id` bigint NOT NULL, `position` int NOT NULL, ' +
        `${LEG_COLUMNS}, PRIMARY KEY (\`event_id\`, \`position\`), ` +
        `CONSTRAINT \`fk_betting_event_legs_event\` FOREIGN KEY (\`event_id\`) ${references('betting_events', 'CASCADE')}) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `betting_event_legs`');
    await q.query('DROP TABLE `betting_events`');
    await q.query('DROP TABLE `betting_slip_legs`');
    await q.query('DROP TABLE `betting_slips`');
    await q.query('DROP INDEX `uq_players_team_cpf` ON `players`');
    await q.query('ALTER TABLE `players` DROP COLUMN `cpf`');
  }
}
