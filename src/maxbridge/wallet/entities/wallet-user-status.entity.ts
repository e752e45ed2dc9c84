import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user status and what it blocks (seed 003); seeded with the seed's six, extensible. */
@Entity('wallet_user_statuses')
export class WalletUserStatusEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** BlockType: 0 full, 1 game, 2 transaction; null blocks nothing. */
  @Column({ type: 'int', nullable: true })
  blockType: number | null;
}
