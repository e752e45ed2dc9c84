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
  | 'already_settled';

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
