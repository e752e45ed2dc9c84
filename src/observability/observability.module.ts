import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProcessingModule } from '../processing/processing.module';
import { DatabaseMetrics } from './database-metrics';
import { MetricsModule } from './metrics.module';
import { OperationsController } from './operations.controller';

/** `/health` and `/metrics`, for load balancers, orchestrators and Prometheus. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MetricsModule, ProcessingModule],
  controllers: [OperationsController],
  providers: [DatabaseMetrics],
})
export class ObservabilityModule {}
