import { Module } from '@nestjs/common';
import { MonitorExceptionFilter } from './monitor-exception.filter';
import { MonitorWire } from './monitor-wire';

/** The Betting Monitor API's wire format, shared by lookups, events, alerts and webhooks. */
@Module({
  providers: [MonitorWire, MonitorExceptionFilter],
  exports: [MonitorWire, MonitorExceptionFilter],
})
export class MonitorApiModule {}
