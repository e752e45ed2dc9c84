import { Module } from '@nestjs/common';
import { DetectionModule } from '../detection/detection.module';
import { LookupsModule } from '../lookups/lookups.module';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { MetricsModule } from '../observability/metrics.module';
import { ProcessingQueueModule } from '../processing/queue/processing-queue.module';
import { PlayerEventsService } from './player-events.service';
import { EventRepository } from './event.repository';
import { EventStatusService } from './event-status.service';
import { EventWriter } from './event.writer';
import { EventsController } from './events.controller';
import { IngestMetrics } from './ingest.metrics';
import { IngestService } from './ingest.service';
import { MonitorEventStream } from './monitor-event.stream';

/**
 * Monitor event ingestion (single, batch, status). Stored events enter the processing queue in
 * the same transaction; MonitorEventStream is how processing reads them and records their status.
 */
@Module({
  imports: [MonitorApiModule, MetricsModule, LookupsModule, ProcessingQueueModule, DetectionModule],
  controllers: [EventsController],
  providers: [
    EventRepository,
    EventWriter,
    IngestService,
    IngestMetrics,
    EventStatusService,
    MonitorEventStream,
    PlayerEventsService,
  ],
  exports: [MonitorEventStream, PlayerEventsService],
})
export class EventsModule {}
