import { Injectable } from '@nestjs/common';
import { AlertsRepository } from './alerts.repository';

/** The alerts an event raised or joined, for its status route. */
@Injectable()
export class EventAlertsService {
  constructor(private readonly alerts: AlertsRepository) {}

  async raisedBy(teamId: number, stream: 'monitor' | 'aml', eventId: string) {
    const alerts = await this.alerts.raisedBy(teamId, stream, eventId);
    return alerts.map((a) => ({
      id: a.uuid,
      rule: a.ruleCode,
      severity: a.severity,
      status: a.status,
    }));
  }
}
