import { Injectable } from '@nestjs/common';
import { ResourceNotFoundError } from '../common/errors/app-error';
import { EventRepository, type EventStatusRow } from './event.repository';

@Injectable()
export class EventStatusService {
  constructor(private readonly events: EventRepository) {}

  /** Another team's event is as unknown as one that does not exist. */
  async statusOf(teamId: number, uuid: string): Promise<EventStatusRow> {
    const row = await this.events.findStatusForTeam(teamId, uuid);
    if (!row) throw new ResourceNotFoundError('Event', uuid);
    return row;
  }
}
