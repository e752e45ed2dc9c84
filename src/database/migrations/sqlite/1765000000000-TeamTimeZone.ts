import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each team's time zone, for the per-day figures of the dashboard's overview. */
export class TeamTimeZone1765000000000 implements MigrationInterface {
  name = 'TeamTimeZone1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "teams" ADD COLUMN "time_zone" varchar(64) NOT NULL DEFAULT ('UTC')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "teams" DROP COLUMN "time_zone"');
  }
}
