import { Module } from '@nestjs/common';
import { BetRecordsModule } from '../bet-records/bet-records.module';
import { DetectionModule } from '../detection/detection.module';
import { EventsModule } from '../events/events.module';
import { PlayersModule } from '../players/players.module';
import { BetProjection } from './bet.projection';
import { BetsController } from './bets.controller';
import { BetsRepository } from './bets.repository';
import { BetsService } from './bets.service';

/** Live/Slots bets (seed 002): `/api/bet/...`, filled from the monitor events by BetProjection. */
@Module({
  imports: [BetRecordsModule, DetectionModule, EventsModule, PlayersModule],
  controllers: [BetsController],
  providers: [BetsRepository, BetsService, BetProjection],
})
export class BetsModule {}
