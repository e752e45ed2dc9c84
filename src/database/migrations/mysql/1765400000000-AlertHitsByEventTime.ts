import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert's events are listed by event time, newest first, whatever order their batches came
 * in: its hits are read along (alert_id, event_time, id), which replaces (alert_id, id).
 */
export class AlertHitsByEventTime1765400000000 implements MigrationInterface {
  name = 'AlertHitsByEventTime1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE `alert_hits` ADD INDEX `idx_alert_hits_alert_time` (`alert_id`, `event_time`, `id`), ' +
        'DROP INDEX `idx_alert_hits_alert`',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE `alert_hits` ADD INDEX `idx_alert_hits_alert` (`alert_id`, `id`), ' +
        'DROP INDEX `idx_alert_hits_alert_time`',
    );
  }
}
