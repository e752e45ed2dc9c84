import { Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsRegistry } from './metrics-registry';

/** The metrics registry served at `/metrics`, and the HTTP request metrics. */
@Module({
  providers: [MetricsRegistry, HttpMetrics],
  exports: [MetricsRegistry, HttpMetrics],
})
export class MetricsModule {}
