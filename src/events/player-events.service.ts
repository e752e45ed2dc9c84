import { Injectable } from '@nestjs/common';
import { EventRepository, type PlayerEventRow } from './event.repository';

/** A player's monitor events for their timeline (the dashboard's player 360). */
@Injectable()
export class PlayerEventsService {
  constructor(private readonly events: EventRepository) {}

  recent(teamId: number, playerExternalId: string, limit = 50): Promise<PlayerEventRow[]> {
    return this.events.recentOfPlayer(teamId, playerExternalId, limit);
  }
}
