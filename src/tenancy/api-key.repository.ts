import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { requireTeamId } from './team-scope';

export interface NewApiKeyRow {
  teamId: number;
  brandId: number | null;
  prefix: string;
  keyHash: string;
  label: string | null;
}

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

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

  /** The key with its team, revoked or not: the caller tells the two apart. */
  findByHashWithTeam(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(ApiKeyEntity, 'key')
      .innerJoinAndSelect('key.team', 'team')
      .where('key.keyHash = :keyHash', { keyHash })
      .getOne();
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
