import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message sent again by hand (redeliver, replay) gets one attempt, whatever retries it had
 * left when it was given up: `resent` says so.
 */
export class WebhookResends1765500000000 implements MigrationInterface {
  name = 'WebhookResends1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "webhook_messages" ADD COLUMN "resent" boolean NOT NULL DEFAULT (0)',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "webhook_messages" DROP COLUMN "resent"');
  }
}
