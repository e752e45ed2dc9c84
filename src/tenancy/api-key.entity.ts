import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { nullableTimestampColumn, timestampColumn } from '../database/columns';
import { BrandEntity } from './brand.entity';
import { TeamEntity } from './team.entity';

/** An API key of a team, optionally limited to one brand. Only its SHA-256 hash is stored. */
@Entity('api_keys')
@Unique('uq_api_keys_prefix', ['prefix'])
@Unique('uq_api_keys_key_hash', ['keyHash'])
@Index('idx_api_keys_team', ['teamId'])
@Index('idx_api_keys_brand', ['brandId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  teamId: number;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_api_keys_team' })
  team?: TeamEntity;

  @Column({ type: 'int', nullable: true })
  brandId: number | null;

  @ManyToOne(() => BrandEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'fk_api_keys_brand' })
  brand?: BrandEntity;

  /** The first characters of the key, shown in listings and used to revoke it. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column({ type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  label: string | null;

  @Column(timestampColumn())
  createdAt: Date;

  @Column(nullableTimestampColumn())
  revokedAt: Date | null;

  /** Updated at most once a minute per key, so that authentication does not write on every call. */
  @Column(nullableTimestampColumn())
  lastUsedAt: Date | null;
}
