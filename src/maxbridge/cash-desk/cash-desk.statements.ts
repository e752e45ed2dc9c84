/**
 * The cash desk's statement that every withdrawal runs, in one place: the reservations repository
 * runs it, and the raw debit loop of bench/maxbridge.js (bench/support/maxbridge-debit-ceiling.js)
 * loads it from `dist/`, so that its ceiling stays the service's very own withdrawal.
 */

/**
 * The user's open reservation that a withdrawal matches (currency, amount without the fee,
 * unexpired), locked for the withdrawal's transaction. Parameters: user id, currency, amount,
 * now. `forUpdate` is the dialect's locking clause.
 */
export const openReservationMatching = (forUpdate: string) =>
  'SELECT id, location_id FROM maxbridge_reservations WHERE open_user_id = ? AND currency = ? AND amount = ? ' +
  `AND expires_at > ? ${forUpdate}`;
