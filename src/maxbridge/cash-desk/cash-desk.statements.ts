import { DEPOSIT_BLOCKING_TYPES } from '../wallet/user-statuses';

/**
 * The cash desk's statements, in one place: its repositories and the retail key check run them,
 * and the raw mysql2 loops of bench:maxbridge (bench/support/maxbridge-debit-ceiling.js for
 * withdrawals, bench/support/maxbridge-cash-desk-ceiling.js for reservation creates and SSBT
 * commits) load them from `dist/`, so that their ceilings stay the service's very own work. A
 * statement with a part that differs between dialects is a function of the dialect's piece.
 */

// ---- retail keys ----------------------------------------------------------------------------

/** Whether a retail key is one we made and did not revoke. Parameters: the key's SHA-256 (hex). */
export const VALID_RETAIL_KEY =
  'SELECT id FROM maxbridge_retail_keys WHERE key_hash = ? AND revoked_at IS NULL';

// ---- reservations -----------------------------------------------------------------------------

/**
 * The user's open reservation that a withdrawal matches (currency, amount without the fee,
 * unexpired), locked for the withdrawal's transaction. Parameters: user id, currency, amount,
 * now. `forUpdate` is the dialect's locking clause.
 */
export const openReservationMatching = (forUpdate: string) =>
  'SELECT id, location_id FROM maxbridge_reservations WHERE open_user_id = ? AND currency = ? AND amount = ? ' +
  `AND expires_at > ? ${forUpdate}`;

/**
 * What a new reservation is checked against, in one row: the user and their status's block type
 * and limits, the desk, and the balance in the currency (each null when missing). Parameters:
 * user id, location id, currency.
 */
export const RESERVATION_FACTS =
  'SELECT u.id AS user_id, s.block_type, u.transaction_min_limit AS min_limit, ' +
  'u.transaction_max_limit AS max_limit, l.id AS location_id, l.name AS location_name, ' +
  'l.description AS location_description, a.balance FROM (SELECT 1 AS one) x ' +
  'LEFT JOIN wallet_users u ON u.id = ? LEFT JOIN wallet_user_statuses s ON s.id = u.user_status_id ' +
  'LEFT JOIN maxbridge_locations l ON l.id = ? ' +
  'LEFT JOIN wallet_accounts a ON a.user_id = u.id AND a.currency = ?';

/**
 * Inserts an open (Approved) reservation, fee 0; fails on the unique `open_user_id` when the user
 * has one open already, or on the unique pickup code. Parameters: id, code, confirmation PIN,
 * user id, user id again (its `open_user_id`), amount, currency, location id, description,
 * declared balance, created via, created_at, expires_at.
 */
export const INSERT_RESERVATION =
  'INSERT INTO maxbridge_reservations (id, code, confirmation_pin, user_id, open_user_id, amount, fee, currency, ' +
  'location_id, status, description, declared_balance, created_via, ledger_entry_id, created_at, expires_at, closed_at) ' +
  "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 'Approved', ?, ?, ?, NULL, ?, ?, NULL)";

/** The user's open reservation whose time is up (a plain read). Parameters: user id, now. */
export const EXPIRED_OPEN_RESERVATION =
  'SELECT id FROM maxbridge_reservations WHERE open_user_id = ? AND expires_at <= ?';

/**
 * Closes that reservation as Expired, if it is still open and its time up. Parameters: its id,
 * user id, now.
 */
export const EXPIRE_OPEN_RESERVATION =
  "UPDATE maxbridge_reservations SET status = 'Expired', open_user_id = NULL, closed_at = expires_at " +
  'WHERE id = ? AND open_user_id = ? AND expires_at <= ?';

// ---- SSBT deposits ----------------------------------------------------------------------------

/**
 * Moves a Pending deposit to `status`, in one conditional statement (of two at once, the second
 * waits for the first's row lock and then changes nothing). Parameters: status, credited via
 * (null unless Success), settled_at, deposit id.
 */
export const SETTLE_SSBT_DEPOSIT =
  'UPDATE maxbridge_ssbt_deposits SET status = ?, credited_via = ?, settled_at = ? ' +
  "WHERE id = ? AND status = 'Pending'";

/**
 * ... only when it is this user's, and their status does not block deposits (a block that came
 * after the deposit was opened): the same parameters, then the user id.
 */
export const SETTLE_SSBT_DEPOSIT_OF_USER =
  `${SETTLE_SSBT_DEPOSIT} AND user_id = ? AND NOT EXISTS (SELECT 1 FROM wallet_users u ` +
  'JOIN wallet_user_statuses s ON s.id = u.user_status_id WHERE u.id = maxbridge_ssbt_deposits.user_id ' +
  `AND s.block_type IN (${DEPOSIT_BLOCKING_TYPES.join(', ')}))`;

/** A user's status's block type, null for none (or no such user). Parameters: user id. */
export const USER_BLOCK_TYPE =
  'SELECT u.id, s.block_type FROM wallet_users u ' +
  'LEFT JOIN wallet_user_statuses s ON s.id = u.user_status_id WHERE u.id = ?';

/** A deposit's columns; `createdAt` is the dialect's text of `created_at` (timestampText). */
const selectSsbtDeposits = (createdAt: string) =>
  'SELECT id, user_id, amount, currency, device_id, reference, status, ledger_entry_id, ' +
  `${createdAt} AS created_at FROM maxbridge_ssbt_deposits`;

/** The deposit with this id. Parameters: deposit id. */
export const ssbtDepositById = (createdAt: string) =>
  `${selectSsbtDeposits(createdAt)} WHERE id = ?`;

/** The deposit opened with this terminal reference. Parameters: reference. */
export const ssbtDepositByReference = (createdAt: string) =>
  `${selectSsbtDeposits(createdAt)} WHERE reference = ?`;

/** Links a credited deposit to its ledger row. Parameters: ledger entry id, deposit id. */
export const SET_SSBT_LEDGER_ENTRY =
  'UPDATE maxbridge_ssbt_deposits SET ledger_entry_id = ? WHERE id = ?';
