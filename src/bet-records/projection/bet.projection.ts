import { Logger } from '@nestjs/common';
import { compareDecimalIds } from '../../common/identifiers/decimal-ids';
import { ConcurrentWriteConflict } from '../../database/database-errors';
import type { SqlSession } from '../../database/sql-database';
import type { MonitorEventStream } from '../../events/monitor-event.stream';
import type { PlayersService } from '../../players/players.service';
import type { ProcessingEvent } from '../../processing/processing-event';
import type { ProcessingStep } from '../../processing/processing-step';
import { CountDeltas, type BetRecordCountsRepository } from './bet-record-counts.repository';
import type { BetRecordKind, NewBet } from './bet-record-kind';
import { betMoveOf } from './bet-event.kind';
import {
  foldBetMoves,
  type BetMoveOf,
  type FoldedBet,
  type FoldResult,
  type StoredBetFacts,
} from './bet-fold';
import { betKey, betRefOf, refsByTeam, type BetRef } from './bet-ref';
import type { CatalogRepository } from './catalog.repository';
import type { PendingSettlementsRepository } from './pending-settlements.repository';

/**
 * The one projection engine of bet records from monitor events (both kinds, see BetRecordKind):
 * a bet exists exactly when its placement is PROCESSED, and shows its latest outcome. Per batch:
 * 1. lock the stored bets the batch names (one read per team);
 * 2. fold the batch's moves in memory, in arrival order (bet-fold.ts);
 * 3. insert the bets it opens and settle the stored ones it changes (a few statements);
 * 4. park the outcomes of bets that do not exist, then look again for those bets (locked): a
 *    placement committed meanwhile by another loop must not miss them;
 * 5. take the outcomes that waited for the bets opened now (a locking read after the inserts,
 *    which waits for an outcome another loop is parking), and apply them in arrival order;
 * 6. add the list counts' changes.
 * An insert that finds its reference taken (another loop's placement committed between steps 1
 * and 3) restarts the transaction, which then sees that bet.
 */
export abstract class BetProjection implements ProcessingStep {
  private readonly logger = new Logger('BetProjection');
  readonly name: string;

  constructor(
    private readonly kind: BetRecordKind,
    private readonly players: PlayersService,
    private readonly catalog: CatalogRepository,
    private readonly pending: PendingSettlementsRepository,
    private readonly counts: BetRecordCountsRepository,
    private readonly monitorEvents: MonitorEventStream,
  ) {
    this.name = kind.name;
  }

  async process(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void> {
    const moves = await this.movesOf(session, events);
    if (moves.length === 0) return;
    const { event } = moves[0];
    const deltas = new CountDeltas(event.teamId, event.playerExternalId);
    const stored = await this.lockStored(
      session,
      moves.map((move) => move.ref),
    );
    const folded = foldBetMoves(stored, moves);
    const opened = await this.write(session, folded, deltas);
    if (folded.parked.length > 0) {
      await this.pending.addAll(session, this.kind.recordKind, folded.parked);
      const placedMeanwhile = await this.lockStored(
        session,
        folded.parked.map((move) => move.ref),
      );
      await this.applyWaiting(session, placedMeanwhile, deltas);
    }
    await this.applyWaiting(session, opened, deltas);
    await this.counts.apply(session, deltas);
  }

  /** The events' bet moves, each with our id of its player (one read for the batch). */
  private async movesOf(
    session: SqlSession,
    events: readonly ProcessingEvent[],
  ): Promise<BetMoveOf[]> {
    const found = events.flatMap((event) => {
      if (event.stream !== 'monitor') return [];
      const move = betMoveOf(event, this.kind.gameTypes);
      return move ? [{ event, move }] : [];
    });
    if (found.length === 0) return [];
    const playerIdOf = await this.players.idsOf(
      session,
      found.map(({ event }) => ({ teamId: event.teamId, externalId: event.playerExternalId })),
    );
    return found.map(({ event, move }) => ({
      event,
      move,
      ref: betRefOf(event),
      playerId: playerIdOf(event.playerExternalId, event.teamId),
    }));
  }

  /** The stored bets of these references, locked, by betKey. */
  private async lockStored(
    session: SqlSession,
    refs: readonly BetRef[],
  ): Promise<Map<string, StoredBetFacts>> {
    const stored = new Map<string, StoredBetFacts>();
    for (const { teamId, betRefs } of refsByTeam(refs)) {
      for (const { betRef, ...facts } of await this.kind.lockAll(session, teamId, betRefs)) {
        stored.set(betKey(teamId, betRef), facts);
      }
    }
    return stored;
  }

  /** Writes a fold; returns the bets it opened, as they stand now. */
  private async write(
    session: SqlSession,
    folded: FoldResult,
    deltas: CountDeltas,
  ): Promise<Map<string, StoredBetFacts>> {
    const bets = [...folded.bets.values()];
    const newBets = await this.describeNew(
      session,
      bets.flatMap((b) => (b.placement ? [b] : [])),
    );
    if (newBets.length > 0) {
      const inserted = await this.kind.insertAll(session, newBets);
      if (inserted !== newBets.length) {
        throw new ConcurrentWriteConflict(
          `${newBets.length - inserted} ${this.kind.name} placements met a bet placed meanwhile`,
        );
      }
    }
    const opened = new Map<string, StoredBetFacts>();
    for (const bet of newBets) {
      const facts = { ...folded.bets.get(betKey(bet.ref.teamId, bet.ref.betRef))!.facts };
      facts.providerId = bet.providerId;
      opened.set(betKey(bet.ref.teamId, bet.ref.betRef), facts);
      deltas.add(this.countKey(bet.ref.teamId, facts), 1);
    }
    const settled = bets.flatMap((bet) =>
      bet.stored && bet.outcome ? [{ ...bet, stored: bet.stored, outcome: bet.outcome }] : [],
    );
    if (settled.length > 0) {
      await this.kind.settleAll(
        session,
        settled.map((bet) => ({ ref: bet.ref, ...bet.outcome })),
      );
      for (const bet of settled) {
        deltas.move(this.countKey(bet.ref.teamId, bet.stored), bet.facts.status);
      }
    }
    return opened;
  }

  /** The outcomes that waited for these bets, applied in arrival order; they wait no more. */
  private async applyWaiting(
    session: SqlSession,
    bets: ReadonlyMap<string, StoredBetFacts>,
    deltas: CountDeltas,
  ): Promise<void> {
    if (bets.size === 0) return;
    const refs = [...bets.keys()].map(refOfKey);
    const waiting = await this.pending.takeAll(session, this.kind.recordKind, refs);
    const ids = [...waiting.values()].flat();
    if (ids.length === 0) return;
    const events = (await this.monitorEvents.load(session, ids)).sort((a, b) =>
      compareDecimalIds(a.id, b.id),
    );
    const folded = foldBetMoves(bets, await this.movesOf(session, events));
    if (folded.parked.length > 0) {
      this.logger.error(`${folded.parked.length} waiting outcomes found no bet`);
    }
    await this.write(session, folded, deltas);
  }

  /** The provider of each bet the batch opens (its player is the placement's). */
  private async describeNew(session: SqlSession, opened: readonly FoldedBet[]): Promise<NewBet[]> {
    const newBets: NewBet[] = [];
    for (const { ref, placement, outcome, facts } of opened) {
      const provider = placement!.game.provider;
      newBets.push({
        ref,
        placement: placement!,
        outcome,
        playerId: facts.playerId,
        providerId: provider ? await this.catalog.providerId(session, provider) : null,
      });
    }
    return newBets;
  }

  private countKey(teamId: number, facts: StoredBetFacts) {
    return {
      teamId,
      kind: this.kind.recordKind,
      brandId: facts.brandId,
      providerId: facts.providerId,
      status: facts.status,
    };
  }
}

function refOfKey(key: string): BetRef {
  const separator = key.indexOf('\u0000');
  return { teamId: Number(key.slice(0, separator)), betRef: key.slice(separator + 1) };
}
