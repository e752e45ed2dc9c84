import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bet records (seed 002): Live/Slots bets and sports bets with their lines, projected from monitor
 * events and AML slips; providers and games; the counts behind list totals. Projections carry no
 * foreign keys to what they are derived from: they are written only by the projections.
 */
export class BetRecords1764000000000 implements MigrationInterface {
  name = 'BetRecords1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "events" ADD COLUMN "brand_id" integer`);
    await q.query(
      `CREATE TABLE "providers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(100) NOT NULL, ` +
        `"created_at" datetime(6) NOT NULL, CONSTRAINT "uq_providers_code" UNIQUE ("code"))`,
    );
    await q.query(
      `CREATE TABLE "games" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "provider_id" integer NOT NULL, ` +
        `"code" varchar(100) NOT NULL, "name" varchar(200), "created_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "uq_games_provider_code" UNIQUE ("provider_id", "code"), CONSTRAINT "fk_games_provider" ` +
        `FOREIGN KEY ("provider_id") REFERENCES "providers" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)`,
    );
    await q.query(
      `CREATE TABLE "bets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, "brand_id" integer, ` +
        `"player_id" integer NOT NULL, "provider_id" integer, "provider_code" varchar(100), "game_id" integer, ` +
        `"game_code" varchar(100), "transaction_id" varchar(100) NOT NULL, "round_id" varchar(100) NOT NULL, ` +
        `"bet_amount" bigint NOT NULL, "payout_amount" bigint NOT NULL, "status" integer NOT NULL, "result_type" integer, ` +
        `"balance_before" bigint, "balance_after" bigint, "settled_at" datetime(6), "created_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "uq_bets_team_round" UNIQUE ("team_id", "round_id"))`,
    );
    for (const [name, columns] of [
      ['idx_bets_team_provider', '"team_id", "provider_id", "id"'],
      ['idx_bets_team_status', '"team_id", "status", "id"'],
      ['idx_bets_team_brand', '"team_id", "brand_id", "id"'],
      ['idx_bets_team_brand_status', '"team_id", "brand_id", "status", "id"'],
      ['idx_bets_team_player', '"team_id", "player_id", "id"'],
      ['idx_bets_team_id', '"team_id", "id"'],
    ]) {
      await q.query(`CREATE INDEX "${name}" ON "bets" (${columns})`);
    }
    await q.query(
      `CREATE TABLE "sports_bets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, ` +
        `"brand_id" integer, "player_id" integer NOT NULL, "provider_id" integer, "provider_code" varchar(100), ` +
        `"source" varchar(8) NOT NULL, "bet_ref" varchar(100) NOT NULL, "odds" double, "stake" bigint NOT NULL, ` +
        `"payout" bigint NOT NULL, "parlay" integer NOT NULL, "status" integer NOT NULL, "balance_before" bigint, ` +
        `"balance_after" bigint, "settled_at" datetime(6), "created_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "uq_sports_bets_team_source_ref" UNIQUE ("team_id", "source", "bet_ref"))`,
    );
    for (const [name, columns] of [
      ['idx_sports_bets_team_status', '"team_id", "status", "id"'],
      ['idx_sports_bets_team_brand', '"team_id", "brand_id", "id"'],
      ['idx_sports_bets_team_brand_status', '"team_id", "brand_id", "status", "id"'],
      ['idx_sports_bets_team_player', '"team_id", "player_id", "id"'],
      ['idx_sports_bets_team_id', '"team_id", "id"'],
    ]) {
      await q.query(`CREATE INDEX "${name}" ON "sports_bets" (${columns})`);
    }
    await q.query(
      `CREATE TABLE "sports_bet_lines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "sports_bet_id" bigint NOT NULL, ` +
        `"position" integer NOT NULL, "line_id" varchar(100) NOT NULL, "event_name" varchar(300), "league_name" varchar(300), ` +
        `"market" varchar(300), "home_name" varchar(200), "away_name" varchar(200), "odds" double, "score" varchar(50), ` +
        `"status" integer NOT NULL, "is_live" integer NOT NULL, "created_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "uq_sports_bet_lines_position" UNIQUE ("sports_bet_id", "position"), CONSTRAINT "fk_sports_bet_lines_bet" ` +
        `FOREIGN KEY ("sports_bet_id") REFERENCES "sports_bets" ("id") ON DELETE CASCADE ON UPDATE RESTRICT)`,
    );
    await q.query(
      `CREATE TABLE "bet_record_counts" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "brand_id" integer NOT NULL, ` +
        `"provider_id" integer NOT NULL, "status" integer NOT NULL, "total" bigint NOT NULL, ` +
        `PRIMARY KEY ("team_id", "kind", "brand_id", "provider_id", "status"))`,
    );
    await q.query(
      `CREATE TABLE "pending_settlements" ("team_id" integer NOT NULL, "kind" varchar(8) NOT NULL, "bet_ref" varchar(100) NOT NULL, ` +
        `"event_id" bigint NOT NULL, "event_type" varchar(40) NOT NULL, PRIMARY KEY ("team_id", "kind", "bet_ref", "event_id"))`,
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
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`ALTER TABLE "events" DROP COLUMN "brand_id"`);
  }
}
