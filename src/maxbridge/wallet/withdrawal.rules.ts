import { currencyByCode } from '../../common/iso/currencies';
import { MaxBridgeCode } from '../maxbridge-code';
import { blocksWithdrawals } from './user-statuses';

/** A cash-desk withdrawal, as the retail system asks for it (amounts in cents). */
export interface WithdrawalRequest {
  userId: number;
  amount: number;
  currency: string;
  serviceId: number;
  ip: string | null;
  lang: string | null;
  /** Part of `amount`, kept by the cash desk; null when none is charged. */
  fee: number | null;
  /** The retail system's id of the transaction: one debit per id, ever. */
  transactionId: string;
}

/** What the wallet knows of the user and their account in the requested currency. */
export interface WithdrawalTarget {
  blockType: number | null;
  minLimit: number;
  maxLimit: number;
  /** Null when the user has no account in that currency. */
  accountId: number | null;
  /** Whether the request's `transactionId` was used before (by anyone). */
  transactionIdUsed: boolean;
}

/** The code of a request that is wrong whoever the user is, in the order they are checked. */
export function requestProblem(request: WithdrawalRequest): MaxBridgeCode | null {
  if (!currencyByCode(request.currency)) return MaxBridgeCode.CURRENCY_NOT_FOUND;
  if (request.amount < 0) return MaxBridgeCode.CAN_NOT_BE_NEGATIVE;
  if (request.amount === 0) return MaxBridgeCode.MUST_BE_MORE_THAN_ZERO;
  if (request.fee !== null) {
    if (request.fee < 0) return MaxBridgeCode.CAN_NOT_BE_NEGATIVE;
    if (request.fee === 0) return MaxBridgeCode.TX_FEE_MUST_BE_NULL_OR_MORE_THAN_ZERO;
    if (request.fee > request.amount) return MaxBridgeCode.FEE_EXCEEDS_TRANSACTION_AMOUNT;
  }
  return null;
}

/**
 * The code of a withdrawal this user may not make from this account, before looking at funds. A
 * used transaction id seen here is answered at once; two first uses racing are told apart later,
 * by the ledger's unique index. It comes before the user's status and limits: a retry of a
 * withdrawal carried out is told so (151) even if the user was blocked or their limits changed
 * since, or the desk would take the retry's refusal for the first one's and pay no cash.
 */
export function targetProblem(
  target: WithdrawalTarget | null,
  amount: number,
): MaxBridgeCode | null {
  if (!target) return MaxBridgeCode.ACCOUNT_NOT_FOUND;
  if (target.transactionIdUsed) return MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID;
  if (blocksWithdrawals(target.blockType)) return MaxBridgeCode.ACCOUNT_IS_BLOCKED;
  if (target.accountId === null) return MaxBridgeCode.USERS_ACCOUNTS_NOT_FOUND;
  if (amount < target.minLimit || amount > target.maxLimit) {
    return MaxBridgeCode.TRANSACTION_AMOUNT_AND_LIMIT_DONT_MATCH;
  }
  return null;
}
