import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks: the teams' endpoints, the outbox of messages, and every attempt to deliver one. */
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
    await q.query(
      `CREATE TABLE "webhook_messages" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "uuid" varchar(36) NOT NULL, "team_id" integer NOT NULL, "endpoint_id" bigint NOT NULL, "event_type" varchar(24) NOT NULL, "subject" varchar(36), "body" text, "status" varchar(12) NOT NULL, "attempts" integer NOT NULL, "next_attempt_at" datetime(6) NOT NULL, "created_at" datetime(6) NOT NULL, "last_attempt_at" datetime(6))`,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_messages_created" ON "webhook_messages" ("created_at") `,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_messages_subject" ON "webhook_messages" ("subject", "event_type") `,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_messages_endpoint_due" ON "webhook_messages" ("endpoint_id", "status", "next_attempt_at") `,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_messages_endpoint" ON "webhook_messages" ("endpoint_id", "id") `,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_messages_due" ON "webhook_messages" ("status", "next_attempt_at") `,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_webhook_messages_uuid" ON "webhook_messages" ("uuid") `);
    await q.query(
      `CREATE TABLE "webhook_attempts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "message_id" bigint NOT NULL, "at" datetime(6) NOT NULL, "status_code" integer, "latency_ms" integer NOT NULL, "error" varchar(300), "response_head" varchar(1000))`,
    );
    await q.query(
      `CREATE INDEX "idx_webhook_attempts_message" ON "webhook_attempts" ("message_id", "id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "idx_webhook_attempts_message"');
    await q.query('DROP TABLE "webhook_attempts"');
    await q.query('DROP INDEX "uq_webhook_messages_uuid"');
    await q.query('DROP INDEX "idx_webhook_messages_due"');
    await q.query('DROP INDEX "idx_webhook_messages_endpoint"');
    await q.query('DROP INDEX "idx_webhook_messages_endpoint_due"');
    await q.query('DROP INDEX "idx_webhook_messages_subject"');
    await q.query('DROP INDEX "idx_webhook_messages_created"');
    await q.query('DROP TABLE "webhook_messages"');
    await q.query('DROP INDEX "uq_webhook_endpoints_uuid"');
    await q.query('DROP INDEX "idx_webhook_endpoints_team"');
    await q.query('DROP TABLE "webhook_endpoints"');
  }
}
