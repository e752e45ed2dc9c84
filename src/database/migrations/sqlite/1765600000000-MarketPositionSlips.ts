import { MigrationInterface, QueryRunner } from 'typeorm';

/** The positions recorded before: their slip, through the event that placed them. */
const BACKFILL =
  'UPDATE "market_positions" SET "slip_ref" = (SELECT s."slip_ref" FROM "betting_events" e ' +
  'JOIN "betting_slips" s ON s."id" = e."slip_id" WHERE e."id" = "market_positions"."event_id")';

/**
 * A single AML bet's position names its slip: a correction of the slip replaces the position
 * instead of adding another, and a cancellation removes it (OPPOSITE_SIDES).
 */
export class MarketPositionSlips1765600000000 implements MigrationInterface {
  name = 'MarketPositionSlips1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "market_positions" ADD COLUMN "slip_ref" varchar(100)');
    await q.query(
      'CREATE INDEX "idx_market_positions_slip" ON "market_positions" ("team_id", "player_id", "slip_ref")',
    );
    await q.query(BACKFILL);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_market_positions_slip"');
    await q.query('ALTER TABLE "market_positions" DROP COLUMN "slip_ref"');
  }
}
