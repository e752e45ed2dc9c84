import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** The dashboard (CONTRACTS.md section 5): its users, their sessions, and the failed logins. */
export class Dashboard1764800000000 implements MigrationInterface {
  name = 'Dashboard1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `dashboard_users` (`id` int NOT NULL AUTO_INCREMENT, `team_id` int NOT NULL, ' +
        '`email` varchar(254) NOT NULL, `password_hash` varchar(200) NULL, `role` varchar(16) NOT NULL, ' +
        '`active` tinyint NOT NULL, `invite_token_hash` varchar(64) NULL, `invite_expires_at` datetime(6) NULL, ' +
        '`created_at` datetime(6) NOT NULL, `updated_at` datetime(6) NOT NULL, ' +
        'UNIQUE INDEX `uq_dashboard_users_email` (`email`), INDEX `idx_dashboard_users_team` (`team_id`), ' +
        'UNIQUE INDEX `uq_dashboard_users_invite` (`invite_token_hash`), PRIMARY KEY (`id`), ' +
        'CONSTRAINT `fk_dashboard_users_team` FOREIGN KEY (`team_id`) REFERENCES `teams` (`id`) ' +
        `ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `dashboard_sessions` (`token_hash` varchar(64) NOT NULL, `uuid` varchar(36) NOT NULL, ' +
        '`user_id` int NOT NULL, `client_ip` varchar(45) NULL, `user_agent` varchar(200) NULL, ' +
        '`created_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, `revoked_at` datetime(6) NULL, ' +
        'INDEX `idx_dashboard_sessions_user` (`user_id`), PRIMARY KEY (`token_hash`), ' +
        'CONSTRAINT `fk_dashboard_sessions_user` FOREIGN KEY (`user_id`) REFERENCES `dashboard_users` (`id`) ' +
        `ON DELETE RESTRICT ON UPDATE RESTRICT) ${TABLE_OPTIONS}`,
    );
    await q.query(
      'CREATE TABLE `dashboard_login_failures` (`subject` varchar(120) NOT NULL, `failures` int NOT NULL, ' +
        '`window_start` datetime(6) NOT NULL, `blocked_until` datetime(6) NULL, PRIMARY KEY (`subject`)) ' +
        TABLE_OPTIONS,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE `dashboard_login_failures`');
    await q.query('DROP TABLE `dashboard_sessions`');
    await q.query('DROP TABLE `dashboard_users`');
  }
}
