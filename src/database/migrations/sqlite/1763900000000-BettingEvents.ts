import { MigrationInterface, QueryRunner } from 'typeorm';

const references = (table: string, onDelete = 'RESTRICT') =>
  `REFERENCES "${table}" ("id") ON DELETE ${onDelete} ON UPDATE RESTRICT`;
const LEG_COLUMNS =
  `"leg_ref" varchar(100) NOT NULL, "odds" double NOT NULL, "sport_ref" varchar(100), "sport_name" varchar(200), ` +
  `"sport_event_ref" varchar(100), "sport_event_name" varchar(300), "tournament_ref" varchar(100), ` +
  `"tournament_name" varchar(300), "market_ref" varchar(100), "market_name" varchar(300), "selection_ref" varchar(100), ` +
  `"selection_name" varchar(300), "event_start_time" datetime(6), "event_end_time" datetime(6), "leg_state" varchar(8), ` +
  `"result" varchar(8), "amount_won" bigint`;

/** AML betting events (seed 001): the slips' event log, their derived state, players by CPF. */
export class BettingEvents1763900000000 implements MigrationInterface {
  name = 'BettingEvents1763900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "players" ADD COLUMN "cpf" varchar(11)`);
    await q.query(`CREATE UNIQUE INDEX "uq_players_team_cpf" ON "players" ("team_id", "cpf")`);
    await q.query(
      `CREATE TABLE "betting_slips" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, ` +
        `"slip_ref" varchar(100) NOT NULL, "player_id" integer NOT NULL, "tax_id" varchar(11) NOT NULL, "state" varchar(12) NOT NULL, ` +
        `"total_stake" bigint NOT NULL, "total_odds" double NOT NULL, "leg_count" integer NOT NULL, "is_live" boolean NOT NULL, ` +
        `"is_free_bet" boolean NOT NULL, "is_each_way" boolean NOT NULL, "bonus_amount" bigint NOT NULL, "payout" bigint, ` +
        `"out_of_order" boolean NOT NULL, "events_count" integer NOT NULL, "first_event_at" datetime(6) NOT NULL, ` +
        `"last_event_at" datetime(6) NOT NULL, "closed_at" datetime(6), "created_at" datetime(6) NOT NULL, ` +
        `"updated_at" datetime(6) NOT NULL, CONSTRAINT "uq_betting_slips_team_ref" UNIQUE ("team_id", "slip_ref"), ` +
        `CONSTRAINT "fk_betting_slips_team" FOREIGN KEY ("team_id") ${references('teams')}, ` +
        `CONSTRAINT "fk_betting_slips_player" FOREIGN KEY ("player_id") ${references('players')})`,
    );
    await q.query(`CREATE INDEX "idx_betting_slips_player" ON "betting_slips" ("player_id", "id")`);
    await q.query(
      `CREATE TABLE "betting_slip_legs" ("slip_id" bigint NOT NULL, "position" integer NOT NULL, ${LEG_COLUMNS}, ` +
        `CONSTRAINT "uq_betting_slip_legs_ref" UNIQUE ("slip_id", "leg_ref"), ` +
        `CONSTRAINT "fk_betting_slip_legs_slip" FOREIGN KEY ("slip_id") ${references('betting_slips', 'CASCADE')}, ` +
        `PRIMARY KEY ("slip_id", "position"))`,
    );
    await q.query(
      `CREATE TABLE "betting_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "public_id" varchar(40) NOT NULL, ` +
        `"team_id" integer NOT NULL, "slip_id" bigint NOT NULL, "player_id" integer NOT NULL, "content_hash" varchar(64) NOT NULL, ` +
        `"event_type" varchar(16) NOT NULL, "tax_id" varchar(11) NOT NULL, "last_player_balance" bigint NOT NULL, ` +
        `"current_player_balance" bigint NOT NULL, "event_date" datetime(6) NOT NULL, "bet_slip_state" varchar(12), ` +
        `"total_stake" bigint NOT NULL, "total_odds" double NOT NULL, "leg_count" integer NOT NULL, "is_live" boolean, ` +
        `"is_free_bet" boolean, "is_each_way" boolean, "bonus_amount" bigint, "meta" text, "checks" text NOT NULL, ` +
        `"received_at" datetime(6) NOT NULL, CONSTRAINT "uq_betting_events_slip_content" UNIQUE ("slip_id", "content_hash"), ` +
        `CONSTRAINT "uq_betting_events_public_id" UNIQUE ("public_id"), ` +
        `CONSTRAINT "fk_betting_events_team" FOREIGN KEY ("team_id") ${references('teams')}, ` +
        `CONSTRAINT "fk_betting_events_slip" FOREIGN KEY ("slip_id") ${references('betting_slips')}, ` +
        `CONSTRAINT "fk_betting_events_player" FOREIGN KEY ("player_id") ${references('players')})`,
    );
    await q.query(
      `CREATE INDEX "idx_betting_events_player" ON "betting_events" ("player_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "betting_event_legs" ("event_id" bigint NOT NULL, "position" integer NOT NULL, ${LEG_COLUMNS}, ` +
        `CONSTRAINT "fk_betting_event_legs_event" FOREIGN KEY ("event_id") ${references('betting_events', 'CASCADE')}, ` +
        `PRIMARY KEY ("event_id", "position"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "betting_event_legs"`);
    await q.query(`DROP TABLE "betting_events"`);
    await q.query(`DROP TABLE "betting_slip_legs"`);
    await q.query(`DROP TABLE "betting_slips"`);
    await q.query(`DROP INDEX "uq_players_team_cpf"`);
    await q.query(`ALTER TABLE "players" DROP COLUMN "cpf"`);
  }
}
