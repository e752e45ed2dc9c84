import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** A `Nonce` already used, refused until `expiresAt`, then pruned. */
@Entity('maxbridge_nonces')
@Index('idx_maxbridge_nonces_expires', ['expiresAt'])
export class UsedNonceEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  nonce: string;

  @Column(timestampColumn())
  expiresAt: Date;

  /** The token of the group commit that claimed it last (see NonceStore). */
  @Column({ type: 'varchar', length: 16 })
  claim: string;
}
