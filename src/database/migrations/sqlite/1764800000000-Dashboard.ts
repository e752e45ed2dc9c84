import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dashboard (CONTRACTS.md section 5): its users, their sessions, and the failed logins. */
export class Dashboard1764800000000 implements MigrationInterface {
  name = 'Dashboard1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dashboard_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "team_id" integer NOT NULL, ' +
        '"email" varchar(254) NOT NULL, "password_hash" varchar(200), "role" varchar(16) NOT NULL, ' +
        '"active" boolean NOT NULL, "invite_token_hash" varchar(64), "invite_expires_at" datetime(6), ' +
        '"created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, ' +
        'CONSTRAINT "fk_dashboard_users_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ' +
        'ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await q.query('CREATE UNIQUE INDEX "uq_dashboard_users_email" ON "dashboard_users" ("email") ');
    await q.query('CREATE INDEX "idx_dashboard_users_team" ON "dashboard_users" ("team_id") ');
    await q.query(
      'CREATE UNIQUE INDEX "uq_dashboard_users_invite" ON "dashboard_users" ("invite_token_hash") ',
    );
    await q.query(
      'CREATE TABLE "dashboard_sessions" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "uuid" varchar(36) NOT NULL, ' +
        '"user_id" integer NOT NULL, "client_ip" varchar(45), "user_agent" varchar(200), ' +
        '"created_at" datetime(6) NOT NULL, "expires_at" datetime(6) NOT NULL, "revoked_at" datetime(6), ' +
        'CONSTRAINT "fk_dashboard_sessions_user" FOREIGN KEY ("user_id") REFERENCES "dashboard_users" ("id") ' +
        'ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await q.query(
      'CREATE INDEX "idx_dashboard_sessions_user" ON "dashboard_sessions" ("user_id") ',
    );
    await q.query(
      'CREATE TABLE "dashboard_login_failures" ("subject" varchar(120) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, ' +
        '"window_start" datetime(6) NOT NULL, "blocked_until" datetime(6))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "dashboard_login_failures"');
    await q.query('DROP INDEX "idx_dashboard_sessions_user"');
    await q.query('DROP TABLE "dashboard_sessions"');
    await q.query('DROP INDEX "uq_dashboard_users_invite"');
    await q.query('DROP INDEX "idx_dashboard_users_team"');
    await q.query('DROP INDEX "uq_dashboard_users_email"');
    await q.query('DROP TABLE "dashboard_users"');
  }
}
