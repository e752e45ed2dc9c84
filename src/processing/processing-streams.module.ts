import { Module } from '@nestjs/common';
import { BettingEventsModule } from '../betting-events/betting-events.module';
import { EventsModule } from '../events/events.module';
import { EventStreams } from './event-streams';
import { FailedEvents } from './failed-events';
import { ProcessingQueueModule } from './queue/processing-queue.module';

/**
 * The streams that feed processing, without the worker: what the worker loads from, and what the
 * CLI needs to put FAILED events back into the queue.
 */
@Module({
  imports: [ProcessingQueueModule, EventsModule, BettingEventsModule],
  providers: [EventStreams, FailedEvents],
  exports: [EventStreams, FailedEvents],
})
export class ProcessingStreamsModule {}
