import { Injectable } from '@nestjs/common';
import { MicroTime } from '../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../database/sql-database';

/** Providers and games: the integer ids of the codes events carry. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly database: SqlDatabase) {}

  /** The provider's id, created if new (within the caller's transaction). */
  async providerId(session: SqlSession, code: string): Promise<number> {
    await session.execute(
      `${session.dialect.insertIgnoring} INTO providers (code, created_at) VALUES (?, ?)`,
      [code, MicroTime.now().toDatabaseText()],
    );
    const [row] = await session.select<{ id: number }>('SELECT id FROM providers WHERE code = ?', [
      code,
    ]);
    return Number(row.id);
  }

  /** The game's id, created if new; its name is kept from the first event that gave one. */
  async gameId(session: SqlSession, providerId: number, code: string, name: string | null) {
    await session.execute(
      `${session.dialect.insertIgnoring} INTO games (provider_id, code, name, created_at) VALUES (?, ?, ?, ?)`,
      [providerId, code, name, MicroTime.now().toDatabaseText()],
    );
    const [row] = await session.select<{ id: number }>(
      'SELECT id FROM games WHERE provider_id = ? AND code = ?',
      [providerId, code],
    );
    return Number(row.id);
  }

  /** The id of a known provider, for filters; null when no provider has this code. */
  async findProviderId(code: string): Promise<number | null> {
    const rows = await this.database.select<{ id: number }>(
      'SELECT id FROM providers WHERE code = ?',
      [code],
    );
    return rows.length ? Number(rows[0].id) : null;
  }
}
