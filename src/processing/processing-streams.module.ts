import { Module } from '@nestjs/common';
import { BettingEventsModule } from '../betting-events/betting-events.module';
import { EventsModule } from '../events/events.module';
import { EventStreams } from './event-streams';
import { FailedEvents } from './failed-events';
import { ProcessingQueueModule } from './queue/processing-queue.module';
import { EventMinuteCountsRepository } from './stats/event-minute-counts.repository';
import { ProcessingStatsService } from './stats/processing-stats.service';

/**
 * The streams that feed processing, without the worker: what the worker loads from, and what the
 * CLI needs to put FAILED events back into the queue (and keep the per-minute counts exact).
 */
@Module({
  imports: [ProcessingQueueModule, EventsModule, BettingEventsModule],
  providers: [EventStreams, FailedEvents, EventMinuteCountsRepository, ProcessingStatsService],
  exports: [EventStreams, FailedEvents, EventMinuteCountsRepository, ProcessingStatsService],
})
export class ProcessingStreamsModule {}
