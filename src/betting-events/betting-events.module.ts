import { Module } from '@nestjs/common';
import { BetRecordsModule } from '../bet-records/bet-records.module';
import { PlayersModule } from '../players/players.module';
import { ProcessingQueueModule } from '../processing/queue/processing-queue.module';
import { AmlEventStream } from './aml-event.stream';
import { BettingEventsController } from './betting-events.controller';
import { BettingEventsService } from './betting-events.service';
import { BettingEventsWire } from './betting-events.wire';
import { AmlProcessingRepository } from './storage/aml-processing.repository';
import { BettingLogRepository } from './storage/betting-log.repository';
import { SlipQueriesRepository } from './storage/slip-queries.repository';

/**
 * The AML Betting Events API (seed 001): `POST /betting-events` appends to each bet slip's log,
 * derives the slip's state and queues the event for processing; read routes show slips, their
 * logs and each event's processing status. Its own error shape. AmlEventStream is how
 * processing reads these events and records their status.
 */
@Module({
  imports: [PlayersModule, BetRecordsModule, ProcessingQueueModule],
  controllers: [BettingEventsController],
  providers: [
    BettingEventsWire,
    BettingEventsService,
    BettingLogRepository,
    SlipQueriesRepository,
    AmlProcessingRepository,
    AmlEventStream,
  ],
  exports: [AmlEventStream, BettingEventsService],
})
export class BettingEventsModule {}
