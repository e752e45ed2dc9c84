import { Module } from '@nestjs/common';
import { PlayersModule } from '../players/players.module';
import { SportsBetsModule } from '../sports-bets/sports-bets.module';
import { BettingEventsController } from './betting-events.controller';
import { BettingEventsService } from './betting-events.service';
import { BettingEventsWire } from './betting-events.wire';
import { BettingLogRepository } from './storage/betting-log.repository';
import { SlipQueriesRepository } from './storage/slip-queries.repository';

/**
 * The AML Betting Events API (seed 001): `POST /betting-events` appends to each bet slip's log
 * and derives the slip's state; two read routes show slips and their logs. Its own error shape.
 */
@Module({
  imports: [PlayersModule, SportsBetsModule],
  controllers: [BettingEventsController],
  providers: [BettingEventsWire, BettingEventsService, BettingLogRepository, SlipQueriesRepository],
})
export class BettingEventsModule {}
