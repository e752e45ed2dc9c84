import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HttpMetrics } from './http-metrics';
import { OperationsController } from './operations.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [OperationsController],
  providers: [HttpMetrics],
  exports: [HttpMetrics],
})
export class ObservabilityModule {}
