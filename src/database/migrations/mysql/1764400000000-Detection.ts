import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/**
 * Detection: the players' rolling state, identifier sightings and allowlist, single bets' market
 * positions, rule settings and their versions, hit counts and shadow hits, alerts with their hits
 * and audit trail, and stored player risk. No foreign keys across features (see ARCHITECTURE.md).
 */
export class Detection1764400000000 implements MigrationInterface {
  name = 'Detection1764400000000';

  /** `IF NOT EXISTS`: MySQL commits each CREATE at once, and a killed start must be able to finish. */
  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`alert_audit\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`alert_id\` bigint NOT NULL, \`at\` datetime(6) NOT NULL, \`actor_kind\` varchar(8) NOT NULL, \`actor_id\` varchar(100) NOT NULL, \`action\` varchar(16) NOT NULL, \`from_status\` varchar(16) NULL, \`to_status\` varchar(16) NULL, \`assignee\` varchar(100) NULL, \`note\` varchar(2000) NULL, INDEX \`idx_alert_audit_alert\` (\`alert_id\`, \`id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`alert_hits\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`alert_id\` bigint NOT NULL, \`team_id\` int NOT NULL, \`stream\` varchar(8) NOT NULL, \`event_id\` bigint NOT NULL, \`event_ref\` varchar(64) NOT NULL, \`event_time\` datetime(6) NOT NULL, \`severity\` varchar(8) NOT NULL, \`figures\` text NOT NULL, \`created_at\` datetime(6) NOT NULL, INDEX \`idx_alert_hits_event\` (\`stream\`, \`event_id\`), INDEX \`idx_alert_hits_alert\` (\`alert_id\`, \`id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`alerts\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`uuid\` varchar(36) NOT NULL, \`team_id\` int NOT NULL, \`player_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`rule_version\` int NOT NULL, \`severity\` varchar(8) NOT NULL, \`status\` varchar(16) NOT NULL, \`assignee\` varchar(100) NULL, \`reason\` text NOT NULL, \`hit_count\` int NOT NULL, \`first_hit_at\` datetime(6) NOT NULL, \`last_hit_at\` datetime(6) NOT NULL, \`created_at\` datetime(6) NOT NULL, \`updated_at\` datetime(6) NOT NULL, \`closed_at\` datetime(6) NULL, INDEX \`idx_alerts_team_created\` (\`team_id\`, \`created_at\`), INDEX \`idx_alerts_player_rule\` (\`team_id\`, \`player_id\`, \`rule_code\`, \`status\`), UNIQUE INDEX \`uq_alerts_uuid\` (\`uuid\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`player_risk\` (\`player_id\` int NOT NULL, \`team_id\` int NOT NULL, \`score\` int NOT NULL, \`level\` varchar(8) NOT NULL, \`factors\` text NOT NULL, \`computed_at\` datetime(6) NOT NULL, INDEX \`idx_player_risk_team_score\` (\`team_id\`, \`score\`), PRIMARY KEY (\`player_id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`rule_hit_counts\` (\`team_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`day\` varchar(10) NOT NULL, \`mode\` varchar(8) NOT NULL, \`shard\` smallint NOT NULL, \`hits\` int NOT NULL DEFAULT '0', PRIMARY KEY (\`team_id\`, \`rule_code\`, \`day\`, \`mode\`, \`shard\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`rule_setting_versions\` (\`team_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`version\` int NOT NULL, \`mode\` varchar(8) NOT NULL, \`severity\` varchar(8) NOT NULL, \`parameters\` text NOT NULL, \`author_kind\` varchar(8) NOT NULL, \`author_id\` varchar(100) NOT NULL, \`created_at\` datetime(6) NOT NULL, PRIMARY KEY (\`team_id\`, \`rule_code\`, \`version\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`rule_settings\` (\`team_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`version\` int NOT NULL, \`mode\` varchar(8) NOT NULL, \`severity\` varchar(8) NOT NULL, \`parameters\` text NOT NULL, \`updated_at\` datetime(6) NOT NULL, PRIMARY KEY (\`team_id\`, \`rule_code\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`shadow_hits\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`team_id\` int NOT NULL, \`rule_code\` varchar(40) NOT NULL, \`rule_version\` int NOT NULL, \`player_id\` int NOT NULL, \`stream\` varchar(8) NOT NULL, \`event_ref\` varchar(64) NOT NULL, \`event_time\` datetime(6) NOT NULL, \`severity\` varchar(8) NOT NULL, \`figures\` text NOT NULL, \`created_at\` datetime(6) NOT NULL, INDEX \`idx_shadow_hits_rule\` (\`team_id\`, \`rule_code\`, \`id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`identifier_allowlist\` (\`team_id\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`value\` varchar(100) NOT NULL, \`note\` varchar(200) NULL, \`created_at\` datetime(6) NOT NULL, PRIMARY KEY (\`team_id\`, \`kind\`, \`value\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`identifier_sightings\` (\`team_id\` int NOT NULL, \`kind\` varchar(8) NOT NULL, \`value\` varchar(100) NOT NULL, \`player_id\` int NOT NULL, \`first_seen_at\` datetime(6) NOT NULL, \`last_seen_at\` datetime(6) NOT NULL, INDEX \`idx_identifier_sightings_player\` (\`team_id\`, \`player_id\`), PRIMARY KEY (\`team_id\`, \`kind\`, \`value\`, \`player_id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`market_positions\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`team_id\` int NOT NULL, \`sport_event_ref\` varchar(100) NOT NULL, \`market_ref\` varchar(100) NOT NULL, \`selection_ref\` varchar(100) NOT NULL, \`player_id\` int NOT NULL, \`stake\` bigint NOT NULL, \`placed_at\` datetime(6) NOT NULL, \`event_id\` bigint NOT NULL, INDEX \`idx_market_positions_market\` (\`team_id\`, \`sport_event_ref\`, \`market_ref\`, \`placed_at\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`detection_player_states\` (\`player_id\` int NOT NULL, \`team_id\` int NOT NULL, \`state\` text NOT NULL, \`updated_at\` datetime(6) NOT NULL, PRIMARY KEY (\`player_id\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`player_hour_totals\` (\`player_id\` int NOT NULL, \`hour\` datetime NOT NULL, \`currency\` varchar(3) NOT NULL, \`team_id\` int NOT NULL, \`deposits\` int NOT NULL DEFAULT '0', \`deposit_cents\` bigint NOT NULL DEFAULT '0', \`withdrawals\` int NOT NULL DEFAULT '0', \`withdrawal_cents\` bigint NOT NULL DEFAULT '0', \`bets\` int NOT NULL DEFAULT '0', \`stake_cents\` bigint NOT NULL DEFAULT '0', \`wins\` int NOT NULL DEFAULT '0', \`win_cents\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`player_id\`, \`hour\`, \`currency\`)) ${TABLE_OPTIONS}`,
    );
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`detection_second_looks\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`partition_no\` smallint NOT NULL, \`events\` text NOT NULL, \`created_at\` datetime(6) NOT NULL, INDEX \`idx_detection_second_looks_partition\` (\`partition_no\`, \`id\`), PRIMARY KEY (\`id\`)) ${TABLE_OPTIONS}`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `detection_second_looks`');
    await q.query('DROP TABLE `player_hour_totals`');
    await q.query('DROP TABLE `detection_player_states`');
    await q.query('DROP TABLE `market_positions`');
    await q.query('DROP TABLE `identifier_sightings`');
    await q.query('DROP TABLE `identifier_allowlist`');
    await q.query('DROP TABLE `shadow_hits`');
    await q.query('DROP TABLE `rule_settings`');
    await q.query('DROP TABLE `rule_setting_versions`');
    await q.query('DROP TABLE `rule_hit_counts`');
    await q.query('DROP TABLE `player_risk`');
    await q.query('DROP TABLE `alerts`');
    await q.query('DROP TABLE `alert_hits`');
    await q.query('DROP TABLE `alert_audit`');
  }
}
