import { Module } from '@nestjs/common';
import { BetRecordsModule } from '../bet-records/bet-records.module';
import { DetectionModule } from '../detection/detection.module';
import { MetricsModule } from '../observability/metrics.module';
import { PlayersModule } from '../players/players.module';
import { BacklogMonitor } from './backlog-monitor';
import { BatchProcessor } from './batch-processor';
import { PartitionLeasesRepository } from './leases/partition-leases.repository';
import { PlayerActivityStep } from './player-activity.step';
import { ProcessingMetrics } from './processing-metrics';
import { ProcessingPipeline } from './processing-pipeline';
import { processingStepsProvider } from './processing-steps';
import { ProcessingWorker } from './processing.worker';
import { ProcessingStreamsModule } from './processing-streams.module';
import { ProcessingQueueModule } from './queue/processing-queue.module';

/**
 * Processing of both event streams (monitor events, AML betting events): the worker and its loops,
 * partition leases, the ordered steps, the backlog and its metrics.
 */
@Module({
  imports: [
    ProcessingQueueModule,
    MetricsModule,
    ProcessingStreamsModule,
    PlayersModule,
    BetRecordsModule,
    DetectionModule,
  ],
  providers: [
    PlayerActivityStep,
    processingStepsProvider,
    ProcessingPipeline,
    PartitionLeasesRepository,
    BacklogMonitor,
    ProcessingMetrics,
    BatchProcessor,
    ProcessingWorker,
  ],
  exports: [ProcessingWorker, BacklogMonitor],
})
export class ProcessingModule {}
