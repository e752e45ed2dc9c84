import { MigrationInterface, QueryRunner } from 'typeorm';

/** MaxBridge (seed 003), part 2: players' core sessions and the failed logins that slow them down. */
export class MaxBridgeSessions1764700000000 implements MigrationInterface {
  name = 'MaxBridgeSessions1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "maxbridge_sessions" ("ssid" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, ' +
        '"client_ip" varchar(45), "created_at" datetime(6) NOT NULL, "expires_at" datetime(6) NOT NULL, "closed_at" datetime(6), ' +
        'CONSTRAINT "fk_maxbridge_sessions_user" FOREIGN KEY ("user_id") REFERENCES "wallet_users" ("id") ' +
        'ON DELETE RESTRICT ON UPDATE RESTRICT)',
    );
    await q.query(
      'CREATE INDEX "idx_maxbridge_sessions_user" ON "maxbridge_sessions" ("user_id") ',
    );
    await q.query(
      'CREATE TABLE "maxbridge_login_failures" ("subject" varchar(120) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, ' +
        '"window_start" datetime(6) NOT NULL, "blocked_until" datetime(6))',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "maxbridge_login_failures"');
    await q.query('DROP INDEX "idx_maxbridge_sessions_user"');
    await q.query('DROP TABLE "maxbridge_sessions"');
  }
}
