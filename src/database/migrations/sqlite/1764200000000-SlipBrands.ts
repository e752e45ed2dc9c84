import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An AML bet slip belongs to the brand of the key that opened it (null: a team-wide key). Slips
 * stored before take the brand of their sports bet, which was written with the opening key's.
 */
export class SlipBrands1764200000000 implements MigrationInterface {
  name = 'SlipBrands1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "betting_slips" ADD COLUMN "brand_id" integer`);
    await q.query(
      `UPDATE "betting_slips" SET "brand_id" = (SELECT b."brand_id" FROM "sports_bets" b ` +
        `WHERE b."team_id" = "betting_slips"."team_id" AND b."source" = 'aml' AND b."bet_ref" = "betting_slips"."slip_ref")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "betting_slips" DROP COLUMN "brand_id"`);
  }
}
