import { Injectable } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import { PlayersService } from '../players/players.service';
import type { ProcessingEvent } from './processing-event';
import type { ProcessingStep } from './processing-step';

/** The first step: every event of either stream creates or updates its player. */
@Injectable()
export class PlayerActivityStep implements ProcessingStep {
  readonly name = 'player-activity';

  constructor(private readonly players: PlayersService) {}

  process(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void> {
    return this.players.recordSightings(
      session,
      events.map((event) =>
        event.stream === 'monitor'
          ? {
              teamId: event.teamId,
              externalId: event.playerExternalId,
              phone: event.playerPhone,
              country: event.playerCountry,
              kycLevel: event.playerKycLevel,
              at: event.eventTime,
            }
          : {
              teamId: event.teamId,
              externalId: event.playerExternalId,
              phone: null,
              country: null,
              kycLevel: null,
              at: event.eventTime,
            },
      ),
    );
  }
}
