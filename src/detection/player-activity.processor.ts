import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlSession } from '../database/sql-database';
import type { ClaimedEvent } from '../events/received-event.queue';
import { PlayersService } from '../players/players.service';
import { EventProcessors, type EventProcessor } from './event-processor';

/** The first step: every event creates or updates its player. */
@Injectable()
export class PlayerActivityProcessor implements EventProcessor, OnModuleInit {
  readonly name = 'player-activity';

  constructor(
    private readonly players: PlayersService,
    private readonly processors: EventProcessors,
  ) {}

  onModuleInit(): void {
    this.processors.register(this);
  }

  process(session: SqlSession, events: readonly ClaimedEvent[]): Promise<void> {
    return this.players.recordSightings(
      session,
      events.map((event) => ({
        teamId: event.teamId,
        externalId: event.playerExternalId,
        phone: event.playerPhone,
        country: event.playerCountry,
        kycLevel: event.playerKycLevel,
        at: event.eventTime,
      })),
    );
  }
}
