import { WITHDRAWAL_BLOCKING_TYPES } from './user-statuses';

/**
 * The statements that move money, in one place: WalletRepository runs them, and the raw mysql2
 * loops of bench:maxbridge (bench/support/maxbridge-debit-ceiling.js for withdrawals,
 * bench/support/maxbridge-cash-desk-ceiling.js for SSBT deposit credits) load them from `dist/`,
 * so that their ceilings are always the service's very own debit and credit.
 */

/**
 * Takes `amount` from the user's account in `currency` when the balance covers it, the amount is
 * within the user's limits and the user's status does not block withdrawals. Parameters: amount,
 * updated_at, user id, currency, amount, amount, amount.
 */
export const DEBIT_IF_ALLOWED =
  'UPDATE wallet_accounts SET balance = balance - ?, updated_at = ? ' +
  'WHERE user_id = ? AND currency = ? AND balance >= ? AND EXISTS (SELECT 1 FROM wallet_users u ' +
  'JOIN wallet_user_statuses s ON s.id = u.user_status_id WHERE u.id = wallet_accounts.user_id ' +
  'AND u.transaction_min_limit <= ? AND u.transaction_max_limit >= ? ' +
  `AND (s.block_type IS NULL OR s.block_type NOT IN (${WITHDRAWAL_BLOCKING_TYPES.join(', ')})))`;

/**
 * Appends a ledger row whose balance after is read from its account by the INSERT itself.
 * Parameters: type, amount, fee, provider and core transaction ids, service id, client IP,
 * language, note, created_at, then those of `accountWhere`.
 */
const appendLedgerEntry = (accountWhere: string) =>
  'INSERT INTO wallet_ledger (account_id, type, amount, fee, currency, balance_after, provider_transaction_id, ' +
  'core_transaction_id, service_id, client_ip, language, note, created_at) ' +
  `SELECT id, ?, ?, ?, currency, balance, ?, ?, ?, ?, ?, ?, ? FROM wallet_accounts WHERE ${accountWhere}`;

/** ... to the account with this id. */
export const APPEND_LEDGER_ENTRY = appendLedgerEntry('id = ?');

/** ... to the user's account in this currency (user id, currency). */
export const APPEND_LEDGER_ENTRY_FOR_USER = appendLedgerEntry('user_id = ? AND currency = ?');

/**
 * Opens the user's account in a currency at zero, unless they have one (then changes nothing).
 * Parameters: user id, currency, created_at, updated_at. `insertIgnoring` is the dialect's
 * `INSERT` that skips a row colliding with a unique key.
 */
export const openAccountAtZero = (insertIgnoring: string) =>
  `${insertIgnoring} INTO wallet_accounts (user_id, currency, balance, created_at, updated_at) VALUES (?, ?, 0, ?, ?)`;

/** The id of the user's account in a currency. Parameters: user id, currency. */
export const ACCOUNT_ID_OF_USER =
  'SELECT id FROM wallet_accounts WHERE user_id = ? AND currency = ?';

/**
 * Adds `amount` to an account unless its balance would pass a ceiling. Parameters: amount,
 * updated_at, account id, the ceiling minus the amount.
 */
export const CREDIT_UP_TO =
  'UPDATE wallet_accounts SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance <= ?';
