import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';
const FK_TEAM =
  'FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ON DELETE RESTRICT ON UPDATE RESTRICT';

/** Monitor events (the durable log of what operators sent) and the players they are about. */
export class Events1763800000000 implements MigrationInterface {
  name = 'Events1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `events` (`id` bigint NOT NULL AUTO_INCREMENT, `uuid` varchar(36) NOT NULL, `team_id` int NOT NULL, ' +
        '`external_event_id` varchar(100) NOT NULL, `content_hash` varchar(64) NOT NULL, `event_type` varchar(40) NOT NULL, ' +
        '`event_time` datetime(6) NOT NULL, `event_month` int NOT NULL, `amount` bigint NOT NULL, `currency` varchar(3) NOT NULL, ' +
        '`balance_before` bigint NULL, `balance_after` bigint NULL, `player_external_id` varchar(100) NOT NULL, ' +
        '`player_phone` varchar(50) NULL, `player_country` varchar(3) NULL, `player_kyc_level` int NULL, ' +
        '`game_type` varchar(40) NULL, `game_code` varchar(100) NULL, `game_name` varchar(200) NULL, `sport` varchar(100) NULL, ' +
        '`competition` varchar(200) NULL, `odds` double NULL, `bet_ref` varchar(100) NULL, `provider_code` varchar(100) NULL, ' +
        '`device_type` varchar(40) NULL, `operator_code` varchar(40) NULL, `ip_address` varchar(45) NULL, ' +
        '`session_id` varchar(100) NULL, `user_agent` varchar(500) NULL, `status` varchar(12) NOT NULL, ' +
        '`received_at` datetime(6) NOT NULL, `processed_at` datetime(6) NULL, `failed_attempts` int NOT NULL, ' +
        '`last_error` varchar(500) NULL, INDEX `idx_events_status` (`status`, `id`), ' +
        'UNIQUE INDEX `uq_events_team_external` (`team_id`, `external_event_id`), UNIQUE INDEX `uq_events_uuid` (`uuid`), ' +
        `PRIMARY KEY (\`id\`), CONSTRAINT \`fk_events_team\` ${FK_TEAM}) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `players` (`id` int NOT NULL AUTO_INCREMENT, `team_id` int NOT NULL, `external_id` varchar(100) NOT NULL, ' +
        '`phone` varchar(50) NULL, `country` varchar(3) NULL, `kyc_level` int NULL, `first_seen_at` datetime(6) NOT NULL, ' +
        '`last_seen_at` datetime(6) NOT NULL, `events_count` int NOT NULL, `created_at` datetime(6) NOT NULL, ' +
        '`updated_at` datetime(6) NOT NULL, UNIQUE INDEX `uq_players_team_external` (`team_id`, `external_id`), ' +
        `PRIMARY KEY (\`id\`), CONSTRAINT \`fk_players_team\` ${FK_TEAM}) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `players`');
    await q.query('DROP TABLE `events`');
  }
}
