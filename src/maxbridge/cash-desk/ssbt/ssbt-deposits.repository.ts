import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../../database/sql-database';

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
    const [row] = await session.select<DepositRow>(`${this.selectSql(session)} WHERE id = ?`, [id]);
    return row ? toDeposit(row) : null;
  }

  async byReference(reference: string): Promise<SsbtDeposit | null> {
    const [row] = await this.database.select<DepositRow>(
      `${this.selectSql(this.database)} WHERE reference = ?`,
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
      'UPDATE maxbridge_ssbt_deposits SET status = ?, credited_via = ?, settled_at = ? ' +
        `WHERE id = ? AND status = 'Pending'${userId === null ? '' : ' AND user_id = ?'}`,
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
    await session.execute('UPDATE maxbridge_ssbt_deposits SET ledger_entry_id = ? WHERE id = ?', [
      ledgerEntryId,
      id,
    ]);
  }

  private selectSql(session: Pick<SqlSession, 'dialect'>): string {
    return (
      'SELECT id, user_id, amount, currency, device_id, reference, status, ledger_entry_id, ' +
      `${session.dialect.timestampText('created_at')} AS created_at FROM maxbridge_ssbt_deposits`
    );
  }
}

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
