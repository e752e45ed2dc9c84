import { Module } from '@nestjs/common';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { LookupsController } from './lookups.controller';
import { LookupsRepository } from './lookups.repository';
import { LookupsService } from './lookups.service';

@Module({
  imports: [MonitorApiModule],
  controllers: [LookupsController],
  providers: [LookupsRepository, LookupsService],
  exports: [LookupsService],
})
export class LookupsModule {}
