import { Injectable } from '@nestjs/common';
import { currencyByCode } from '../../common/iso/currencies';
import { MicroTime } from '../../common/time/micro-time';
import { isUniqueViolation } from '../../database/database-errors';
import type { SqlSession } from '../../database/sql-database';
import { MaxBridgeError } from '../maxbridge.error';
import { DocumentStatus, DOCUMENT_TYPES } from './document-types';
import { hashPassword } from '../../common/auth/password-hash';
import { REGISTERED_STATUS_ID } from './user-statuses';
import { newCoreTransactionId, WalletService } from './wallet.service';
import { WalletRepository } from './wallet.repository';

/** A refusal of an administration command, with a stable code for `--json`. */
export class WalletAdminError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WalletAdminError';
  }
}

export interface NewWalletUser {
  userName: string;
  password: string;
  currency: string;
  /** Opening balance in cents, written as an adjustment ledger row. */
  balance: number;
  statusId?: number;
  fullName?: string;
  birthDate?: string;
  minLimit?: number;
  maxLimit?: number;
  registrationDomain?: string;
}

export interface NewWalletDocument {
  userId: number;
  typeId: number;
  number: string;
  personalId?: string;
  countryId?: number;
  issueDate?: string;
  expirationDate?: string;
  issuingAuthority?: string;
  issuingPlace?: string;
  status?: DocumentStatus;
  statusNote?: string;
}

/** Default single-transaction limits of a new user, in cents: 1.00 to 100,000.00. */
export const DEFAULT_MIN_LIMIT = 100;
export const DEFAULT_MAX_LIMIT = 10_000_000;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Wallet administration (the `maxbridge` commands): users, documents, adjustments. */
@Injectable()
export class WalletAdminService {
  constructor(
    private readonly wallet: WalletRepository,
    private readonly walletService: WalletService,
  ) {}

  async createUser(input: NewWalletUser): Promise<number> {
    const userName = input.userName.trim();
    if (!/^[\w.@-]{3,64}$/.test(userName)) {
      throw new WalletAdminError(
        'INVALID_USERNAME',
        'The username must be 3 to 64 letters, digits, dots, dashes, underscores or @',
      );
    }
    if (input.password.length < 8) {
      throw new WalletAdminError('WEAK_PASSWORD', 'The password must have at least 8 characters');
    }
    const currency = this.currency(input.currency);
    this.cents('balance', input.balance, 0);
    const statusId = input.statusId ?? REGISTERED_STATUS_ID;
    if (!(await this.wallet.statusExists(statusId))) {
      throw new WalletAdminError('UNKNOWN_STATUS', `There is no user status ${statusId}`);
    }
    const minLimit = this.cents('min limit', input.minLimit ?? DEFAULT_MIN_LIMIT, 1);
    const maxLimit = this.cents('max limit', input.maxLimit ?? DEFAULT_MAX_LIMIT, minLimit);
    if (input.birthDate !== undefined && !DATE.test(input.birthDate)) {
      throw new WalletAdminError('INVALID_DATE', 'The birth date must be YYYY-MM-DD');
    }
    const passwordHash = await hashPassword(input.password);
    const now = MicroTime.now();
    try {
      return await this.wallet.transaction(async (session) => {
        const userId = await this.wallet.insertUser(
          session,
          {
            userName,
            passwordHash,
            fullName: input.fullName ?? null,
            birthDate: input.birthDate ?? null,
            maxLimit,
            minLimit,
            statusId,
            preferredCurrencyId: currency.numeric,
            registrationDomain: input.registrationDomain ?? null,
            additionalData: null,
          },
          now,
        );
        const accountId = await this.wallet.ensureAccount(session, userId, currency.code, now);
        if (input.balance > 0) {
          await this.adjust(
            session,
            accountId,
            currency.code,
            input.balance,
            'opening balance',
            now,
          );
        }
        return userId;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new WalletAdminError('USERNAME_TAKEN', `The username "${userName}" is taken`);
      }
      throw error;
    }
  }

  async addDocument(input: NewWalletDocument): Promise<number> {
    if (!DOCUMENT_TYPES.has(input.typeId)) {
      throw new WalletAdminError(
        'UNKNOWN_DOCUMENT_TYPE',
        `Document types: ${[...DOCUMENT_TYPES].map(([id, name]) => `${id} ${name}`).join(', ')}`,
      );
    }
    const number = input.number.trim();
    if (number === '' || number.length > 64) {
      throw new WalletAdminError(
        'INVALID_DOCUMENT',
        'The document number must be 1 to 64 characters',
      );
    }
    for (const [label, date] of [
      ['issue date', input.issueDate],
      ['expiration date', input.expirationDate],
    ] as const) {
      if (date !== undefined && !DATE.test(date)) {
        throw new WalletAdminError('INVALID_DATE', `The ${label} must be YYYY-MM-DD`);
      }
    }
    await this.existingUser(input.userId);
    return this.wallet.transaction((session) =>
      this.wallet.insertDocument(
        session,
        {
          user_id: input.userId,
          document_type_id: input.typeId,
          document_number: number,
          personal_id: input.personalId ?? null,
          country_id: input.countryId ?? null,
          issue_date: input.issueDate ?? null,
          expiration_date: input.expirationDate ?? null,
          issuing_authority: input.issuingAuthority ?? null,
          issuing_place: input.issuingPlace ?? null,
          additional_data: null,
          status: input.status ?? DocumentStatus.Unverified,
          status_note: input.statusNote ?? null,
        },
        MicroTime.now(),
      ),
    );
  }

  /** Adds money to the user's account in `currency` (opened if needed): an adjustment row. */
  async credit(userId: number, amount: number, currencyCode: string, note: string | null) {
    this.cents('amount', amount, 1);
    const currency = this.currency(currencyCode);
    await this.existingUser(userId);
    const now = MicroTime.now();
    return this.wallet.transaction(async (session) => {
      const accountId = await this.wallet.ensureAccount(session, userId, currency.code, now);
      return this.adjust(session, accountId, currency.code, amount, note ?? 'credit', now);
    });
  }

  private async adjust(
    session: SqlSession,
    accountId: number,
    currency: string,
    amount: number,
    note: string,
    now: MicroTime,
  ): Promise<number> {
    if (!(await this.wallet.credit(session, accountId, amount, Number.MAX_SAFE_INTEGER, now))) {
      throw new WalletAdminError('BALANCE_TOO_LARGE', 'The balance would pass 2^53 - 1 cents');
    }
    return this.wallet.appendEntry(
      session,
      {
        accountId,
        type: 'adjustment',
        amount,
        fee: null,
        currency,
        providerTransactionId: null,
        coreTransactionId: newCoreTransactionId(),
        serviceId: null,
        clientIp: null,
        language: null,
        note: note.slice(0, 200),
      },
      now,
    );
  }

  /** The user with each account's balance beside the sum of its ledger rows (always equal). */
  async showUser(userId: number) {
    const { user, accounts, documents } = await this.walletService
      .userInfo(userId)
      .catch((error) => {
        if (error instanceof MaxBridgeError) throw this.noSuchUser(userId);
        throw error;
      });
    const ledgerSums = await Promise.all(accounts.map((a) => this.wallet.ledgerSum(a.id)));
    return {
      user,
      accounts: accounts.map((a, i) => ({
        ...a,
        balance: Number(a.balance),
        ledgerSum: ledgerSums[i],
      })),
      documents,
    };
  }

  private async existingUser(userId: number): Promise<void> {
    if (!(await this.wallet.findUser(userId))) throw this.noSuchUser(userId);
  }

  private noSuchUser(userId: number): WalletAdminError {
    return new WalletAdminError('USER_NOT_FOUND', `There is no user ${userId}`);
  }

  private currency(code: string) {
    const currency = currencyByCode(code.trim().toUpperCase());
    if (!currency) {
      throw new WalletAdminError('UNKNOWN_CURRENCY', `"${code}" is not an ISO 4217 currency code`);
    }
    return currency;
  }

  private cents(label: string, value: number, min: number): number {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new WalletAdminError(
        'INVALID_AMOUNT',
        `The ${label} must be an integer of cents >= ${min}`,
      );
    }
    return value;
  }
}
