import { Injectable } from '@nestjs/common';
import { CountDeltas } from '../projection/bet-record-counts.repository';
import { RecordStatus, splitTeams } from '../bet-record.format';
import type { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { SportsBetWriter } from './sports-bet.writer';
import type { SportsBetLine } from './sports-bets.repository';

/** An AML bet slip as it stands (see betting-events/slip-fold.ts), with whose it is. */
export interface SlipToProject {
  teamId: number;
  brandId: number | null;
  playerId: number;
  slipRef: string;
  state: 'open' | 'settled' | 'cancelled';
  /** In cents, as the AML API takes money. */
  totalStake: number;
  totalOdds: number;
  payout: number | null;
  isLive: boolean;
  firstEventAt: MicroTime;
  closedAt: MicroTime | null;
  /** `last_player_balance` of its earliest event and `current_player_balance` of its latest. */
  balanceBefore: number;
  balanceAfter: number;
  legs: readonly {
    legId: string;
    odds: number;
    eventName: string | null;
    tournamentName: string | null;
    marketName: string | null;
    legState: string | null;
    result: string | null;
  }[];
}

const SLIP_STATUS = {
  open: RecordStatus.Pending,
  settled: RecordStatus.Settled,
  cancelled: RecordStatus.Cancelled,
} as const;

/** A leg's settlement as a line status: open 0, won or lost 1, void or push 2. */
function lineStatusOf(leg: SlipToProject['legs'][number]): number {
  const settlement = leg.result ?? leg.legState;
  if (settlement === 'won' || settlement === 'lost') return RecordStatus.Settled;
  if (settlement === 'void' || settlement === 'push') return RecordStatus.Cancelled;
  return RecordStatus.Pending;
}

/**
 * Keeps an AML bet slip's sports bet (source `aml`, `bet_id` the slip's id) equal to the slip,
 * in the betting-events transaction that changed the slip: stake and payout from cents, `parlay`
 * 1 beyond one leg, `odds` the total odds, one line per leg. A cancelled slip pays its stake back.
 */
@Injectable()
export class SlipProjection {
  constructor(private readonly writer: SportsBetWriter) {}

  async project(session: SqlSession, slip: SlipToProject): Promise<void> {
    const key = { teamId: slip.teamId, source: 'aml' as const, betRef: slip.slipRef };
    const existing = await this.writer.find(session, key);
    const createdAt = slip.firstEventAt.toDatabaseText();
    const payout =
      slip.state === 'cancelled'
        ? slip.totalStake
        : slip.state === 'settled'
          ? (slip.payout ?? 0)
          : 0;
    const lines: SportsBetLine[] = slip.legs.map((leg) => {
      const { home, away } = splitTeams(leg.eventName);
      return {
        lineId: leg.legId,
        eventName: leg.eventName,
        leagueName: leg.tournamentName,
        market: leg.marketName,
        homeName: home,
        awayName: away,
        odds: leg.odds,
        score: null,
        status: lineStatusOf(leg),
        isLive: slip.isLive ? 1 : 0,
        createdAt,
      };
    });
    const deltas = new CountDeltas(slip.teamId, String(slip.playerId));
    await this.writer.save(
      session,
      existing,
      {
        ...key,
        brandId: slip.brandId,
        playerId: slip.playerId,
        providerId: null,
        providerCode: null,
        odds: slip.totalOdds,
        stake: slip.totalStake,
        payout,
        parlay: slip.legs.length > 1 ? 1 : 0,
        status: SLIP_STATUS[slip.state],
        balanceBefore: slip.balanceBefore,
        balanceAfter: slip.balanceAfter,
        settledAt: slip.closedAt?.toDatabaseText() ?? null,
        createdAt,
      },
      lines,
      deltas,
    );
    await this.writer.applyCounts(session, deltas);
  }
}
