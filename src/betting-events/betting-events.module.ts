import { Module } from '@nestjs/common';
import { BettingEventsWire } from './betting-events.wire';

/**
 * The AML Betting Events API (seed 001): `/betting-events`, its own error shape. Its routes, the
 * slip log and the slip states arrive with issue 4; the error shape answers already.
 */
@Module({
  providers: [BettingEventsWire],
})
export class BettingEventsModule {}
