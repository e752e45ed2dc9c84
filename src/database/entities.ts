import {
  DeviceTypeEntity,
  EventTypeEntity,
  GameTypeEntity,
  PaymentOperatorEntity,
} from '../lookups/lookup.entities';
import { BettingEventLegEntity } from '../betting-events/entities/betting-event-leg.entity';
import { BettingEventEntity } from '../betting-events/entities/betting-event.entity';
import { BettingSlipLegEntity } from '../betting-events/entities/betting-slip-leg.entity';
import { BettingSlipEntity } from '../betting-events/entities/betting-slip.entity';
import { EventEntity } from '../events/event.entity';
import { PlayerEntity } from '../players/player.entity';
import { ApiKeyEntity } from '../tenancy/api-key.entity';
import { BrandEntity } from '../tenancy/brand.entity';
import { TeamEntity } from '../tenancy/team.entity';

/** Every entity of the application, for the DataSource (app, CLI, migrations and drift check). */
export const ENTITIES = [
  TeamEntity,
  BrandEntity,
  ApiKeyEntity,
  EventTypeEntity,
  GameTypeEntity,
  DeviceTypeEntity,
  PaymentOperatorEntity,
  PlayerEntity,
  EventEntity,
  BettingSlipEntity,
  BettingSlipLegEntity,
  BettingEventEntity,
  BettingEventLegEntity,
];
