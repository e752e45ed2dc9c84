import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks: the teams' endpoints. */
export class Webhooks1764500000000 implements MigrationInterface {
  name = 'Webhooks1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "webhook_endpoints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uuid" varchar(36) NOT NULL, "team_id" integer NOT NULL, "url" varchar(2000) NOT NULL, "description" varchar(500), "event_types" varchar(200) NOT NULL, "rate_limit" integer, "active" boolean NOT NULL, "disabled_reason" varchar(16), "secret" varchar(64) NOT NULL, "previous_secret" varchar(64), "previous_secret_until" datetime(6), "failing_since" datetime(6), "created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_endpoints_team" ON "webhook_endpoints" ("team_id", "id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_webhook_endpoints_uuid" ON "webhook_endpoints" ("uuid") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "uq_webhook_endpoints_uuid"');
    await q.query('DROP INDEX "idx_webhook_endpoints_team"');
    await q.query('DROP TABLE "webhook_endpoints"');
  }
}
