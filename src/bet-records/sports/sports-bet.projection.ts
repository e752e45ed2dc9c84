import { Injectable } from '@nestjs/common';
import { RecordStatus, splitTeams, unitsToCents } from '../bet-record.format';
import {
  betMoveOf,
  outcomeApplies,
  ownsBet,
  SPORTS_GAME_TYPES,
  type BetMove,
} from '../projection/bet-event.kind';
import { CountDeltas } from '../projection/bet-record-counts.repository';
import { BatchBets, betKey, betRefOf, type BetRef } from '../projection/batch-bets';
import { CatalogRepository } from '../projection/catalog.repository';
import { PendingSettlementsRepository } from '../projection/pending-settlements.repository';
import type { SqlSession } from '../../database/sql-database';
import { MonitorEventStream } from '../../events/monitor-event.stream';
import type { MonitorStreamEvent, ProcessingEvent } from '../../processing/processing-event';
import type { ProcessingStep } from '../../processing/processing-step';
import { PlayersService } from '../../players/players.service';
import { SportsBetWriter } from './sports-bet.writer';
import type { SportsBetRow, SportsBetState } from './sports-bets.repository';

/**
 * The processing step that keeps sports bets in step with SPORTS and ESPORTS monitor events, in
 * the worker's transaction, the way BetProjection does for Live/Slots bets: BET_PLACED makes a
 * single bet with one line from the `game` fields (`game.name` as the event, split into home and
 * away when it reads "A vs B"; `game.competition` as the league; `game.odds`); outcomes settle or
 * cancel it and its line; an outcome before its placement waits for it.
 */
@Injectable()
export class SportsBetProjection implements ProcessingStep {
  readonly name = 'sports-bets';

  constructor(
    private readonly monitorEvents: MonitorEventStream,
    private readonly players: PlayersService,
    private readonly writer: SportsBetWriter,
    private readonly catalog: CatalogRepository,
    private readonly pending: PendingSettlementsRepository,
  ) {}

  async process(session: SqlSession, events: readonly ProcessingEvent[]): Promise<void> {
    const moves = events.flatMap((event) => {
      if (event.stream !== 'monitor') return [];
      const move = betMoveOf(event, SPORTS_GAME_TYPES);
      return move ? [{ event, move, ref: betRefOf(event) }] : [];
    });
    const playerIdOf = await this.players.idsOf(
      session,
      moves.map(({ event }) => ({ teamId: event.teamId, externalId: event.playerExternalId })),
    );
    const bets = await BatchBets.lock(
      moves.map(({ ref }) => ref),
      (teamId, betRefs) => this.writer.findAll(session, 'monitor', teamId, betRefs),
      (row) => row.bet_ref,
      (ref) => this.writer.find(session, { ...ref, source: 'monitor' }),
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
        await this.place(session, event, playerIdOf(event.playerExternalId, event.teamId), deltas);
        bets.wrote(ref);
        placed.push(ref);
      } else if (bet) {
        await this.settle(session, bet, event, move, deltas);
        bets.wrote(ref);
      } else {
        await this.pending.add(session, {
          teamId: event.teamId,
          kind: 'sports',
          betRef: ref.betRef,
          eventId: event.id,
          eventType: event.eventType,
        });
        // A placement committed meanwhile (another worker) would not have seen this outcome.
        if (await this.writer.find(session, { ...ref, source: 'monitor' })) {
          await this.applyWaiting(session, [ref], deltas);
          bets.wrote(ref);
        }
      }
    }
    // Outcomes that waited for the bets placed now: one locking read for all, after the inserts.
    await this.applyWaiting(session, placed, deltas);
    await this.writer.applyCounts(session, deltas);
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
    const waiting = await this.pending.takeAll(session, 'sports', refs);
    for (const ref of refs) {
      const ids = waiting.get(betKey(ref.teamId, ref.betRef));
      if (!ids) continue;
      for (const event of await this.monitorEvents.load(session, ids)) {
        const outcome = betMoveOf(event, SPORTS_GAME_TYPES);
        const placed = await this.writer.find(session, { ...ref, source: 'monitor' });
        if (outcome?.kind === 'outcome' && placed) {
          await this.settle(session, placed, event, outcome, deltas);
        }
      }
    }
  }

  private async place(
    session: SqlSession,
    event: MonitorStreamEvent,
    playerId: number,
    deltas: CountDeltas,
  ): Promise<void> {
    const { game } = event;
    const providerId = game.provider ? await this.catalog.providerId(session, game.provider) : null;
    const { home, away } = splitTeams(game.name);
    const state: SportsBetState = {
      teamId: event.teamId,
      brandId: event.brandId,
      playerId,
      providerId,
      providerCode: game.provider,
      source: 'monitor',
      betRef: game.betId as string,
      odds: game.odds,
      stake: unitsToCents(event.amount),
      payout: 0,
      parlay: 0,
      status: RecordStatus.Pending,
      balanceBefore: event.balanceBefore === null ? null : unitsToCents(event.balanceBefore),
      balanceAfter: event.balanceAfter === null ? null : unitsToCents(event.balanceAfter),
      settledAt: null,
      createdAt: event.eventTime,
    };
    const line = {
      lineId: game.id ?? (game.betId as string),
      eventName: game.name,
      leagueName: game.competition,
      market: null,
      homeName: home,
      awayName: away,
      odds: game.odds,
      score: null,
      status: RecordStatus.Pending,
      isLive: 0,
      createdAt: event.eventTime,
    };
    await this.writer.save(session, null, state, [line], deltas);
  }

  private async settle(
    session: SqlSession,
    bet: SportsBetRow,
    event: MonitorStreamEvent,
    move: Extract<BetMove, { kind: 'outcome' }>,
    deltas: CountDeltas,
  ): Promise<void> {
    if (!outcomeApplies(bet, event)) return;
    const state: SportsBetState = {
      teamId: Number(bet.team_id),
      brandId: bet.brand_id === null ? null : Number(bet.brand_id),
      playerId: Number(bet.player_id),
      providerId: bet.provider_id === null ? null : Number(bet.provider_id),
      providerCode: bet.provider_code,
      source: 'monitor',
      betRef: bet.bet_ref,
      odds: bet.odds === null ? null : Number(bet.odds),
      stake: Number(bet.stake),
      payout: move.pays ? unitsToCents(event.amount) : 0,
      parlay: Number(bet.parlay),
      status: move.status,
      balanceBefore: bet.balance_before === null ? null : Number(bet.balance_before),
      balanceAfter:
        event.balanceAfter === null
          ? bet.balance_after === null
            ? null
            : Number(bet.balance_after)
          : unitsToCents(event.balanceAfter),
      settledAt: event.eventTime,
      createdAt: bet.created_at,
    };
    await this.writer.save(session, bet, state, null, deltas);
    await this.writer.setLineStatus(session, bet, move.status);
  }
}
