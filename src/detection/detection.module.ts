import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { PlayersModule } from '../players/players.module';
import { EventProcessingWorker } from './event-processing.worker';
import { EventProcessors } from './event-processor';
import { PlayerActivityProcessor } from './player-activity.processor';

/** Processing of received events: the worker and its steps (the fraud rules plug in here). */
@Module({
  imports: [EventsModule, PlayersModule],
  providers: [EventProcessors, EventProcessingWorker, PlayerActivityProcessor],
  exports: [EventProcessors, EventProcessingWorker],
})
export class DetectionModule {}
