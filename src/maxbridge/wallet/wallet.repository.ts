import { Injectable } from '@nestjs/common';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';
import { MicroTime } from '../../common/time/micro-time';
import {
  ACCOUNT_ID_OF_USER,
  APPEND_LEDGER_ENTRY,
  APPEND_LEDGER_ENTRY_FOR_USER,
  CREDIT_UP_TO,
  DEBIT_IF_ALLOWED,
  openAccountAtZero,
} from './wallet.statements';
import type { WithdrawalTarget } from './withdrawal.rules';

export interface UserRow {
  id: number;
  user_name: string;
  full_name: string | null;
  birth_date: string | null;
  transaction_max_limit: string | number;
  transaction_min_limit: string | number;
  user_status_id: number;
  status_name: string;
  block_type: number | null;
  preferred_currency_id: number;
  registration_domain: string | null;
  additional_data: string | null;
}

export interface AccountRow {
  id: number;
  currency: string;
  balance: string | number;
}

export interface DocumentRow {
  id: number;
  user_id: number;
  document_type_id: number;
  document_number: string;
  personal_id: string | null;
  country_id: number | null;
  issue_date: string | null;
  expiration_date: string | null;
  issuing_authority: string | null;
  issuing_place: string | null;
  additional_data: string | null;
  status: number;
  status_note: string | null;
  modified_at: string;
}

export interface NewUser {
  userName: string;
  passwordHash: string;
  fullName: string | null;
  birthDate: string | null;
  maxLimit: number;
  minLimit: number;
  statusId: number;
  preferredCurrencyId: number;
  registrationDomain: string | null;
  additionalData: string | null;
}

export type NewDocument = Omit<DocumentRow, 'id' | 'modified_at'>;

/** One ledger row to append; its balance after is read from the account in the same statement. */
export interface NewLedgerEntry {
  accountId: number;
  type: 'withdraw' | 'deposit' | 'adjustment';
  /** Signed cents: negative for a debit. */
  amount: number;
  fee: number | null;
  currency: string;
  providerTransactionId: string | null;
  coreTransactionId: string;
  serviceId: number | null;
  clientIp: string | null;
  language: string | null;
  note: string | null;
}

const USER_COLUMNS =
  'u.id, u.user_name, u.full_name, u.birth_date, u.transaction_max_limit, u.transaction_min_limit, ' +
  'u.user_status_id, s.name AS status_name, s.block_type, u.preferred_currency_id, u.registration_domain, u.additional_data';

/** The wallet's tables: users, statuses, accounts, documents and the ledger. */
@Injectable()
export class WalletRepository {
  constructor(private readonly database: SqlDatabase) {}

  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  async findUser(userId: number): Promise<UserRow | null> {
    const [row] = await this.database.select<UserRow>(
      `SELECT ${USER_COLUMNS} FROM wallet_users u JOIN wallet_user_statuses s ON s.id = u.user_status_id WHERE u.id = ?`,
      [userId],
    );
    return row ?? null;
  }

  async statusExists(statusId: number): Promise<boolean> {
    const rows = await this.database.select('SELECT 1 FROM wallet_user_statuses WHERE id = ?', [
      statusId,
    ]);
    return rows.length > 0;
  }

  findAccounts(userId: number): Promise<AccountRow[]> {
    return this.database.select<AccountRow>(
      'SELECT id, currency, balance FROM wallet_accounts WHERE user_id = ? ORDER BY id',
      [userId],
    );
  }

  findDocuments(userId: number): Promise<DocumentRow[]> {
    return this.database.select<DocumentRow>(
      `SELECT id, user_id, document_type_id, document_number, personal_id, country_id, issue_date, expiration_date, ` +
        `issuing_authority, issuing_place, additional_data, status, status_note, ` +
        `${this.database.dialect.timestampText('modified_at')} AS modified_at ` +
        'FROM wallet_documents WHERE user_id = ? ORDER BY id',
      [userId],
    );
  }

  /**
   * In one read: the user's status and limits, their account in `currency`, and whether
   * `providerTransactionId` was used already. Null when there is no such user.
   */
  async findWithdrawalTarget(
    userId: number,
    currency: string,
    providerTransactionId: string,
  ): Promise<WithdrawalTarget | null> {
    const [row] = await this.database.select<{
      block_type: number | null;
      transaction_min_limit: string | number;
      transaction_max_limit: string | number;
      account_id: number | null;
      used: number | string | null;
    }>(
      'SELECT s.block_type, u.transaction_min_limit, u.transaction_max_limit, a.id AS account_id, ' +
        '(SELECT 1 FROM wallet_ledger WHERE provider_transaction_id = ?) AS used ' +
        'FROM wallet_users u JOIN wallet_user_statuses s ON s.id = u.user_status_id ' +
        'LEFT JOIN wallet_accounts a ON a.user_id = u.id AND a.currency = ? WHERE u.id = ?',
      [providerTransactionId, currency, userId],
    );
    if (!row) return null;
    return {
      blockType: row.block_type === null ? null : Number(row.block_type),
      minLimit: Number(row.transaction_min_limit),
      maxLimit: Number(row.transaction_max_limit),
      accountId: row.account_id === null ? null : Number(row.account_id),
      transactionIdUsed: row.used !== null,
    };
  }

  /** The sum of an account's ledger rows, which must always equal its balance. */
  async ledgerSum(accountId: number): Promise<number> {
    const [row] = await this.database.select<{ total: string | number | null }>(
      'SELECT SUM(amount) AS total FROM wallet_ledger WHERE account_id = ?',
      [accountId],
    );
    return Number(row?.total ?? 0);
  }

  async insertUser(session: SqlSession, user: NewUser, now: MicroTime): Promise<number> {
    const id = await session.insert(
      'INSERT INTO wallet_users (user_name, password_hash, full_name, birth_date, transaction_max_limit, ' +
        'transaction_min_limit, user_status_id, preferred_currency_id, registration_domain, additional_data, ' +
        'created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        user.userName,
        user.passwordHash,
        user.fullName,
        user.birthDate,
        user.maxLimit,
        user.minLimit,
        user.statusId,
        user.preferredCurrencyId,
        user.registrationDomain,
        user.additionalData,
        now.toDatabaseText(),
        now.toDatabaseText(),
      ],
    );
    return Number(id);
  }

  /** The user's account in `currency`, opened (at zero) when there is none yet. */
  async ensureAccount(
    session: SqlSession,
    userId: number,
    currency: string,
    now: MicroTime,
  ): Promise<number> {
    await session.execute(openAccountAtZero(session.dialect.insertIgnoring), [
      userId,
      currency,
      now.toDatabaseText(),
      now.toDatabaseText(),
    ]);
    const [row] = await session.select<{ id: number }>(ACCOUNT_ID_OF_USER, [userId, currency]);
    return Number(row.id);
  }

  async insertDocument(session: SqlSession, doc: NewDocument, now: MicroTime): Promise<number> {
    const id = await session.insert(
      'INSERT INTO wallet_documents (user_id, document_type_id, document_number, personal_id, country_id, issue_date, ' +
        'expiration_date, issuing_authority, issuing_place, additional_data, status, status_note, modified_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        doc.user_id,
        doc.document_type_id,
        doc.document_number,
        doc.personal_id,
        doc.country_id,
        doc.issue_date,
        doc.expiration_date,
        doc.issuing_authority,
        doc.issuing_place,
        doc.additional_data,
        doc.status,
        doc.status_note,
        now.toDatabaseText(),
      ],
    );
    return Number(id);
  }

  /**
   * Takes `amount` from the user's account in `currency` when everything allows it, in one
   * conditional statement: the balance covers it, the amount is within the user's limits, and the
   * user's status does not block withdrawals (the rules of withdrawal.rules.ts, which explain a
   * refusal afterwards). No read-then-write: under REPEATABLE READ a read would not see a
   * concurrent debit. False when refused; the account's row stays locked by this transaction
   * until it ends.
   */
  async debitIfAllowed(
    session: SqlSession,
    { userId, currency, amount }: { userId: number; currency: string; amount: number },
    now: MicroTime,
  ): Promise<boolean> {
    const changed = await session.execute(DEBIT_IF_ALLOWED, [
      amount,
      now.toDatabaseText(),
      userId,
      currency,
      amount,
      amount,
      amount,
    ]);
    return changed === 1;
  }

  /** Adds `amount` unless the balance would pass `ceiling` (cents kept exact as JS numbers). */
  async credit(
    session: SqlSession,
    accountId: number,
    amount: number,
    ceiling: number,
    now: MicroTime,
  ): Promise<boolean> {
    const changed = await session.execute(CREDIT_UP_TO, [
      amount,
      now.toDatabaseText(),
      accountId,
      ceiling - amount,
    ]);
    return changed === 1;
  }

  /**
   * Appends a ledger row after its balance change, in the same transaction: the balance after is
   * read by the INSERT itself from the row this transaction holds locked. Fails on a provider
   * transaction id used before (unique index). Returns the row id.
   */
  appendEntry(session: SqlSession, entry: NewLedgerEntry, now: MicroTime): Promise<number> {
    return this.insertEntry(session, APPEND_LEDGER_ENTRY, entry, now, [entry.accountId]);
  }

  /** The same, for the user's account in the entry's currency. */
  appendEntryForUser(
    session: SqlSession,
    userId: number,
    entry: Omit<NewLedgerEntry, 'accountId'>,
    now: MicroTime,
  ): Promise<number> {
    return this.insertEntry(session, APPEND_LEDGER_ENTRY_FOR_USER, entry, now, [
      userId,
      entry.currency,
    ]);
  }

  private async insertEntry(
    session: SqlSession,
    statement: string,
    entry: Omit<NewLedgerEntry, 'accountId'>,
    now: MicroTime,
    accountParams: unknown[],
  ): Promise<number> {
    const id = await session.insert(statement, [
      entry.type,
      entry.amount,
      entry.fee,
      entry.providerTransactionId,
      entry.coreTransactionId,
      entry.serviceId,
      entry.clientIp,
      entry.language,
      entry.note,
      now.toDatabaseText(),
      ...accountParams,
    ]);
    return Number(id);
  }
}
