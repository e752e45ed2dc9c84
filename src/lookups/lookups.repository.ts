import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DeviceTypeEntity,
  EventTypeEntity,
  GameTypeEntity,
  PaymentOperatorEntity,
} from './lookup.entities';

export interface LookupTables {
  eventTypes: EventTypeEntity[];
  gameTypes: GameTypeEntity[];
  deviceTypes: DeviceTypeEntity[];
  operators: PaymentOperatorEntity[];
}

@Injectable()
export class LookupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadAll(): Promise<LookupTables> {
    const manager = this.dataSource.manager;
    const byId = { order: { id: 'ASC' as const } };
    const [eventTypes, gameTypes, deviceTypes, operators] = await Promise.all([
      manager.find(EventTypeEntity, byId),
      manager.find(GameTypeEntity, byId),
      manager.find(DeviceTypeEntity, byId),
      manager.find(PaymentOperatorEntity, byId),
    ]);
    return { eventTypes, gameTypes, deviceTypes, operators };
  }
}
