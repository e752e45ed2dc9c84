import { Logger } from '@nestjs/common';
import type { MonitorStreamEvent } from '../../events/monitor-event';
import { betKey, type BetRef } from './bet-ref';
import { outcomeApplies, ownsBet, type BetMove } from './bet-event.kind';

export type Outcome = Extract<BetMove, { kind: 'outcome' }>;

/** A monitor event that moves a bet, with the bet it names and our id of its player. */
export interface BetMoveOf {
  event: MonitorStreamEvent;
  move: BetMove;
  ref: BetRef;
  playerId: number;
}

/** What the fold (and the counts) need to know of a stored bet. */
export interface StoredBetFacts {
  /** Our id of the player who placed it. */
  playerId: number;
  brandId: number | null;
  providerId: number | null;
  status: number;
  /** `datetime(6)` text; null while pending. */
  settledAt: string | null;
}

/** A bet the batch opened or changed, as it stands after the batch. */
export interface FoldedBet {
  ref: BetRef;
  /** The bet as stored at the start of the batch; null for a bet the batch opens. */
  stored: StoredBetFacts | null;
  /** The placement that opened it in this batch. */
  placement: MonitorStreamEvent | null;
  /** The outcome that stands at the end of the batch, if the batch applied one. */
  outcome: { event: MonitorStreamEvent; move: Outcome } | null;
  /** Status and settlement time after the batch. */
  facts: StoredBetFacts;
}

export interface FoldResult {
  /** The bets opened or changed, by betKey. */
  bets: Map<string, FoldedBet>;
  /** Outcomes of bets that do not exist (yet): they wait for their placement. */
  parked: BetMoveOf[];
}

/**
 * Applies a batch's bet moves, in arrival order, to the bets as stored (`stored`, by betKey), in
 * memory; the caller writes the result. A bet the batch opens has no provider id yet (`facts`):
 * the caller knows it once the placement's provider is looked up. The rules, for both record kinds:
 * - a placement opens the bet, unless it exists: the first placement made it (a repeat, or a bet
 *   id another brand used, which is logged, changes nothing);
 * - an outcome settles or cancels the bet, unless the bet already holds a later outcome, the
 *   event's key does not own the bet (see outcomeApplies), or the event is another player's (a
 *   bet id is one player's bet: logged, it changes nothing);
 * - an outcome of a bet that does not exist waits (`parked`) for its placement.
 */
export function foldBetMoves(
  stored: ReadonlyMap<string, StoredBetFacts>,
  moves: readonly BetMoveOf[],
): FoldResult {
  const folded: FoldResult = { bets: new Map(), parked: [] };
  for (const { event, move, ref, playerId } of moves) {
    const key = betKey(ref.teamId, ref.betRef);
    let bet = folded.bets.get(key);
    if (!bet) {
      const known = stored.get(key);
      if (known) bet = { ref, stored: known, placement: null, outcome: null, facts: { ...known } };
    }
    if (move.kind === 'placement') {
      if (bet) {
        ownsBet({ brand_id: bet.facts.brandId }, event);
        continue;
      }
      folded.bets.set(key, {
        ref,
        stored: null,
        placement: event,
        outcome: null,
        facts: { playerId, brandId: event.brandId, providerId: null, status: 0, settledAt: null },
      });
      continue;
    }
    if (!bet) {
      folded.parked.push({ event, move, ref, playerId });
      continue;
    }
    folded.bets.set(key, bet);
    if (!placedBy(bet.facts, playerId, event)) continue;
    if (!outcomeApplies({ brand_id: bet.facts.brandId, settled_at: bet.facts.settledAt }, event)) {
      continue;
    }
    bet.outcome = { event, move };
    bet.facts = { ...bet.facts, status: move.status, settledAt: event.eventTime };
  }
  return folded;
}

const logger = new Logger('BetProjection');

/** Whether the outcome's player is the bet's; if not, that is logged: the sender had its 202. */
function placedBy(bet: StoredBetFacts, playerId: number, event: MonitorStreamEvent): boolean {
  if (bet.playerId === playerId) return true;
  logger.warn(
    `Event ${event.externalEventId} of team ${event.teamId}: its game.bet_id names a bet of another ` +
      `player than ${event.playerExternalId}; it changes nothing of that bet`,
  );
  return false;
}
