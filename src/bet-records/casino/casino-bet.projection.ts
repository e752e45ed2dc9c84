import { Injectable } from '@nestjs/common';
import { unitsToCents } from '../bet-record.format';
import {
  betMoveOf,
  CASINO_GAME_TYPES,
  outcomeApplies,
  ownsBet,
  type BetMove,
} from '../projection/bet-event.kind';
import {
  BetRecordCountsRepository,
  CountDeltas,
  type CountKey,
} from '../projection/bet-record-counts.repository';
import { BatchBets, betKey, betRefOf, type BetRef } from '../projection/batch-bets';
import { CatalogRepository } from '../projection/catalog.repository';
import { PendingSettlementsRepository } from '../projection/pending-settlements.repository';
import type { SqlSession } from '../../database/sql-database';
import { MonitorEventStream } from '../../events/monitor-event.stream';
import type { MonitorStreamEvent, ProcessingEvent } from '../../processing/processing-event';
import type { ProcessingStep } from '../../processing/processing-step';
import { PlayersService } from '../../players/players.service';
import { BetsRepository, type BetRow } from './bets.repository';

/**
 * The processing step that keeps Live/Slots bets (seed 002) in step with the monitor events, in
 * the worker's transaction: a bet exists exactly when its placement is PROCESSED.
 * - BET_PLACED opens the bet (status 0, its amount as stake);
 * - BET_WON, CASHOUT and JACKPOT settle it with their amount as the payout, BET_LOST with 0;
 *   REFUND cancels it (status 2, the refund as the payout);
 * - an outcome processed before its placement waits (pending_settlements) and is applied, in
 *   arrival order, right after the placement. When two workers project the placement and the
 *   outcome at the same moment, their locking reads (the placement's `take`, the outcome's second
 *   `lockByRound`) meet: one waits for the other or deadlocks and is retried, so one of them always
 *   sees the other's row.
 * A second placement of a round is ignored: the first one made the bet. An outcome never
 * overrides a later one, and an event sent with another brand's key never touches the bet.
 */
@Injectable()
export class CasinoBetProjection implements ProcessingStep {
  readonly name = 'bets';

  constructor(
    private readonly monitorEvents: MonitorEventStream,
    private readonly players: PlayersService,
    private readonly bets: BetsRepository,
    private readonly catalog: CatalogRepository,
    private readonly counts: BetRecordCountsRepository,
    private readonly pending: PendingSettlementsRepository,
  ) {}

  async process(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void> {
    const moves = events.flatMap((event) => {
      if (event.stream !== 'monitor') return [];
      const move = betMoveOf(event, CASINO_GAME_TYPES);
      return move ? [{ event, move, ref: betRefOf(event) }] : [];
    });
    const playerIdOf = await this.players.idsOf(
      session,
      moves.map(({ event }) => ({ teamId: event.teamId, externalId: event.playerExternalId })),
    );
    const bets = await BatchBets.lock(
      moves.map(({ ref }) => ref),
      (teamId, roundIds) => this.bets.lockByRounds(session, teamId, roundIds),
      (row) => row.round_id,
      (ref) => this.bets.lockByRound(session, ref.teamId, ref.betRef),
    );
    const deltas = new CountDeltas();
    const placed: BetRef[] = [];
    for (const { event, move, ref } of moves) {
      const bet = await bets.get(ref);
      if (move.kind === 'placement') {
        if (bet) {
          // A repeat of the placement, or a bet id another brand used (logged): the first made it.
          ownsBet(bet, event);
          continue;
        }
        const playerId = playerIdOf(event.playerExternalId, event.teamId);
        if (await this.place(session, event, playerId, deltas)) placed.push(ref);
        bets.wrote(ref);
      } else if (bet) {
        await this.settle(session, bet, event, move, deltas);
        bets.wrote(ref);
      } else {
        await this.pending.add(session, {
          teamId: event.teamId,
          kind: 'bet',
          betRef: ref.betRef,
          eventId: event.id,
          eventType: event.eventType,
        });
        // A placement committed meanwhile (another worker) would not have seen this outcome.
        if (await this.bets.lockByRound(session, ref.teamId, ref.betRef)) {
          await this.applyWaiting(session, [ref], deltas);
          bets.wrote(ref);
        }
      }
    }
    // Outcomes that waited for the bets placed now: one locking read for all, after the inserts.
    await this.applyWaiting(session, placed, deltas);
    await this.counts.apply(session, deltas.byKey);
  }

  /** Inserts the bet of a placement; false when a concurrent placement of the round made it. */
  private async place(
    session: SqlSession,
    event: MonitorStreamEvent,
    playerId: number,
    deltas: CountDeltas,
  ): Promise<boolean> {
    const { provider, id: gameCode, name: gameName } = event.game;
    const providerId = provider ? await this.catalog.providerId(session, provider) : null;
    const gameId =
      providerId !== null && gameCode
        ? await this.catalog.gameId(session, providerId, gameCode, gameName)
        : null;
    const inserted = await this.bets.insert(session, {
      teamId: event.teamId,
      brandId: event.brandId,
      playerId,
      providerId,
      providerCode: provider,
      gameId,
      gameCode,
      transactionId: event.externalEventId,
      roundId: event.game.betId as string,
      betAmount: unitsToCents(event.amount),
      balanceBefore: event.balanceBefore === null ? null : unitsToCents(event.balanceBefore),
      balanceAfter: event.balanceAfter === null ? null : unitsToCents(event.balanceAfter),
      createdAt: event.eventTime,
    });
    if (inserted) {
      deltas.add(
        { teamId: event.teamId, kind: 'bet', brandId: event.brandId, providerId, status: 0 },
        1,
      );
    }
    return inserted;
  }

  /**
   * Applies the outcomes that waited for these bets, in arrival order. An outcome never overrides
   * a later one (outcomeApplies), so applying them after the rest of the batch changes nothing
   * (outcomes of the very same time aside).
   */
  private async applyWaiting(
    session: SqlSession,
    refs: readonly BetRef[],
    deltas: CountDeltas,
  ): Promise<void> {
    if (refs.length === 0) return;
    const waiting = await this.pending.takeAll(session, 'bet', refs);
    for (const ref of refs) {
      const ids = waiting.get(betKey(ref.teamId, ref.betRef));
      if (!ids) continue;
      for (const event of await this.monitorEvents.load(session, ids)) {
        const move = betMoveOf(event, CASINO_GAME_TYPES);
        const bet = await this.bets.lockByRound(session, ref.teamId, ref.betRef);
        if (move?.kind === 'outcome' && bet) await this.settle(session, bet, event, move, deltas);
      }
    }
  }

  private async settle(
    session: SqlSession,
    bet: BetRow,
    event: MonitorStreamEvent,
    move: Extract<BetMove, { kind: 'outcome' }>,
    deltas: CountDeltas,
  ): Promise<void> {
    if (!outcomeApplies(bet, event)) return;
    await this.bets.settle(session, bet.id, {
      status: move.status,
      payoutAmount: move.pays ? unitsToCents(event.amount) : 0,
      resultType: move.resultType,
      balanceAfter: event.balanceAfter === null ? null : unitsToCents(event.balanceAfter),
      settledAt: event.eventTime,
    });
    const key: CountKey = {
      teamId: bet.team_id,
      kind: 'bet',
      brandId: bet.brand_id,
      providerId: bet.provider_id,
      status: Number(bet.status),
    };
    deltas.move(key, move.status);
  }
}
