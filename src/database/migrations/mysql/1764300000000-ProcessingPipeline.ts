import { MigrationInterface, QueryRunner } from 'typeorm';
import { queueWaitingEvents } from '../data/1764300000000-queue-backlog';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/**
 * One processing pipeline for both streams: the queue (one sequence for monitor and AML events,
 * partitioned by team and player), the partitions' leases, the worker loops' heartbeats, the
 * per-minute counts. AML events get a processing status; `events` gets its partition (given at
 * ingest; 0 on rows older than this migration, which the queue rows made here hold instead) and
 * trades its status index (the queue replaces it) for the (team, player, time) index of player views.
 */
export class ProcessingPipeline1764300000000 implements MigrationInterface {
  name = 'ProcessingPipeline1764300000000';

  /**
   * MySQL commits each DDL statement at once: each step is skipped when a run that was
   * interrupted (a killed start) already made it, so that the next start completes the migration.
   */
  public async up(q: QueryRunner): Promise<void> {
    if (!(await q.hasTable('processing_queue'))) {
      await q.query(
        'CREATE TABLE `processing_queue` (`seq` bigint NOT NULL AUTO_INCREMENT, `partition_no` smallint NOT NULL, ' +
          '`stream` varchar(8) NOT NULL, `event_id` bigint NOT NULL, `team_id` int NOT NULL, `received_at` datetime(6) NOT NULL, ' +
          '`attempts` int NOT NULL DEFAULT 0, UNIQUE INDEX `uq_processing_queue_event` (`stream`, `event_id`), ' +
          `PRIMARY KEY (\`seq\`)) ${TABLE_OPTIONS}`,
      );
    }
    if (!(await q.hasTable('processing_partitions'))) {
      await q.query(
        'CREATE TABLE `processing_partitions` (`partition_no` smallint NOT NULL, `owner` varchar(100) NULL, ' +
          `\`lease_expires_at\` bigint NULL, PRIMARY KEY (\`partition_no\`)) ${TABLE_OPTIONS}`,
      );
    }
    await q.query(
      'INSERT IGNORE INTO `processing_partitions` (`partition_no`) VALUES ' +
        Array.from({ length: 64 }, (_, i) => `(${i})`).join(', '),
    );
    if (!(await q.hasTable('processing_workers'))) {
      await q.query(
        'CREATE TABLE `processing_workers` (`owner` varchar(100) NOT NULL, `heartbeat_at` bigint NOT NULL, ' +
          `PRIMARY KEY (\`owner\`)) ${TABLE_OPTIONS}`,
      );
    }
    if (!(await q.hasTable('event_minute_counts'))) {
      await q.query(
        'CREATE TABLE `event_minute_counts` (`team_id` int NOT NULL, `stream` varchar(8) NOT NULL, `minute` datetime NOT NULL, ' +
          '`received` int NOT NULL DEFAULT 0, `processed` int NOT NULL DEFAULT 0, `failed` int NOT NULL DEFAULT 0, ' +
          `PRIMARY KEY (\`team_id\`, \`stream\`, \`minute\`)) ${TABLE_OPTIONS}`,
      );
    }
    if (!(await q.hasColumn('betting_events', 'status'))) {
      await q.query(
        "ALTER TABLE `betting_events` ADD `status` varchar(12) NOT NULL DEFAULT 'RECEIVED', " +
          'ADD `processed_at` datetime(6) NULL, ADD `failed_attempts` int NOT NULL DEFAULT 0, ' +
          'ADD `last_error` varchar(500) NULL',
      );
    }
    if (!(await q.hasColumn('events', 'partition_no'))) {
      await q.query(
        'ALTER TABLE `events` ADD `partition_no` smallint NOT NULL DEFAULT 0, DROP INDEX `idx_events_status`, ' +
          'ADD INDEX `idx_events_team_player_time` (`team_id`, `player_external_id`, `event_time`)',
      );
    }
    await queueWaitingEvents(q, 'INSERT IGNORE');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE `events` DROP INDEX `idx_events_team_player_time`, DROP COLUMN `partition_no`, ' +
        'ADD INDEX `idx_events_status` (`status`, `id`)',
    );
    await q.query(
      'ALTER TABLE `betting_events` DROP COLUMN `status`, DROP COLUMN `processed_at`, ' +
        'DROP COLUMN `failed_attempts`, DROP COLUMN `last_error`',
    );
    await q.query('DROP TABLE `event_minute_counts`');
    await q.query('DROP TABLE `processing_workers`');
    await q.query('DROP TABLE `processing_partitions`');
    await q.query('DROP TABLE `processing_queue`');
  }
}
