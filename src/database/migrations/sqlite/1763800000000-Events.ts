import { MigrationInterface, QueryRunner } from 'typeorm';

const FK_TEAM = `FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`;

/** Monitor events (the durable log of what operators sent) and the players they are about. */
export class Events1763800000000 implements MigrationInterface {
  name = 'Events1763800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uuid" varchar(36) NOT NULL, "team_id" integer NOT NULL, ` +
        `"external_event_id" varchar(100) NOT NULL, "content_hash" varchar(64) NOT NULL, "event_type" varchar(40) NOT NULL, ` +
        `"event_time" datetime(6) NOT NULL, "event_month" integer NOT NULL, "amount" bigint NOT NULL, "currency" varchar(3) NOT NULL, ` +
        `"balance_before" bigint, "balance_after" bigint, "player_external_id" varchar(100) NOT NULL, "player_phone" varchar(50), ` +
        `"player_country" varchar(3), "player_kyc_level" integer, "game_type" varchar(40), "game_code" varchar(100), ` +
        `"game_name" varchar(200), "sport" varchar(100), "competition" varchar(200), "odds" double, "bet_ref" varchar(100), ` +
        `"provider_code" varchar(100), "device_type" varchar(40), "operator_code" varchar(40), "ip_address" varchar(45), ` +
        `"session_id" varchar(100), "user_agent" varchar(500), "status" varchar(12) NOT NULL, "received_at" datetime(6) NOT NULL, ` +
        `"processed_at" datetime(6), "failed_attempts" integer NOT NULL, "last_error" varchar(500), ` +
        `CONSTRAINT "uq_events_team_external" UNIQUE ("team_id", "external_event_id"), CONSTRAINT "uq_events_uuid" UNIQUE ("uuid"), ` +
        `CONSTRAINT "fk_events_team" ${FK_TEAM})`,
    );
    await q.query(`CREATE INDEX "idx_events_status" ON "events" ("status", "id")`);
    await q.query(
      `CREATE TABLE "players" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "external_id" varchar(100) NOT NULL, ` +
        `"phone" varchar(50), "country" varchar(3), "kyc_level" integer, "first_seen_at" datetime(6) NOT NULL, ` +
        `"last_seen_at" datetime(6) NOT NULL, "events_count" integer NOT NULL, "created_at" datetime(6) NOT NULL, ` +
        `"updated_at" datetime(6) NOT NULL, CONSTRAINT "uq_players_team_external" UNIQUE ("team_id", "external_id"), ` +
        `CONSTRAINT "fk_players_team" ${FK_TEAM})`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "players"`);
    await q.query(`DROP TABLE "events"`);
  }
}
