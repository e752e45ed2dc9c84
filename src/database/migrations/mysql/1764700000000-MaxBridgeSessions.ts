import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** MaxBridge (seed 003), part 2: players' core sessions and the failed logins that slow them down. */
export class MaxBridgeSessions1764700000000 implements MigrationInterface {
  name = 'MaxBridgeSessions1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `maxbridge_sessions` (`ssid` varchar(36) NOT NULL, `user_id` int NOT NULL, `client_ip` varchar(45) NULL, ' +
        '`created_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, `closed_at` datetime(6) NULL, ' +
        'INDEX `idx_maxbridge_sessions_user` (`user_id`), PRIMARY KEY (`ssid`), ' +
        'CONSTRAINT `fk_maxbridge_sessions_user` FOREIGN KEY (`user_id`) REFERENCES `wallet_users` (`id`) ' +
        `ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `maxbridge_login_failures` (`subject` varchar(120) NOT NULL, `failures` int NOT NULL, ' +
        '`window_start` datetime(6) NOT NULL, `blocked_until` datetime(6) NULL, PRIMARY KEY (`subject`)) ' +
        TABLE_OPTIONS,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `maxbridge_login_failures`');
    await q.query('DROP TABLE `maxbridge_sessions`');
  }
}
