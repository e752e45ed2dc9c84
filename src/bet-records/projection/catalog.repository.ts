import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import { SqlDatabase, type SqlSession } from '../../database/sql-database';

/** Codes whose committed ids are kept (a casino offers thousands of games; each entry is small). */
const COMMITTED_CODES = 100_000;

/**
 * Providers and games: the integer ids of the codes events carry. An id is remembered for the rest
 * of the transaction that found it (a worker batch asks for the same few codes again and again),
 * and for good once that transaction committed: a code's row never changes and is never deleted.
 * An id found by a transaction that rolled back is forgotten with it, so an id of a rolled-back
 * insert is never reused.
 */
@Injectable()
export class CatalogRepository {
  private readonly known = new WeakMap<SqlSession, Map<string, number>>();
  private readonly committed = new Map<string, number>();

  constructor(private readonly database: SqlDatabase) {}

  /** The provider's id, created if new (within the caller's transaction). */
  providerId(session: SqlSession, code: string): Promise<number> {
    return this.remembered(session, `p\u0000${code}`, () =>
      this.findOrCreateProvider(session, code),
    );
  }

  /** The game's id, created if new; its name is kept from the first event that gave one. */
  gameId(session: SqlSession, providerId: number, code: string, name: string | null) {
    return this.remembered(session, `g\u0000${providerId}\u0000${code}`, () =>
      this.findOrCreateGame(session, providerId, code, name),
    );
  }

  private async remembered(session: SqlSession, key: string, find: () => Promise<number>) {
    const committed = this.committed.get(key);
    if (committed !== undefined) return committed;
    let ids = this.known.get(session);
    if (!ids) this.known.set(session, (ids = new Map()));
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = await find();
    ids.set(key, id);
    session.afterCommit(() => this.remember(key, id));
    return id;
  }

  /** Bounded: past COMMITTED_CODES, the code remembered first is asked for again. */
  private remember(key: string, id: number): void {
    this.committed.set(key, id);
    if (this.committed.size > COMMITTED_CODES) {
      this.committed.delete(this.committed.keys().next().value!);
    }
  }

  private async findOrCreateProvider(session: SqlSession, code: string): Promise<number> {
    await session.execute(
      `${session.dialect.insertIgnoring} INTO providers (code, created_at) VALUES (?, ?)`,
      [code, MicroTime.now().toDatabaseText()],
    );
    const [row] = await session.select<{ id: number }>('SELECT id FROM providers WHERE code = ?', [
      code,
    ]);
    return Number(row.id);
  }

  private async findOrCreateGame(
    session: SqlSession,
    providerId: number,
    code: string,
    name: string | null,
  ): Promise<number> {
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
