import { Module } from '@nestjs/common';
import { BetRecordCountsRepository } from './bet-record-counts.repository';
import { BetRecordsWire } from './bet-records.wire';
import { CatalogRepository } from './catalog.repository';
import { PendingSettlementsRepository } from './pending-settlements.repository';

/**
 * What the Bet Records API's two halves share (seed 002): its wire format, providers and games,
 * the counts behind list totals, and settlements waiting for their placement.
 */
@Module({
  providers: [
    BetRecordsWire,
    CatalogRepository,
    BetRecordCountsRepository,
    PendingSettlementsRepository,
  ],
  exports: [CatalogRepository, BetRecordCountsRepository, PendingSettlementsRepository],
})
export class BetRecordsModule {}
