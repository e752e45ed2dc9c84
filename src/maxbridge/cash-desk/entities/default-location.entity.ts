import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { timestampColumn } from '../../../database/columns';
import { WalletUserEntity } from '../../wallet/entities/wallet-user.entity';
import { LocationEntity } from './location.entity';

/**
 * A user's default cash desk: the location of their first paid reservation, changed only by an
 * administrator (`maxbridge location set-default`).
 */
@Entity('maxbridge_default_locations')
export class DefaultLocationEntity {
  @PrimaryColumn({ type: 'int' })
  userId: number;

  @ManyToOne(() => WalletUserEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_maxbridge_default_locations_user' })
  user?: WalletUserEntity;

  @Column({ type: 'varchar', length: 36 })
  locationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({
    name: 'location_id',
    foreignKeyConstraintName: 'fk_maxbridge_default_locations_location',
  })
  location?: LocationEntity;

  /** `withdrawal` (the first paid reservation) or `admin`. */
  @Column({ type: 'varchar', length: 16 })
  setBy: string;

  @Column(timestampColumn())
  setAt: Date;
}
