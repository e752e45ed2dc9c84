import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../common/errors/app-error';
import type { TenantScope } from '../tenancy/tenant-scope';
import { EventAlertsService } from '../detection/alerts/event-alerts.service';
import { EventRepository, type EventStatusRow } from './event.repository';

export type EventStatusView = EventStatusRow & {
  alerts: Awaited<ReturnType<EventAlertsService['raisedBy']>>;
};

@Injectable()
export class EventStatusService {
  constructor(
    private readonly events: EventRepository,
    private readonly alerts: EventAlertsService,
  ) {}

  /**
   * The event's status and the alerts it raised or joined. Another team's (or, for a brand's
   * key, another brand's) event is as unknown as none. Alerts are the team's, not a brand's (a
   * brand's event may join an alert another brand's events raised): a brand's key sees none.
   */
  async statusOf(scope: TenantScope, uuid: string): Promise<EventStatusView> {
    const row = await this.events.findStatusInScope(scope, uuid);
    if (!row) throw new ResourceNotFoundError('Event', uuid);
    if (scope.brandId !== null) return { ...row, alerts: [] };
    return { ...row, alerts: await this.alerts.raisedBy(scope.teamId, 'monitor', row.id) };
  }
}
