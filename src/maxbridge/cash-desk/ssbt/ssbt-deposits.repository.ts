import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../../database/sql-database';
import {
  SET_SSBT_LEDGER_ENTRY,
  SETTLE_SSBT_DEPOSIT,
  SETTLE_SSBT_DEPOSIT_OF_USER,
  ssbtDepositById,
  ssbtDepositByReference,
} from '../cash-desk.statements';

export type SsbtStatus = 'Pending' | 'Success' | 'Rejected';

export interface SsbtDeposit {
  id: string;
  userId: number;
  amount: number;
  currency: string;
  deviceId: number;
  reference: string;
  status: SsbtStatus;
  ledgerEntryId: number | null;
  createdAt: MicroTime;
}

interface DepositRow {
  id: string;
  user_id: number | string;
  amount: number | string;
  currency: string;
  device_id: number | string;
  reference: string;
  status: SsbtStatus;
  ledger_entry_id: number | string | null;
  created_at: string;
}

/** Cash put into SSBT terminals, each credited to the wallet at most once. */
@Injectable()
export class SsbtDepositsRepository {
  constructor(private readonly database: SqlDatabase) {}

  async insert(session: SqlSession, d: Omit<SsbtDeposit, 'status' | 'ledgerEntryId'>) {
    await session.execute(
      'INSERT INTO maxbridge_ssbt_deposits (id, user_id, amount, currency, device_id, reference, status, ' +
        "ledger_entry_id, credited_via, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, 'Pending', NULL, NULL, ?, NULL)",
      [d.id, d.userId, d.amount, d.currency, d.deviceId, d.reference, d.createdAt.toDatabaseText()],
    );
  }

  async byId(
    id: string,
    session: Pick<SqlSession, 'select' | 'dialect'> = this.database,
  ): Promise<SsbtDeposit | null> {
    const [row] = await session.select<DepositRow>(ssbtDepositById(createdAtText(session)), [id]);
    return row ? toDeposit(row) : null;
  }

  async byReference(reference: string): Promise<SsbtDeposit | null> {
    const [row] = await this.database.select<DepositRow>(
      ssbtDepositByReference(createdAtText(this.database)),
      [reference],
    );
    return row ? toDeposit(row) : null;
  }

  /**
   * Moves the user's Pending deposit to `to`, in one conditional statement: of two calls at once
   * (a commit and a deposit), the second waits for the first's row lock and then changes nothing.
   */
  async settle(
    session: SqlSession,
    id: string,
    userId: number | null,
    to: 'Success' | 'Rejected',
    via: 'retail' | 'front-end',
    now: MicroTime,
  ): Promise<boolean> {
    const changed = await session.execute(
      userId === null ? SETTLE_SSBT_DEPOSIT : SETTLE_SSBT_DEPOSIT_OF_USER,
      [
        to,
        to === 'Success' ? via : null,
        now.toDatabaseText(),
        id,
        ...(userId === null ? [] : [userId]),
      ],
    );
    return changed === 1;
  }

  async setLedgerEntry(session: SqlSession, id: string, ledgerEntryId: number): Promise<void> {
    await session.execute(SET_SSBT_LEDGER_ENTRY, [ledgerEntryId, id]);
  }
}

/** `created_at` as the session's dialect reads a timestamp as text. */
const createdAtText = (session: Pick<SqlSession, 'dialect'>) =>
  session.dialect.timestampText('created_at');

const toDeposit = (row: DepositRow): SsbtDeposit => ({
  id: row.id,
  userId: Number(row.user_id),
  amount: Number(row.amount),
  currency: row.currency,
  deviceId: Number(row.device_id),
  reference: row.reference,
  status: row.status,
  ledgerEntryId: row.ledger_entry_id === null ? null : Number(row.ledger_entry_id),
  createdAt: MicroTime.fromDatabaseText(row.created_at),
});
