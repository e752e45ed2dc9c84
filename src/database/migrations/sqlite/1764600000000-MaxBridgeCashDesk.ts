import { MigrationInterface, QueryRunner } from 'typeorm';

const references = (table: string) =>
  `REFERENCES "${table}" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`;

/**
 * MaxBridge (seed 003), part 2: retail cash desks, users' default desks, withdraw reservations
 * (one open per user: the unique `open_user_id`), the retail system's keys and SSBT deposits.
 */
export class MaxBridgeCashDesk1764600000000 implements MigrationInterface {
  name = 'MaxBridgeCashDesk1764600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "maxbridge_locations" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "description" varchar(500), ' +
        '"lat" double NOT NULL, "longitude" double NOT NULL, "open_hours" text NOT NULL, "city_id" integer, "district_id" integer, ' +
        '"created_at" datetime(6) NOT NULL)',
    );
    await q.query(
      'CREATE INDEX "idx_maxbridge_locations_city" ON "maxbridge_locations" ("city_id", "district_id") ',
    );
    await q.query(
      'CREATE TABLE "maxbridge_default_locations" ("user_id" integer PRIMARY KEY NOT NULL, "location_id" varchar(36) NOT NULL, ' +
        '"set_by" varchar(16) NOT NULL, "set_at" datetime(6) NOT NULL, ' +
        `CONSTRAINT "fk_maxbridge_default_locations_user" FOREIGN KEY ("user_id") ${references('wallet_users')}, ` +
        `CONSTRAINT "fk_maxbridge_default_locations_location" FOREIGN KEY ("location_id") ${references('maxbridge_locations')})`,
    );
    await q.query(
      'CREATE TABLE "maxbridge_reservations" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(12) NOT NULL, "confirmation_pin" varchar(8) NOT NULL, ' +
        '"user_id" integer NOT NULL, "open_user_id" integer, "amount" bigint NOT NULL, "fee" bigint NOT NULL, "currency" varchar(3) NOT NULL, ' +
        '"location_id" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "description" varchar(200), "declared_balance" bigint, ' +
        '"created_via" varchar(16) NOT NULL, "ledger_entry_id" bigint, "created_at" datetime(6) NOT NULL, "expires_at" datetime(6) NOT NULL, ' +
        '"closed_at" datetime(6), ' +
        `CONSTRAINT "fk_maxbridge_reservations_user" FOREIGN KEY ("user_id") ${references('wallet_users')}, ` +
        `CONSTRAINT "fk_maxbridge_reservations_location" FOREIGN KEY ("location_id") ${references('maxbridge_locations')})`,
    );
    await q.query(
      'CREATE INDEX "idx_maxbridge_reservations_user" ON "maxbridge_reservations" ("user_id", "created_at") ',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_maxbridge_reservations_open_user" ON "maxbridge_reservations" ("open_user_id") ',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_maxbridge_reservations_code" ON "maxbridge_reservations" ("code") ',
    );
    await q.query(
      'CREATE TABLE "maxbridge_retail_keys" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "key_hash" varchar(64) NOT NULL, ' +
        '"prefix" varchar(12) NOT NULL, "label" varchar(100), "created_at" datetime(6) NOT NULL, "revoked_at" datetime(6))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_maxbridge_retail_keys_hash" ON "maxbridge_retail_keys" ("key_hash") ',
    );
    await q.query(
      'CREATE TABLE "maxbridge_ssbt_deposits" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "amount" bigint NOT NULL, ' +
        '"currency" varchar(3) NOT NULL, "device_id" integer NOT NULL, "reference" varchar(64) NOT NULL, "status" varchar(16) NOT NULL, ' +
        '"ledger_entry_id" bigint, "credited_via" varchar(16), "created_at" datetime(6) NOT NULL, "settled_at" datetime(6), ' +
        `CONSTRAINT "fk_maxbridge_ssbt_deposits_user" FOREIGN KEY ("user_id") ${references('wallet_users')})`,
    );
    await q.query(
      'CREATE INDEX "idx_maxbridge_ssbt_deposits_user" ON "maxbridge_ssbt_deposits" ("user_id", "created_at") ',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_maxbridge_ssbt_deposits_reference" ON "maxbridge_ssbt_deposits" ("reference") ',
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'maxbridge_ssbt_deposits',
      'maxbridge_retail_keys',
      'maxbridge_reservations',
      'maxbridge_default_locations',
      'maxbridge_locations',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
