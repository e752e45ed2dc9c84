import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PlayersModule } from '../players/players.module';
import { BetRecordsWire } from './bet-records.wire';
import { BetsController } from './casino/bets.controller';
import { BetsRepository } from './casino/bets.repository';
import { BetsService } from './casino/bets.service';
import { CasinoBetProjection } from './casino/casino-bet.projection';
import { CasinoBets } from './casino/casino-bets.kind';
import { BetRecordCountsRepository } from './projection/bet-record-counts.repository';
import { CatalogRepository } from './projection/catalog.repository';
import { PendingSettlementsRepository } from './projection/pending-settlements.repository';
import { SlipProjection } from './sports/slip.projection';
import { SportsBetWriter } from './sports/sports-bet.writer';
import { MonitorSportsBets } from './sports/monitor-sports-bets.kind';
import { SportsBetProjection } from './sports/sports-bet.projection';
import { SportsBetsController } from './sports/sports-bets.controller';
import { SportsBetsRepository } from './sports/sports-bets.repository';
import { SportsBetsService } from './sports/sports-bets.service';

/**
 * The Bet Records API (seed 002): Live/Slots bets (`/api/bet/...`, `casino/`) and sports bets
 * (`/api/sports-bet/...`, `sports/`), both filled by projections: of the monitor events (processing
 * steps, `projection/`) and of the AML bet slips (SlipProjection, called by the AML API in its
 * own transaction).
 */
@Module({
  imports: [EventsModule, PlayersModule],
  controllers: [BetsController, SportsBetsController],
  providers: [
    BetRecordsWire,
    CatalogRepository,
    BetRecordCountsRepository,
    PendingSettlementsRepository,
    BetsRepository,
    BetsService,
    CasinoBets,
    CasinoBetProjection,
    SportsBetsRepository,
    SportsBetsService,
    SportsBetWriter,
    MonitorSportsBets,
    SportsBetProjection,
    SlipProjection,
  ],
  exports: [CasinoBetProjection, SportsBetProjection, SlipProjection],
})
export class BetRecordsModule {}
