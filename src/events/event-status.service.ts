import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../common/errors/app-error';
import type { TenantScope } from '../tenancy/tenant-scope';
import { EventRepository, type EventStatusRow } from './event.repository';

@Injectable()
export class EventStatusService {
  constructor(private readonly events: EventRepository) {}

  /** Another team's (or, for a brand's key, another brand's) event is as unknown as none. */
  async statusOf(scope: TenantScope, uuid: string): Promise<EventStatusRow> {
    const row = await this.events.findStatusInScope(scope, uuid);
    if (!row) throw new ResourceNotFoundError('Event', uuid);
    return row;
  }
}
