import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** The shape shared by every code table: a stable id, a code sent by clients, a display name. */
abstract class CodeLookup {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;
}

@Entity('event_types')
@Unique('uq_event_types_code', ['code'])
export class EventTypeEntity extends CodeLookup {}

@Entity('game_types')
@Unique('uq_game_types_code', ['code'])
export class GameTypeEntity extends CodeLookup {}

@Entity('device_types')
@Unique('uq_device_types_code', ['code'])
export class DeviceTypeEntity extends CodeLookup {}

/** Payment operators (mobile money, bank, card) used in deposit and withdrawal events. */
@Entity('payment_operators')
@Unique('uq_payment_operators_code', ['code'])
export class PaymentOperatorEntity extends CodeLookup {
  /** ISO 3166-1 alpha-3; null for operators that are not tied to one country. */
  @Column({ type: 'varchar', length: 3, nullable: true })
  country: string | null;
}
