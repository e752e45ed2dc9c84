import { Injectable } from '@nestjs/common';
import { currencyByNumeric } from '../../common/iso/currencies';
import { randomHex } from '../../common/random/random-pool';
import { MicroTime } from '../../common/time/micro-time';
import { isUniqueViolation } from '../../database/database-errors';
import type { SqlSession } from '../../database/sql-database';
import { MaxBridgeCode } from '../maxbridge-code';
import { MaxBridgeError } from '../maxbridge.error';
import {
  WalletRepository,
  type AccountRow,
  type DocumentRow,
  type UserRow,
} from './wallet.repository';
import { requestProblem, targetProblem, type WithdrawalRequest } from './withdrawal.rules';

export interface WalletUser {
  user: UserRow;
  accounts: AccountRow[];
  documents: DocumentRow[];
}

export interface WithdrawalReceipt {
  /** Our ledger row. */
  sisTransactionId: number;
  /** The retail system's id, as it sent it. */
  providerTransactionId: string;
  coreTransactionId: string;
}

/** A new core transaction id: 16 hex digits, as long as the seed's `"xxxxxxxxxxxxxxxx"`. */
export const newCoreTransactionId = () => randomHex(8);

/** The wallet as MaxBridge uses it: who a user is, and money out through a cash desk. */
@Injectable()
export class WalletService {
  constructor(private readonly wallet: WalletRepository) {}

  /** The user with their accounts and documents; 125 when there is no such user. */
  async userInfo(userId: number): Promise<WalletUser> {
    const user = await this.wallet.findUser(userId);
    if (!user) throw new MaxBridgeError(MaxBridgeCode.ACCOUNT_NOT_FOUND);
    const [accounts, documents] = await Promise.all([
      this.wallet.findAccounts(userId),
      this.wallet.findDocuments(userId),
    ]);
    return { user, accounts, documents };
  }

  /**
   * Debits `amount` once per `transactionId`, with its ledger row, in one transaction. The debit
   * is one conditional statement that checks everything a withdrawal needs; only when it refuses
   * is the wallet read, to tell why (withdrawal.rules.ts). Every refusal rolls back or comes before
   * any write: a refused withdrawal leaves no trace.
   */
  async withdraw(
    request: WithdrawalRequest,
    /** More work in the debit's transaction, given its ledger row (a reservation it pays). */
    alsoInTransaction?: (
      session: SqlSession,
      ledgerEntryId: number,
      now: MicroTime,
    ) => Promise<void>,
  ): Promise<WithdrawalReceipt> {
    const problem = requestProblem(request);
    if (problem !== null) throw new MaxBridgeError(problem);
    const coreTransactionId = newCoreTransactionId();
    const now = MicroTime.now();
    try {
      const sisTransactionId = await this.wallet.transaction(async (session) => {
        if (!(await this.wallet.debitIfAllowed(session, request, now)))
          throw new WithdrawalRefused();
        const entryId = await this.wallet.appendEntryForUser(
          session,
          request.userId,
          {
            type: 'withdraw',
            amount: -request.amount,
            fee: request.fee,
            currency: request.currency,
            providerTransactionId: request.transactionId,
            coreTransactionId,
            serviceId: request.serviceId,
            clientIp: request.ip,
            language: request.lang,
            note: null,
          },
          now,
        );
        await alsoInTransaction?.(session, entryId, now);
        return entryId;
      });
      return { sisTransactionId, providerTransactionId: request.transactionId, coreTransactionId };
    } catch (error) {
      if (error instanceof WithdrawalRefused)
        throw new MaxBridgeError(await this.whyRefused(request));
      if (isUniqueViolation(error)) {
        throw new MaxBridgeError(MaxBridgeCode.DUPLICATED_PROVIDERS_TRANSACTIONID);
      }
      throw error;
    }
  }

  /**
   * Credits `amount` to the user's account in `currency` (opened at zero when there is none),
   * with its `deposit` ledger row, in the caller's transaction. False when the balance would pass
   * 2^53 - 1 cents (nothing is written then).
   */
  async deposit(
    session: SqlSession,
    deposit: {
      userId: number;
      amount: number;
      currency: string;
      /** The other system's id, unique in the ledger; null when the caller keeps the link. */
      providerTransactionId: string | null;
      serviceId: number | null;
      note: string | null;
    },
    now: MicroTime,
  ): Promise<{ ledgerEntryId: number; coreTransactionId: string } | null> {
    const accountId = await this.wallet.ensureAccount(
      session,
      deposit.userId,
      deposit.currency,
      now,
    );
    if (
      !(await this.wallet.credit(session, accountId, deposit.amount, Number.MAX_SAFE_INTEGER, now))
    )
      return null;
    const coreTransactionId = newCoreTransactionId();
    const ledgerEntryId = await this.wallet.appendEntry(
      session,
      {
        accountId,
        type: 'deposit',
        amount: deposit.amount,
        fee: null,
        currency: deposit.currency,
        providerTransactionId: deposit.providerTransactionId,
        coreTransactionId,
        serviceId: deposit.serviceId,
        clientIp: null,
        language: null,
        note: deposit.note,
      },
      now,
    );
    return { ledgerEntryId, coreTransactionId };
  }

  /** Why the debit was refused, read after the fact; short funds when nothing else explains it. */
  private async whyRefused(request: WithdrawalRequest): Promise<MaxBridgeCode> {
    const target = await this.wallet.findWithdrawalTarget(
      request.userId,
      request.currency,
      request.transactionId,
    );
    return targetProblem(target, request.amount) ?? MaxBridgeCode.INSUFFICIENT_FUNDS;
  }
}

/** Thrown inside the transaction to roll it back when the conditional debit changed nothing. */
class WithdrawalRefused extends Error {}

/** The account `userinfo` shows: the preferred currency's, else the first one opened. */
export function displayedAccount(user: UserRow, accounts: AccountRow[]): AccountRow | null {
  const preferred = currencyByNumeric(user.preferred_currency_id)?.code;
  return accounts.find((a) => a.currency === preferred) ?? accounts[0] ?? null;
}
