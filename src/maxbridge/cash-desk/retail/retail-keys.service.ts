import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../../common/time/micro-time';
import { SqlDatabase } from '../../../database/sql-database';
import { VALID_RETAIL_KEY } from '../cash-desk.statements';

const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * The keys of the MaxBet retail system and SSBT terminals (`Authorization: <key>`): made by the
 * command line, shown once, stored as their SHA-256 (a key is 32 random bytes: no salt needed).
 */
@Injectable()
export class RetailKeysService {
  private readonly lookupsInFlight = new Map<string, Promise<boolean>>();

  constructor(private readonly database: SqlDatabase) {}

  /** Makes a key; the answer is the only place it is ever shown. */
  async create(label: string | null): Promise<{ id: number; key: string; prefix: string }> {
    const key = `rk_${randomBytes(32).toString('base64url')}`;
    const prefix = key.slice(0, 10);
    const id = await this.database.transaction((session) =>
      session.insert(
        'INSERT INTO maxbridge_retail_keys (key_hash, prefix, label, created_at, revoked_at) VALUES (?, ?, ?, ?, NULL)',
        [hashOf(key), prefix, label, MicroTime.now().toDatabaseText()],
      ),
    );
    return { id: Number(id), key, prefix };
  }

  /**
   * Whether the key is one we made and did not revoke. Requests with the same key at the same
   * time share one read (a desk's system sends many at once); nothing is kept after it, so a
   * revocation holds from the next read on.
   */
  isValid(key: string): Promise<boolean> {
    const keyHash = hashOf(key);
    let lookup = this.lookupsInFlight.get(keyHash);
    if (!lookup) {
      lookup = this.database
        .select(VALID_RETAIL_KEY, [keyHash])
        .then((rows) => rows.length > 0)
        .finally(() => this.lookupsInFlight.delete(keyHash));
      this.lookupsInFlight.set(keyHash, lookup);
    }
    return lookup;
  }

  async revoke(id: number): Promise<boolean> {
    const changed = await this.database.transaction((session) =>
      session.execute(
        'UPDATE maxbridge_retail_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
        [MicroTime.now().toDatabaseText(), id],
      ),
    );
    return changed > 0;
  }

  async list(): Promise<{ id: number; prefix: string; label: string | null; revoked: boolean }[]> {
    const rows = await this.database.select<{
      id: number;
      prefix: string;
      label: string | null;
      revoked_at: string | null;
    }>('SELECT id, prefix, label, revoked_at FROM maxbridge_retail_keys ORDER BY id');
    return rows.map((r) => ({
      id: Number(r.id),
      prefix: r.prefix,
      label: r.label,
      revoked: r.revoked_at !== null,
    }));
  }
}
