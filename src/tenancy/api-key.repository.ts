import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SqlDatabase } from '../database/sql-database';
import { ApiKeyEntity } from './api-key.entity';
import type { Plan } from '../config/plan';
import { requireTeamId } from './tenant-scope';

export interface KeyWithTeam {
  keyId: number;
  teamId: number;
  brandId: number | null;
  revoked: boolean;
  teamName: string;
  plan: Plan;
}

export interface NewApiKeyRow {
  teamId: number;
  brandId: number | null;
  prefix: string;
  keyHash: string;
  label: string | null;
}

@Injectable()
export class ApiKeyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly database: SqlDatabase,
  ) {}

  async insert(
    row: NewApiKeyRow,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ApiKeyEntity> {
    const key = em.create(ApiKeyEntity, {
      ...row,
      teamId: requireTeamId(row.teamId),
      createdAt: new Date(),
      revokedAt: null,
      lastUsedAt: null,
    });
    const result = await em.insert(ApiKeyEntity, key);
    key.id = Number(result.identifiers[0].id);
    return key;
  }

  /**
   * The key with its team, revoked or not (the caller tells the two apart). Runs on every
   * authenticated request: one plain indexed query, no query building or entity hydration.
   */
  async findByHashWithTeam(keyHash: string): Promise<KeyWithTeam | null> {
    const [row] = await this.database.select<{
      id: number;
      team_id: number;
      brand_id: number | null;
      revoked: number | string;
      name: string;
      plan: Plan;
    }>(
      'SELECT k.id, k.team_id, k.brand_id, k.revoked_at IS NOT NULL AS revoked, t.name, t.plan ' +
        'FROM api_keys k INNER JOIN teams t ON t.id = k.team_id WHERE k.key_hash = ?',
      [keyHash],
    );
    if (!row) return null;
    return {
      keyId: Number(row.id),
      teamId: Number(row.team_id),
      brandId: row.brand_id === null ? null : Number(row.brand_id),
      revoked: Number(row.revoked) === 1,
      teamName: row.name,
      plan: row.plan,
    };
  }

  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.manager.findOneBy(ApiKeyEntity, { prefix });
  }

  listForTeam(teamId: number): Promise<ApiKeyEntity[]> {
    return this.dataSource.manager.find(ApiKeyEntity, {
      where: { teamId: requireTeamId(teamId) },
      order: { id: 'ASC' },
    });
  }

  /** Revokes once: a key already revoked keeps its first revocation time. */
  async revoke(keyId: number, at: Date): Promise<void> {
    await this.dataSource.manager.update(
      ApiKeyEntity,
      { id: keyId, revokedAt: IsNull() },
      { revokedAt: at },
    );
  }

  async touchLastUsed(keyId: number, at: Date): Promise<void> {
    await this.dataSource.manager.update(ApiKeyEntity, { id: keyId }, { lastUsedAt: at });
  }
}
