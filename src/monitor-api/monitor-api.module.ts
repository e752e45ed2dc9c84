import { Module } from '@nestjs/common';
import { MonitorWire } from './monitor-wire';

/** The Betting Monitor API's wire format, shared by lookups, events, alerts and webhooks. */
@Module({
  providers: [MonitorWire],
  exports: [MonitorWire],
})
export class MonitorApiModule {}
