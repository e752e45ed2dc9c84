import type { SqlSession } from '../../database/sql-database';
import type { MonitorStreamEvent } from '../../events/monitor-event';
import type { MonitorEventStream } from '../../events/monitor-event.stream';
import type { PlayersService } from '../../players/players.service';
import type { BetRecordCountsRepository, CountDeltas } from './bet-record-counts.repository';
import type { BetRecordKind, BetSettlement, NewBet } from './bet-record-kind';
import { betKey, type BetRef } from './bet-ref';
import { BetProjection } from './bet.projection';
import type { CatalogRepository } from './catalog.repository';
import type { PendingSettlementsRepository } from './pending-settlements.repository';

/** A stored bet of the in-memory kind. */
interface Stored {
  playerId: number;
  brandId: number | null;
  providerId: number | null;
  status: number;
  settledAt: string | null;
  payout: number;
  transactionId: string;
}

/** The engine itself, as each kind's step subclasses it. */
class MemoryProjection extends BetProjection {}

/** The engine over an in-memory table, waiting list and counts: the rules, not the SQL. */
class MemoryWorld {
  readonly bets = new Map<string, Stored>();
  readonly waiting = new Map<string, string[]>();
  readonly counts = new Map<string, number>();
  readonly events = new Map<string, MonitorStreamEvent>();

  readonly kind: BetRecordKind = {
    name: 'bets',
    recordKind: 'bet',
    gameTypes: new Set(['LIVE_CASINO']),
    lockAll: (_s, teamId, refs) =>
      Promise.resolve(
        refs.flatMap((betRef) => {
          const bet = this.bets.get(betKey(teamId, betRef));
          return bet ? [{ betRef, ...bet }] : [];
        }),
      ),
    insertAll: (_s, bets: readonly NewBet[]) => {
      let inserted = 0;
      for (const { ref, placement, outcome, providerId, playerId } of bets) {
        const key = betKey(ref.teamId, ref.betRef);
        if (this.bets.has(key)) continue;
        inserted++;
        this.bets.set(key, {
          playerId,
          brandId: placement.brandId,
          providerId,
          status: outcome?.move.status ?? 0,
          settledAt: outcome?.event.eventTime ?? null,
          payout: outcome?.move.pays ? outcome.event.amount : 0,
          transactionId: placement.externalEventId,
        });
      }
      return Promise.resolve(inserted);
    },
    settleAll: (_s, settlements: readonly BetSettlement[]) => {
      for (const { ref, event, move } of settlements) {
        const bet = this.bets.get(betKey(ref.teamId, ref.betRef))!;
        Object.assign(bet, {
          status: move.status,
          settledAt: event.eventTime,
          payout: move.pays ? event.amount : 0,
        });
      }
      return Promise.resolve();
    },
  };

  readonly projection = new MemoryProjection(
    this.kind,
    // Player `p` is our player 7, any other 8.
    {
      idsOf: () => Promise.resolve((externalId: string) => (externalId === 'p' ? 7 : 8)),
    } as unknown as PlayersService,
    { providerId: () => Promise.resolve(1) } as unknown as CatalogRepository,
    {
      addAll: (_s: SqlSession, _k: string, outcomes: { ref: BetRef; event: { id: string } }[]) => {
        for (const { ref, event } of outcomes) {
          const key = betKey(ref.teamId, ref.betRef);
          this.waiting.set(key, [...(this.waiting.get(key) ?? []), event.id]);
        }
        return Promise.resolve();
      },
      takeAll: (_s: SqlSession, _k: string, refs: BetRef[]) => {
        const taken = new Map<string, string[]>();
        for (const ref of refs) {
          const key = betKey(ref.teamId, ref.betRef);
          const ids = this.waiting.get(key);
          if (ids) taken.set(key, ids);
          this.waiting.delete(key);
        }
        return Promise.resolve(taken);
      },
    } as unknown as PendingSettlementsRepository,
    {
      apply: (_s: SqlSession, deltas: CountDeltas) => {
        for (const { key, delta } of deltas.byKey.values()) {
          const id = `${key.teamId}/${key.brandId}/${key.providerId}/${key.status}`;
          this.counts.set(id, (this.counts.get(id) ?? 0) + delta);
        }
        return Promise.resolve();
      },
    } as unknown as BetRecordCountsRepository,
    {
      load: (_s: SqlSession, ids: string[]) =>
        Promise.resolve(ids.map((id) => this.events.get(id)!)),
    } as unknown as MonitorEventStream,
  );

  async process(batch: MonitorStreamEvent[]): Promise<void> {
    for (const event of batch) this.events.set(event.id, event);
    await this.projection.process({} as SqlSession, batch);
  }

  nonZeroCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts].filter(([, n]) => n !== 0));
  }
}

let nextId = 1;
function betEvent(
  type: string,
  minute: number,
  amount: number,
  extra: Partial<MonitorStreamEvent> = {},
): MonitorStreamEvent {
  return {
    stream: 'monitor',
    id: String(nextId++),
    teamId: 1,
    brandId: null,
    externalEventId: `${type}-${minute}`,
    eventType: type,
    eventTime: `2026-04-06 10:${String(minute).padStart(2, '0')}:00.000000`,
    amount,
    currency: 'XOF',
    balanceBefore: null,
    balanceAfter: null,
    playerExternalId: 'p',
    playerPhone: null,
    playerCountry: null,
    playerKycLevel: null,
    uuid: '00000000-0000-4000-8000-000000000000',
    operator: null,
    ipAddress: null,
    sessionId: null,
    game: {
      type: 'LIVE_CASINO',
      id: null,
      name: null,
      sport: null,
      competition: null,
      odds: null,
      betId: 'round-1',
      provider: 'evo',
    },
    ...extra,
  };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every way to cut a sequence into consecutive batches. */
function batchings<T>(items: T[]): T[][][] {
  if (items.length === 0) return [[]];
  return Array.from({ length: items.length }, (_, i) => i + 1).flatMap((size) =>
    batchings(items.slice(size)).map((rest) => [items.slice(0, size), ...rest]),
  );
}

describe('BetProjection (the engine of both kinds of bet records)', () => {
  // A placement at 10:00, a win at 10:10, a refund at 10:20: the refund is the latest outcome.
  const events = () => [
    betEvent('BET_PLACED', 0, 1000),
    betEvent('BET_WON', 10, 2500),
    betEvent('REFUND', 20, 1000),
  ];

  for (const order of permutations([0, 1, 2])) {
    for (const batches of batchings(order)) {
      const label = batches.map((b) => b.map((i) => ['place', 'win', 'refund'][i]).join('+'));
      it(`arrival ${label.join(' | ')}: the bet shows its latest outcome, counted once`, async () => {
        const world = new MemoryWorld();
        const made = events();
        for (const batch of batches) await world.process(batch.map((i) => made[i]));
        expect([...world.bets.values()]).toEqual([
          {
            playerId: 7,
            brandId: null,
            providerId: 1,
            status: 2,
            settledAt: '2026-04-06 10:20:00.000000',
            payout: 1000,
            transactionId: 'BET_PLACED-0',
          },
        ]);
        expect(world.waiting.size).toBe(0);
        expect(world.nonZeroCounts()).toEqual({ '1/null/1/2': 1 });
      });
    }
  }

  it('keeps the first placement of a bet id: a repeat changes nothing', async () => {
    const world = new MemoryWorld();
    await world.process([betEvent('BET_PLACED', 0, 1000), betEvent('BET_PLACED', 1, 2000)]);
    await world.process([betEvent('BET_PLACED', 2, 3000)]);
    expect([...world.bets.values()].map((b) => b.transactionId)).toEqual(['BET_PLACED-0']);
    expect(world.nonZeroCounts()).toEqual({ '1/null/1/0': 1 });
  });

  it("never lets an outcome sent with another brand's key touch the bet", async () => {
    const world = new MemoryWorld();
    await world.process([betEvent('BET_PLACED', 0, 1000, { brandId: 5 })]);
    await world.process([betEvent('BET_WON', 10, 9000, { brandId: 6 })]);
    expect([...world.bets.values()][0]).toMatchObject({ status: 0, payout: 0, brandId: 5 });
  });

  it("never lets another player's outcome settle the bet, placed already or placed later", async () => {
    const world = new MemoryWorld();
    await world.process([betEvent('BET_PLACED', 0, 1000)]);
    await world.process([betEvent('BET_WON', 10, 9000, { playerExternalId: 'q' })]);
    expect([...world.bets.values()][0]).toMatchObject({ playerId: 7, status: 0, payout: 0 });
    // An outcome that waited for its bet is checked when the bet arrives.
    const later = new MemoryWorld();
    await later.process([betEvent('BET_WON', 10, 9000, { playerExternalId: 'q' })]);
    await later.process([betEvent('BET_PLACED', 0, 1000)]);
    expect([...later.bets.values()][0]).toMatchObject({ playerId: 7, status: 0, payout: 0 });
    expect(later.waiting.size).toBe(0);
  });

  it('leaves an outcome waiting while its bet is not placed, and only then', async () => {
    const world = new MemoryWorld();
    await world.process([betEvent('BET_LOST', 10, 0)]);
    expect(world.bets.size).toBe(0);
    expect([...world.waiting.values()]).toEqual([[String(nextId - 1)]]);
    expect(world.nonZeroCounts()).toEqual({});
  });

  it('ignores events of other game types and of the AML stream', async () => {
    const world = new MemoryWorld();
    const sports = betEvent('BET_PLACED', 0, 1000);
    sports.game = { ...sports.game, type: 'SPORTS' };
    await world.process([sports]);
    await world.projection.process({} as SqlSession, [
      { stream: 'aml' } as unknown as MonitorStreamEvent,
    ]);
    expect(world.bets.size).toBe(0);
  });
});
