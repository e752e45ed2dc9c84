import { MigrationInterface, QueryRunner } from 'typeorm';
import { queueWaitingEvents } from '../data/1764300000000-queue-backlog';

/** See the MySQL migration of the same name. */
export class ProcessingPipeline1764300000000 implements MigrationInterface {
  name = 'ProcessingPipeline1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "processing_queue" ("seq" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "partition_no" smallint NOT NULL, ` +
        `"stream" varchar(8) NOT NULL, "event_id" bigint NOT NULL, "team_id" integer NOT NULL, "received_at" datetime(6) NOT NULL, ` +
        `"attempts" integer NOT NULL DEFAULT (0), CONSTRAINT "uq_processing_queue_event" UNIQUE ("stream", "event_id"))`,
    );
    await q.query(
      `CREATE TABLE "processing_partitions" ("partition_no" smallint PRIMARY KEY NOT NULL, "owner" varchar(100), "lease_expires_at" bigint)`,
    );
    await q.query(
      `INSERT INTO "processing_partitions" ("partition_no") VALUES ` +
        Array.from({ length: 64 }, (_, i) => `(${i})`).join(', '),
    );
    await q.query(
      `CREATE TABLE "processing_workers" ("owner" varchar(100) PRIMARY KEY NOT NULL, "heartbeat_at" bigint NOT NULL)`,
    );
    await q.query(
      `CREATE TABLE "event_minute_counts" ("team_id" integer NOT NULL, "stream" varchar(8) NOT NULL, "minute" datetime NOT NULL, ` +
        `"received" integer NOT NULL DEFAULT (0), "processed" integer NOT NULL DEFAULT (0), "failed" integer NOT NULL DEFAULT (0), ` +
        `PRIMARY KEY ("team_id", "stream", "minute"))`,
    );
    await q.query(
      `ALTER TABLE "betting_events" ADD COLUMN "status" varchar(12) NOT NULL DEFAULT ('RECEIVED')`,
    );
    await q.query(`ALTER TABLE "betting_events" ADD COLUMN "processed_at" datetime(6)`);
    await q.query(
      `ALTER TABLE "betting_events" ADD COLUMN "failed_attempts" integer NOT NULL DEFAULT (0)`,
    );
    await q.query(`ALTER TABLE "betting_events" ADD COLUMN "last_error" varchar(500)`);
    await q.query(`ALTER TABLE "events" ADD COLUMN "partition_no" smallint NOT NULL DEFAULT (0)`);
    await q.query(`DROP INDEX "idx_events_status"`);
    await q.query(
      `CREATE INDEX "idx_events_team_player_time" ON "events" ("team_id", "player_external_id", "event_time")`,
    );
    await queueWaitingEvents(q, 'INSERT OR IGNORE');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_events_team_player_time"`);
    await q.query(`CREATE INDEX "idx_events_status" ON "events" ("status", "id")`);
    await q.query(`ALTER TABLE "events" DROP COLUMN "partition_no"`);
    for (const column of ['status', 'processed_at', 'failed_attempts', 'last_error']) {
      await q.query(`ALTER TABLE "betting_events" DROP COLUMN "${column}"`);
    }
    await q.query(`DROP TABLE "event_minute_counts"`);
    await q.query(`DROP TABLE "processing_workers"`);
    await q.query(`DROP TABLE "processing_partitions"`);
    await q.query(`DROP TABLE "processing_queue"`);
  }
}
