import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from './wallet-user.entity';

/** An identity document of a user: every field of the seed's `userDocs`. */
@Entity('wallet_documents')
@Index('idx_wallet_documents_user', ['userId', 'id'])
export class WalletDocumentEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_wallet_documents_user' })
  user?: WalletUserEntity;

  /** DOCUMENT_TYPES. */
  @Column({ type: 'int' })
  documentTypeId: number;

  @Column({ type: 'varchar', length: 64 })
  documentNumber: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  personalId: string | null;

  /** ISO 3166-1 numeric code of the issuing country. */
  @Column({ type: 'int', nullable: true })
  countryId: number | null;

  /** `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  issueDate: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  expirationDate: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  issuingAuthority: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  issuingPlace: string | null;

  /** A JSON object, as given. */
  @Column({ type: 'text', nullable: true })
  additionalData: string | null;

  /** DocumentStatus. */
  @Column({ type: 'int' })
  status: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statusNote: string | null;

  @Column(timestampColumn())
  modifiedAt: Date;
}
