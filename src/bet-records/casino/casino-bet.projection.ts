import { Injectable } from '@nestjs/common';
import { MonitorEventStream } from '../../events/monitor-event.stream';
import { PlayersService } from '../../players/players.service';
import { BetRecordCountsRepository } from '../projection/bet-record-counts.repository';
import { BetProjection } from '../projection/bet.projection';
import { CatalogRepository } from '../projection/catalog.repository';
import { PendingSettlementsRepository } from '../projection/pending-settlements.repository';
import { CasinoBets } from './casino-bets.kind';

/** The processing step that keeps Live/Slots bets in step with the monitor events. */
@Injectable()
export class CasinoBetProjection extends BetProjection {
  constructor(
    kind: CasinoBets,
    players: PlayersService,
    catalog: CatalogRepository,
    pending: PendingSettlementsRepository,
    counts: BetRecordCountsRepository,
    monitorEvents: MonitorEventStream,
  ) {
    super(kind, players, catalog, pending, counts, monitorEvents);
  }
}
