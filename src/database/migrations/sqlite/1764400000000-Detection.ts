import { MigrationInterface, QueryRunner } from 'typeorm';

/** See the MySQL migration of the same name. */
export class Detection1764400000000 implements MigrationInterface {
  name = 'Detection1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "alert_audit" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alert_id" bigint NOT NULL, "at" datetime(6) NOT NULL, "actor_kind" varchar(8) NOT NULL, "actor_id" varchar(100) NOT NULL, "action" varchar(16) NOT NULL, "from_status" varchar(16), "to_status" varchar(16), "assignee" varchar(100), "note" varchar(2000))`,
    );
    await q.query(`CREATE INDEX "idx_alert_audit_alert" ON "alert_audit" ("alert_id", "id")`);
    await q.query(
      `CREATE TABLE "alert_hits" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "alert_id" bigint NOT NULL, "team_id" integer NOT NULL, "stream" varchar(8) NOT NULL, "event_id" bigint NOT NULL, "event_ref" varchar(64) NOT NULL, "event_time" datetime(6) NOT NULL, "severity" varchar(8) NOT NULL, "figures" text NOT NULL, "created_at" datetime(6) NOT NULL)`,
    );
    await q.query(`CREATE INDEX "idx_alert_hits_event" ON "alert_hits" ("stream", "event_id")`);
    await q.query(`CREATE INDEX "idx_alert_hits_alert" ON "alert_hits" ("alert_id", "id")`);
    await q.query(
      `CREATE TABLE "alerts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uuid" varchar(36) NOT NULL, "team_id" integer NOT NULL, "player_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "rule_version" integer NOT NULL, "severity" varchar(8) NOT NULL, "status" varchar(16) NOT NULL, "assignee" varchar(100), "reason" text NOT NULL, "hit_count" integer NOT NULL, "first_hit_at" datetime(6) NOT NULL, "last_hit_at" datetime(6) NOT NULL, "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, "closed_at" datetime(6))`,
    );
    await q.query(`CREATE INDEX "idx_alerts_team_created" ON "alerts" ("team_id", "created_at")`);
    await q.query(
      `CREATE INDEX "idx_alerts_player_rule" ON "alerts" ("team_id", "player_id", "rule_code", "status")`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_alerts_uuid" ON "alerts" ("uuid")`);
    await q.query(
      `CREATE TABLE "player_risk" ("player_id" integer PRIMARY KEY NOT NULL, "team_id" integer NOT NULL, "score" integer NOT NULL, "level" varchar(8) NOT NULL, "factors" text NOT NULL, "computed_at" datetime(6) NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_player_risk_team_score" ON "player_risk" ("team_id", "score")`,
    );
    await q.query(
      `CREATE TABLE "rule_hit_counts" ("team_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "day" varchar(10) NOT NULL, "mode" varchar(8) NOT NULL, "shard" smallint NOT NULL, "hits" integer NOT NULL DEFAULT (0), PRIMARY KEY ("team_id", "rule_code", "day", "mode", "shard"))`,
    );
    await q.query(
      `CREATE TABLE "rule_setting_versions" ("team_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "version" integer NOT NULL, "mode" varchar(8) NOT NULL, "severity" varchar(8) NOT NULL, "parameters" text NOT NULL, "author_kind" varchar(8) NOT NULL, "author_id" varchar(100) NOT NULL, "created_at" datetime(6) NOT NULL, PRIMARY KEY ("team_id", "rule_code", "version"))`,
    );
    await q.query(
      `CREATE TABLE "rule_settings" ("team_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "version" integer NOT NULL, "mode" varchar(8) NOT NULL, "severity" varchar(8) NOT NULL, "parameters" text NOT NULL, "updated_at" datetime(6) NOT NULL, PRIMARY KEY ("team_id", "rule_code"))`,
    );
    await q.query(
      `CREATE TABLE "shadow_hits" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "rule_code" varchar(40) NOT NULL, "rule_version" integer NOT NULL, "player_id" integer NOT NULL, "stream" varchar(8) NOT NULL, "event_ref" varchar(64) NOT NULL, "event_time" datetime(6) NOT NULL, "severity" varchar(8) NOT NULL, "figures" text NOT NULL, "created_at" datetime(6) NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_shadow_hits_rule" ON "shadow_hits" ("team_id", "rule_code", "id")`,
    );
    await q.query(
      `CREATE TABLE "identifier_allowlist" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "value" varchar(100) NOT NULL, "note" varchar(200), "created_at" datetime(6) NOT NULL, PRIMARY KEY ("team_id", "kind", "value"))`,
    );
    await q.query(
      `CREATE TABLE "identifier_sightings" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "value" varchar(100) NOT NULL, "player_id" integer NOT NULL, "first_seen_at" datetime(6) NOT NULL, "last_seen_at" datetime(6) NOT NULL, PRIMARY KEY ("team_id", "kind", "value", "player_id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_identifier_sightings_player" ON "identifier_sightings" ("team_id", "player_id")`,
    );
    await q.query(
      `CREATE TABLE "market_positions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "sport_event_ref" varchar(100) NOT NULL, "market_ref" varchar(100) NOT NULL, "selection_ref" varchar(100) NOT NULL, "player_id" integer NOT NULL, "stake" bigint NOT NULL, "placed_at" datetime(6) NOT NULL, "event_id" bigint NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_market_positions_market" ON "market_positions" ("team_id", "sport_event_ref", "market_ref", "placed_at")`,
    );
    await q.query(
      `CREATE TABLE "detection_player_states" ("player_id" integer PRIMARY KEY NOT NULL, "team_id" integer NOT NULL, "state" text NOT NULL, "updated_at" datetime(6) NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE "player_hour_totals" ("player_id" integer NOT NULL, "hour" datetime NOT NULL, "currency" varchar(3) NOT NULL, "team_id" integer NOT NULL, "deposits" integer NOT NULL DEFAULT (0), "deposit_cents" bigint NOT NULL DEFAULT (0), "withdrawals" integer NOT NULL DEFAULT (0), "withdrawal_cents" bigint NOT NULL DEFAULT (0), "bets" integer NOT NULL DEFAULT (0), "stake_cents" bigint NOT NULL DEFAULT (0), "wins" integer NOT NULL DEFAULT (0), "win_cents" bigint NOT NULL DEFAULT (0), PRIMARY KEY ("player_id", "hour", "currency"))`,
    );
    await q.query(
      `CREATE TABLE "detection_second_looks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "partition_no" smallint NOT NULL, "events" text NOT NULL, "created_at" datetime(6) NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_detection_second_looks_partition" ON "detection_second_looks" ("partition_no", "id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "detection_second_looks"');
    await q.query('DROP TABLE "player_hour_totals"');
    await q.query('DROP TABLE "detection_player_states"');
    await q.query('DROP TABLE "market_positions"');
    await q.query('DROP TABLE "identifier_sightings"');
    await q.query('DROP TABLE "identifier_allowlist"');
    await q.query('DROP TABLE "shadow_hits"');
    await q.query('DROP TABLE "rule_settings"');
    await q.query('DROP TABLE "rule_setting_versions"');
    await q.query('DROP TABLE "rule_hit_counts"');
    await q.query('DROP TABLE "player_risk"');
    await q.query('DROP TABLE "alerts"');
    await q.query('DROP TABLE "alert_hits"');
    await q.query('DROP TABLE "alert_audit"');
  }
}
