import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert's events are listed by event time, newest first, whatever order their batches came
 * in: its hits are read along (alert_id, event_time, id), which replaces (alert_id, id).
 */
export class AlertHitsByEventTime1765400000000 implements MigrationInterface {
  name = 'AlertHitsByEventTime1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "idx_alert_hits_alert_time" ON "alert_hits" ("alert_id", "event_time", "id") ',
    );
    await q.query('DROP INDEX "idx_alert_hits_alert"');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "idx_alert_hits_alert" ON "alert_hits" ("alert_id", "id") ');
    await q.query('DROP INDEX "idx_alert_hits_alert_time"');
  }
}
