import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../../database/sql-database';
import {
  EXPIRE_OPEN_RESERVATION,
  EXPIRED_OPEN_RESERVATION,
  INSERT_RESERVATION,
  openReservationMatching,
  RESERVATION_FACTS,
} from '../cash-desk.statements';

export type ReservationStatus = 'Approved' | 'Paid' | 'Expired' | 'Cancelled';

export interface NewReservation {
  id: string;
  code: string;
  confirmationPin: string;
  userId: number;
  amount: number;
  currency: string;
  locationId: string;
  description: string | null;
  declaredBalance: number | null;
  createdVia: 'retail' | 'core' | 'front-end';
  createdAt: MicroTime;
  expiresAt: MicroTime;
}

export interface Reservation {
  id: string;
  code: string;
  confirmationPin: string;
  userId: number;
  amount: number;
  fee: number;
  currency: string;
  location: { id: string; name: string; description: string | null };
  status: ReservationStatus;
  description: string | null;
  createdAt: MicroTime;
  expiresAt: MicroTime;
}

interface ReservationRow {
  id: string;
  code: string;
  confirmation_pin: string;
  user_id: number | string;
  amount: number | string;
  fee: number | string;
  currency: string;
  location_id: string;
  location_name: string;
  location_description: string | null;
  status: ReservationStatus;
  description: string | null;
  created_at: string;
  expires_at: string;
}

/** Withdraw reservations. The open one of a user is the row whose `open_user_id` is theirs. */
@Injectable()
export class ReservationsRepository {
  constructor(private readonly database: SqlDatabase) {}

  /** Inserts an open reservation; fails on the unique `open_user_id` when one is open already. */
  async insert(session: SqlSession, r: NewReservation): Promise<void> {
    await session.execute(INSERT_RESERVATION, [
      r.id,
      r.code,
      r.confirmationPin,
      r.userId,
      r.userId,
      r.amount,
      r.currency,
      r.locationId,
      r.description,
      r.declaredBalance,
      r.createdVia,
      r.createdAt.toDatabaseText(),
      r.expiresAt.toDatabaseText(),
    ]);
  }

  /**
   * Closes the user's open reservation if its time is up (status Expired); false when there is
   * none to close. A plain read first: the UPDATE's lock is taken only when there is one, so
   * that concurrent creates that find an open one in their way never wait on each other here.
   */
  async expireOpenOf(session: SqlSession, userId: number, now: MicroTime): Promise<boolean> {
    const [expired] = await session.select<{ id: string }>(EXPIRED_OPEN_RESERVATION, [
      userId,
      now.toDatabaseText(),
    ]);
    if (!expired) return false;
    const closed = await session.execute(EXPIRE_OPEN_RESERVATION, [
      expired.id,
      userId,
      now.toDatabaseText(),
    ]);
    return closed > 0;
  }

  /** The user's open reservation (Approved and unexpired), with its desk. */
  async openOf(
    userId: number,
    now: MicroTime,
    session: Pick<SqlSession, 'select' | 'dialect'> = this.database,
  ): Promise<Reservation | null> {
    const [row] = await session.select<ReservationRow>(
      `${this.selectSql(session)} WHERE r.open_user_id = ? AND r.expires_at > ?`,
      [userId, now.toDatabaseText()],
    );
    return row ? toReservation(row) : null;
  }

  /** The reservation with this id, whatever its state. */
  async byId(id: string): Promise<Reservation | null> {
    const [row] = await this.database.select<ReservationRow>(
      `${this.selectSql(this.database)} WHERE r.id = ?`,
      [id],
    );
    return row ? toReservation(row) : null;
  }

  /** Cancels the user's open reservation (only the one with `id` when given); false when none. */
  async cancelOpen(session: SqlSession, userId: number, id: string | null, now: MicroTime) {
    const changed = await session.execute(
      "UPDATE maxbridge_reservations SET status = 'Cancelled', open_user_id = NULL, closed_at = ? " +
        `WHERE open_user_id = ? AND expires_at > ?${id === null ? '' : ' AND id = ?'}`,
      [now.toDatabaseText(), userId, now.toDatabaseText(), ...(id === null ? [] : [id])],
    );
    return changed > 0;
  }

  /**
   * Pays the user's open reservation when a withdrawal matches it (currency, and amount without
   * the fee), in the withdrawal's transaction. Answers the paid reservation's desk, or null.
   */
  async payMatching(
    session: SqlSession,
    withdrawal: {
      userId: number;
      currency: string;
      amount: number;
      fee: number;
      ledgerEntryId: number;
    },
    now: MicroTime,
  ): Promise<{ locationId: string } | null> {
    const [open] = await session.select<{ id: string; location_id: string }>(
      openReservationMatching(session.dialect.forUpdate),
      [withdrawal.userId, withdrawal.currency, withdrawal.amount, now.toDatabaseText()],
    );
    if (!open) return null;
    await session.execute(
      "UPDATE maxbridge_reservations SET status = 'Paid', open_user_id = NULL, closed_at = ?, fee = ?, ledger_entry_id = ? " +
        'WHERE id = ?',
      [now.toDatabaseText(), withdrawal.fee, withdrawal.ledgerEntryId, open.id],
    );
    return { locationId: open.location_id };
  }

  /**
   * What a new reservation must be checked against, in one read: whether the user exists and
   * their status's block type, the desk (null when unknown), and the balance in the currency
   * (null without an account in it).
   */
  async factsFor(
    session: SqlSession,
    request: { userId: number; locationId: string; currency: string },
  ): Promise<{
    userExists: boolean;
    blockType: number | null;
    /** The user's limits per transaction, in cents (a withdrawal outside them is refused). */
    limits: { min: number; max: number } | null;
    location: Reservation['location'] | null;
    balance: number | null;
  }> {
    const [row] = await session.select<{
      user_id: number | string | null;
      block_type: number | string | null;
      min_limit: number | string | null;
      max_limit: number | string | null;
      location_id: string | null;
      location_name: string | null;
      location_description: string | null;
      balance: number | string | null;
    }>(RESERVATION_FACTS, [request.userId, request.locationId, request.currency]);
    return {
      userExists: row.user_id !== null,
      blockType: row.block_type === null ? null : Number(row.block_type),
      limits:
        row.user_id === null ? null : { min: Number(row.min_limit), max: Number(row.max_limit) },
      location:
        row.location_id === null
          ? null
          : {
              id: row.location_id,
              name: row.location_name!,
              description: row.location_description,
            },
      balance: row.balance === null ? null : Number(row.balance),
    };
  }

  private selectSql(session: Pick<SqlSession, 'dialect'>): string {
    const time = (column: string) => `${session.dialect.timestampText(`r.${column}`)} AS ${column}`;
    return (
      'SELECT r.id, r.code, r.confirmation_pin, r.user_id, r.amount, r.fee, r.currency, r.location_id, ' +
      'l.name AS location_name, l.description AS location_description, r.status, r.description, ' +
      `${time('created_at')}, ${time('expires_at')} ` +
      'FROM maxbridge_reservations r JOIN maxbridge_locations l ON l.id = r.location_id'
    );
  }
}

const toReservation = (row: ReservationRow): Reservation => ({
  id: row.id,
  code: row.code,
  confirmationPin: row.confirmation_pin,
  userId: Number(row.user_id),
  amount: Number(row.amount),
  fee: Number(row.fee),
  currency: row.currency,
  location: { id: row.location_id, name: row.location_name, description: row.location_description },
  status: row.status,
  description: row.description,
  createdAt: MicroTime.fromDatabaseText(row.created_at),
  expiresAt: MicroTime.fromDatabaseText(row.expires_at),
});
