import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { isUniqueViolationOf } from '../../../database/database-errors';
import { SqlDatabase } from '../../../database/sql-database';
import { blocksDeposits } from '../../wallet/user-statuses';
import { WalletService } from '../../wallet/wallet.service';
import { USER_BLOCK_TYPE } from '../cash-desk.statements';
import { CashDeskRefusal } from '../cash-desk.refusal';
import { SsbtDepositsRepository, type SsbtDeposit } from './ssbt-deposits.repository';

export interface NewSsbtDeposit {
  userId: number;
  amount: number;
  currency: string;
  deviceId: number;
  reference: string;
}

export interface SsbtCredit {
  deposit: SsbtDeposit;
  ledgerEntryId: number;
  coreTransactionId: string;
}

const REFERENCE_KEY = {
  index: 'uq_maxbridge_ssbt_deposits_reference',
  columns: 'maxbridge_ssbt_deposits.reference',
};

/**
 * Deposits at self-service terminals: a terminal opens one Pending; the retail system's commit or
 * the player's deposit from the front end credits it to the wallet, whichever comes first (the
 * other is refused and credits nothing); the retail system may reject it while it is Pending.
 */
@Injectable()
export class SsbtDepositsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly deposits: SsbtDepositsRepository,
    private readonly wallet: WalletService,
  ) {}

  /**
   * Opens a Pending deposit. The terminal's `reference` is its transaction id: sent again with the
   * same facts (a retry), it answers the deposit it opened; with other facts, a conflict.
   */
  async open(request: NewSsbtDeposit): Promise<SsbtDeposit> {
    const [user] = await this.database.select<{ block_type: number | string | null }>(
      USER_BLOCK_TYPE,
      [request.userId],
    );
    if (!user) throw new CashDeskRefusal('user_not_found', `User ${request.userId} does not exist`);
    if (blocksDeposits(user.block_type === null ? null : Number(user.block_type))) {
      throw new CashDeskRefusal('account_blocked', "The user's status blocks deposits");
    }
    const id = randomUUID();
    try {
      await this.database.transaction((session) =>
        this.deposits.insert(session, { ...request, id, createdAt: MicroTime.now() }),
      );
    } catch (error) {
      if (!isUniqueViolationOf(error, REFERENCE_KEY)) throw error;
      const known = await this.deposits.byReference(request.reference);
      if (known && sameFacts(known, request)) return known;
      throw new CashDeskRefusal(
        'already_settled',
        `Reference ${request.reference} was used for another deposit`,
        { id: known?.id },
      );
    }
    return (await this.deposits.byId(id))!;
  }

  async get(id: string): Promise<SsbtDeposit> {
    const deposit = await this.deposits.byId(id);
    if (!deposit) {
      throw new CashDeskRefusal('transaction_not_found', `SSBT deposit ${id} does not exist`);
    }
    return deposit;
  }

  /** The user's deposit by its id or its terminal reference; another user's is not found. */
  async ofUser(userId: number, key: { id?: string; reference?: string }): Promise<SsbtDeposit> {
    const deposit = key.id
      ? await this.deposits.byId(key.id)
      : await this.deposits.byReference(key.reference ?? '');
    if (!deposit || deposit.userId !== userId) {
      throw new CashDeskRefusal('transaction_not_found', 'No such SSBT deposit for this user');
    }
    return deposit;
  }

  /**
   * Credits the user's Pending deposit to the wallet, once: the move to Success and the ledger
   * row commit together. Refused when it is not the user's (`transaction_not_found`), or no longer Pending
   * (`already_settled` when credited, `already_rejected` when turned down, with its status), when
   * the user's status blocks deposits now (`account_blocked`: it stays Pending, for the terminal
   * to reject), or when the balance would pass what the wallet holds (`balance_limit`).
   */
  async credit(id: string, userId: number, via: 'retail' | 'front-end'): Promise<SsbtCredit> {
    const now = MicroTime.now();
    const credit = await this.database.transaction(async (session) => {
      if (!(await this.deposits.settle(session, id, userId, 'Success', via, now))) return null;
      const deposit = (await this.deposits.byId(id, session))!;
      const credited = await this.wallet.deposit(
        session,
        {
          userId,
          amount: deposit.amount,
          currency: deposit.currency,
          // The deposit row keeps the link (its ledger_entry_id) and makes the credit once-only:
          // no provider id here, whose unique key a withdrawal's transaction_id could take first.
          providerTransactionId: null,
          serviceId: deposit.deviceId,
          note: `SSBT deposit ${deposit.id}, terminal reference ${deposit.reference}`.slice(0, 200),
        },
        now,
      );
      if (!credited) throw new CashDeskRefusal('balance_limit', 'The balance would be too large');
      await this.deposits.setLedgerEntry(session, id, credited.ledgerEntryId);
      return { deposit: { ...deposit, ledgerEntryId: credited.ledgerEntryId }, ...credited };
    });
    // Why, read once the transaction let its connection go: a read on another connection while
    // holding this one would let a few concurrent refusals take the whole pool and wait forever.
    if (credit === null) throw await this.whyNotPending(id, userId);
    return credit;
  }

  /** Rejects a Pending deposit (the terminal gives the cash back); only from Pending. */
  async reject(id: string): Promise<SsbtDeposit> {
    const rejected = await this.database.transaction((session) =>
      this.deposits.settle(session, id, null, 'Rejected', 'retail', MicroTime.now()),
    );
    if (!rejected) throw await this.whyNotPending(id, null);
    return (await this.deposits.byId(id))!;
  }

  private async whyNotPending(id: string, userId: number | null): Promise<CashDeskRefusal> {
    const deposit = await this.deposits.byId(id);
    if (!deposit || (userId !== null && deposit.userId !== userId)) {
      return new CashDeskRefusal(
        'transaction_not_found',
        `SSBT deposit ${id} does not exist for this user`,
      );
    }
    // Still Pending: the settle refused it for the user's status (SETTLE_SSBT_DEPOSIT_OF_USER).
    if (deposit.status === 'Pending') {
      return new CashDeskRefusal('account_blocked', "The user's status blocks deposits");
    }
    return new CashDeskRefusal(
      deposit.status === 'Rejected' ? 'already_rejected' : 'already_settled',
      `SSBT deposit ${id} is ${deposit.status}, not Pending`,
      {
        status: deposit.status,
      },
    );
  }
}

const sameFacts = (d: SsbtDeposit, r: NewSsbtDeposit) =>
  d.userId === r.userId &&
  d.amount === r.amount &&
  d.currency === r.currency &&
  d.deviceId === r.deviceId;
