/**
 * Why a cash-desk operation was refused, whichever caller asked: each wire answers it in its own
 * way (the retail system with a plain HTTP status, the core and the front end with a code of the
 * seed's table). Thrown inside a transaction, it rolls it back: a refusal writes nothing.
 */
export type RefusalReason =
  | 'user_not_found'
  | 'location_not_found'
  | 'reservation_exists'
  | 'no_account'
  | 'insufficient_funds'
  | 'outside_limits'
  | 'account_blocked'
  | 'not_found'
  | 'transaction_not_found'
  /** Carried out before (a deposit credited, a reference used): the retry changes nothing. */
  | 'already_settled'
  /** Turned down before (a deposit rejected): nothing was credited, nor will be. */
  | 'already_rejected'
  /** The credit would take the balance past what the wallet holds (2^53 - 1 cents). */
  | 'balance_limit';

export class CashDeskRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    /** What the caller is told besides: the existing reservation's id and code, a status. */
    readonly facts: { id?: string; code?: string; status?: string } = {},
  ) {
    super(message);
    this.name = 'CashDeskRefusal';
  }
}
