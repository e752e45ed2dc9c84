import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config';
import { InjectConfig } from '../../../config/config.module';
import { MicroTime } from '../../../common/time/micro-time';
import { isUniqueViolationOf } from '../../../database/database-errors';
import { SqlDatabase, type SqlSession } from '../../../database/sql-database';
import { blocksWithdrawals } from '../../wallet/user-statuses';
import { CashDeskRefusal } from '../cash-desk.refusal';
import { LocationsRepository } from '../locations/locations.repository';
import { ReservationsRepository, type Reservation } from './reservations.repository';

export interface ReservationRequest {
  userId: number;
  /** Cents, more than zero. */
  amount: number;
  /** A known ISO 4217 code, upper case (each wire checks it in its own way). */
  currency: string;
  locationId: string;
  /** The balance the caller said the user has: recorded, never trusted. */
  declaredBalance?: number | null;
  description?: string | null;
  via: 'retail' | 'core' | 'front-end';
}

const OPEN_RESERVATION_KEY = {
  index: 'uq_maxbridge_reservations_open_user',
  columns: 'maxbridge_reservations.open_user_id',
};
const PICKUP_CODE_KEY = {
  index: 'uq_maxbridge_reservations_code',
  columns: 'maxbridge_reservations.code',
};

/** How many new pickup codes are tried when one is taken (8 digits: a clash is rare). */
const CODE_TRIES = 5;

/**
 * Withdraw reservations: cash a user will collect at a desk. Lockless (no money is held), but the
 * wallet's own balance must cover the amount when one is made; one open per user, enforced by the
 * database; open for MAXBRIDGE_RESERVATION_TTL; paid by the withdrawal that matches it.
 */
@Injectable()
export class ReservationsService {
  constructor(
    private readonly database: SqlDatabase,
    private readonly reservations: ReservationsRepository,
    private readonly locations: LocationsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Makes the reservation, or refuses (`reservation_exists` names the open one). One read checks
   * the user, the desk and the balance; the INSERT comes next, and only when the user's open
   * reservation is in the way is it expired (if its time is up) and the INSERT tried again: the
   * usual case is two statements in the transaction, and nothing read back after it.
   */
  async create(request: ReservationRequest): Promise<Reservation> {
    const now = MicroTime.now();
    try {
      return await this.database.transaction(async (session) => {
        const location = await this.check(session, request);
        const reservation = await this.insertWithFreshCode(session, request, now, location);
        return reservation;
      });
    } catch (error) {
      if (isUniqueViolationOf(error, OPEN_RESERVATION_KEY)) {
        const open = await this.reservations.openOf(request.userId, MicroTime.now());
        throw new CashDeskRefusal(
          'reservation_exists',
          'The user already has an open reservation',
          {
            id: open?.id,
            code: open?.code,
          },
        );
      }
      throw error;
    }
  }

  /** The user's open reservation; `not_found` when they have none. */
  async openOf(userId: number): Promise<Reservation> {
    const open = await this.reservations.openOf(userId, MicroTime.now());
    if (!open) throw new CashDeskRefusal('not_found', `User ${userId} has no open reservation`);
    return open;
  }

  /** Cancels the user's open reservation (that one only, when `id` is given). */
  async cancel(userId: number, id: string | null = null): Promise<Reservation> {
    const now = MicroTime.now();
    const open = await this.reservations.openOf(userId, now);
    if (!open || (id !== null && open.id !== id)) {
      throw new CashDeskRefusal('not_found', `User ${userId} has no such open reservation`);
    }
    const cancelled = await this.database.transaction((session) =>
      this.reservations.cancelOpen(session, userId, open.id, now),
    );
    // Paid or cancelled meanwhile by another call.
    if (!cancelled)
      throw new CashDeskRefusal('not_found', `User ${userId} has no such open reservation`);
    return (await this.reservations.byId(open.id))!;
  }

  /**
   * In a withdrawal's transaction: pays the user's open reservation if the withdrawal matches it,
   * and makes its desk the user's default when they have none.
   */
  async payMatching(
    session: SqlSession,
    withdrawal: { userId: number; currency: string; amount: number; fee: number | null },
    ledgerEntryId: number,
    now: MicroTime,
  ): Promise<void> {
    const fee = withdrawal.fee ?? 0;
    const paid = await this.reservations.payMatching(
      session,
      { ...withdrawal, amount: withdrawal.amount - fee, fee, ledgerEntryId },
      now,
    );
    if (paid)
      await this.locations.setDefaultIfNone(session, withdrawal.userId, paid.locationId, now);
  }

  /** The user, the desk and the balance, in one read; answers the desk. */
  private async check(session: SqlSession, request: ReservationRequest) {
    const facts = await this.reservations.factsFor(session, request);
    if (!facts.userExists) {
      throw new CashDeskRefusal('user_not_found', `User ${request.userId} does not exist`);
    }
    if (!facts.location) {
      throw new CashDeskRefusal(
        'location_not_found',
        `Location ${request.locationId} does not exist`,
      );
    }
    if (blocksWithdrawals(facts.blockType)) {
      throw new CashDeskRefusal('account_blocked', "The user's status blocks withdrawals");
    }
    if (facts.limits && (request.amount < facts.limits.min || request.amount > facts.limits.max)) {
      throw new CashDeskRefusal(
        'outside_limits',
        `The amount is outside the user's limits per transaction (${facts.limits.min} to ${facts.limits.max} cents)`,
      );
    }
    if (facts.balance === null) {
      throw new CashDeskRefusal('no_account', `The user has no account in ${request.currency}`);
    }
    if (facts.balance < request.amount) {
      throw new CashDeskRefusal('insufficient_funds', 'The balance does not cover the amount');
    }
    return facts.location;
  }

  /**
   * Inserts the reservation. A pickup code already taken is drawn again; the user's open
   * reservation in the way is expired if its time is up, once, and the INSERT tried again; still
   * in the way, the unique violation is the caller's (`reservation_exists`).
   */
  private async insertWithFreshCode(
    session: SqlSession,
    request: ReservationRequest,
    now: MicroTime,
    location: Reservation['location'],
  ): Promise<Reservation> {
    let expired = false;
    for (let tries = 1; ; tries++) {
      const reservation: Reservation = {
        id: randomUUID(),
        code: String(randomInt(10_000_000, 100_000_000)),
        confirmationPin: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        userId: request.userId,
        amount: request.amount,
        fee: 0,
        currency: request.currency,
        location,
        status: 'Approved',
        description: request.description ?? null,
        createdAt: now,
        expiresAt: MicroTime.fromMicros(now.micros + this.config.maxbridge.reservationTtlMs * 1000),
      };
      try {
        await this.reservations.insert(session, {
          ...reservation,
          locationId: location.id,
          declaredBalance: request.declaredBalance ?? null,
          createdVia: request.via,
        });
        return reservation;
      } catch (error) {
        if (!expired && isUniqueViolationOf(error, OPEN_RESERVATION_KEY)) {
          expired = true;
          if (await this.reservations.expireOpenOf(session, request.userId, now)) continue;
          throw error;
        }
        if (tries >= CODE_TRIES || !isUniqueViolationOf(error, PICKUP_CODE_KEY)) throw error;
      }
    }
  }
}
