import { Module } from '@nestjs/common';
import { BetRecordsModule } from '../bet-records/bet-records.module';
import { DetectionModule } from '../detection/detection.module';
import { EventsModule } from '../events/events.module';
import { PlayersModule } from '../players/players.module';
import { SlipProjection } from './slip.projection';
import { SportsBetWriter } from './sports-bet.writer';
import { SportsBetProjection } from './sports-bet.projection';
import { SportsBetsController } from './sports-bets.controller';
import { SportsBetsRepository } from './sports-bets.repository';
import { SportsBetsService } from './sports-bets.service';

/**
 * Sports bets (seed 002): `/api/sports-bet/...`, filled from SPORTS/ESPORTS monitor events
 * (SportsBetProjection, a worker step) and from AML slips (SlipProjection, used by the AML API).
 */
@Module({
  imports: [BetRecordsModule, DetectionModule, EventsModule, PlayersModule],
  controllers: [SportsBetsController],
  providers: [
    SportsBetsRepository,
    SportsBetsService,
    SportsBetWriter,
    SportsBetProjection,
    SlipProjection,
  ],
  exports: [SlipProjection],
})
export class SportsBetsModule {}
