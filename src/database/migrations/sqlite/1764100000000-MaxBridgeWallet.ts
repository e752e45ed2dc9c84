import { MigrationInterface, QueryRunner } from 'typeorm';

const references = (table: string) =>
  `REFERENCES "${table}" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`;

/**
 * MaxBridge (seed 003), part 1: the wallet (users, their statuses, accounts per currency,
 * identity documents, the ledger) and the used nonces of signed requests.
 */
export class MaxBridgeWallet1764100000000 implements MigrationInterface {
  name = 'MaxBridgeWallet1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "wallet_user_statuses" ("id" integer PRIMARY KEY NOT NULL, "name" varchar(60) NOT NULL, "block_type" integer)`,
    );
    await q.query(
      `INSERT INTO "wallet_user_statuses" ("id", "name", "block_type") VALUES ` +
        `(1, 'Registered', NULL), (2, 'Verified', NULL), (3, 'Full Block', 0), (4, 'Game Block', 1), ` +
        `(5, 'Withdraw Blocked', 2), (6, 'VIP', NULL)`,
    );
    await q.query(
      `CREATE TABLE "wallet_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_name" varchar(64) NOT NULL, ` +
        `"password_hash" varchar(200) NOT NULL, "full_name" varchar(200), "birth_date" varchar(10), ` +
        `"transaction_max_limit" bigint NOT NULL, "transaction_min_limit" bigint NOT NULL, "user_status_id" integer NOT NULL, ` +
        `"preferred_currency_id" integer NOT NULL, "registration_domain" varchar(255), "additional_data" text, ` +
        `"created_at" datetime(6) NOT NULL, "updated_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "uq_wallet_users_user_name" UNIQUE ("user_name"), ` +
        `CONSTRAINT "fk_wallet_users_status" FOREIGN KEY ("user_status_id") ${references('wallet_user_statuses')})`,
    );
    await q.query(
      `CREATE TABLE "wallet_accounts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, ` +
        `"currency" varchar(3) NOT NULL, "balance" bigint NOT NULL, "created_at" datetime(6) NOT NULL, ` +
        `"updated_at" datetime(6) NOT NULL, CONSTRAINT "uq_wallet_accounts_user_currency" UNIQUE ("user_id", "currency"), ` +
        `CONSTRAINT "chk_wallet_accounts_balance" CHECK (balance >= 0), ` +
        `CONSTRAINT "fk_wallet_accounts_user" FOREIGN KEY ("user_id") ${references('wallet_users')})`,
    );
    await q.query(
      `CREATE TABLE "wallet_documents" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, ` +
        `"document_type_id" integer NOT NULL, "document_number" varchar(64) NOT NULL, "personal_id" varchar(64), ` +
        `"country_id" integer, "issue_date" varchar(10), "expiration_date" varchar(10), "issuing_authority" varchar(200), ` +
        `"issuing_place" varchar(200), "additional_data" text, "status" integer NOT NULL, "status_note" varchar(500), ` +
        `"modified_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "fk_wallet_documents_user" FOREIGN KEY ("user_id") ${references('wallet_users')})`,
    );
    await q.query(
      `CREATE INDEX "idx_wallet_documents_user" ON "wallet_documents" ("user_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "wallet_ledger" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "account_id" integer NOT NULL, ` +
        `"type" varchar(16) NOT NULL, "amount" bigint NOT NULL, "fee" bigint, "currency" varchar(3) NOT NULL, ` +
        `"balance_after" bigint NOT NULL, "provider_transaction_id" varchar(64), "core_transaction_id" varchar(32) NOT NULL, ` +
        `"service_id" integer, "client_ip" varchar(45), "language" varchar(16), "note" varchar(200), ` +
        `"created_at" datetime(6) NOT NULL, ` +
        `CONSTRAINT "fk_wallet_ledger_account" FOREIGN KEY ("account_id") ${references('wallet_accounts')})`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_wallet_ledger_core_tx" ON "wallet_ledger" ("core_transaction_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_wallet_ledger_provider_tx" ON "wallet_ledger" ("provider_transaction_id")`,
    );
    await q.query(
      `CREATE INDEX "idx_wallet_ledger_account" ON "wallet_ledger" ("account_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "maxbridge_nonces" ("nonce" varchar(128) PRIMARY KEY NOT NULL, "expires_at" datetime(6) NOT NULL, "claim" varchar(16) NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX "idx_maxbridge_nonces_expires" ON "maxbridge_nonces" ("expires_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'maxbridge_nonces',
      'wallet_ledger',
      'wallet_documents',
      'wallet_accounts',
      'wallet_users',
      'wallet_user_statuses',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
