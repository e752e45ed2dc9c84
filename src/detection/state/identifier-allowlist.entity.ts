import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../database/columns';

/** Identifiers a team knows to be shared honestly (a shop's IP, a test phone). */
@Entity('identifier_allowlist')
export class IdentifierAllowlistEntity {
  @PrimaryColumn({ type: 'int' })
  teamId: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  value: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column(timestampColumn())
  createdAt: Date;
}
