import { Module } from '@nestjs/common';
import { LookupsModule } from '../lookups/lookups.module';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { EventRepository } from './event.repository';
import { EventStatusService } from './event-status.service';
import { EventWriter } from './event.writer';
import { EventsController } from './events.controller';
import { IngestService } from './ingest.service';
import { ReceivedEventQueue } from './received-event.queue';
import { ReceivedEventsSignal } from './received-events.signal';

/** Monitor event ingestion (single, batch, status); the queue of received events for the worker. */
@Module({
  imports: [MonitorApiModule, LookupsModule],
  controllers: [EventsController],
  providers: [
    EventRepository,
    EventWriter,
    IngestService,
    EventStatusService,
    ReceivedEventsSignal,
    ReceivedEventQueue,
  ],
  exports: [ReceivedEventQueue],
})
export class EventsModule {}
