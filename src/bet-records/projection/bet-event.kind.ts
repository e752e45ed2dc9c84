import { Logger } from '@nestjs/common';
import type { MonitorStreamEvent } from '../../events/monitor-event';
import { ownsRow } from '../../tenancy/tenant-scope';
import { RecordStatus } from '../bet-record.format';

/** Game types whose bets are Live/Slots bets; SPORTS and ESPORTS make sports bets. */
export const CASINO_GAME_TYPES: ReadonlySet<string> = new Set([
  'CASINO',
  'LIVE_CASINO',
  'VIRTUAL',
  'LOTTERY',
  'POKER',
]);
export const SPORTS_GAME_TYPES: ReadonlySet<string> = new Set(['SPORTS', 'ESPORTS']);

/** What a monitor event does to its bet: opens it, or settles or cancels it. */
export type BetMove =
  | { kind: 'placement' }
  | { kind: 'outcome'; status: RecordStatus; resultType: number | null; pays: boolean };

const MOVES: Record<string, BetMove> = {
  BET_PLACED: { kind: 'placement' },
  BET_WON: { kind: 'outcome', status: RecordStatus.Settled, resultType: 1, pays: true },
  BET_LOST: { kind: 'outcome', status: RecordStatus.Settled, resultType: 0, pays: false },
  CASHOUT: { kind: 'outcome', status: RecordStatus.Settled, resultType: 2, pays: true },
  JACKPOT: { kind: 'outcome', status: RecordStatus.Settled, resultType: 3, pays: true },
  REFUND: { kind: 'outcome', status: RecordStatus.Cancelled, resultType: null, pays: true },
};

/** The move of an event on a bet of `gameTypes`, or null when it is no such bet event. */
export function betMoveOf(
  event: MonitorStreamEvent,
  gameTypes: ReadonlySet<string>,
): BetMove | null {
  if (!event.game.betId || !event.game.type || !gameTypes.has(event.game.type)) return null;
  return MOVES[event.eventType] ?? null;
}

const logger = new Logger('BetProjection');

/**
 * Whether the event may touch this stored bet at all: a brand's key only its brand's bets, never
 * another brand's nor those a team-wide key placed. Bet ids (`game.bet_id`) are unique per team, so
 * the first placement of an id makes the bet; an event of another brand naming it changes nothing,
 * which is logged, since its sender was answered long before (202).
 */
export function ownsBet(
  bet: { brand_id: number | string | null },
  event: MonitorStreamEvent,
): boolean {
  if (ownsRow(event, bet.brand_id)) return true;
  logger.warn(
    `Event ${event.externalEventId} of team ${event.teamId}: its game.bet_id names a bet placed ` +
      "through another brand's key (or a team-wide key); it changes nothing of that bet",
  );
  return false;
}

/**
 * Whether an outcome event may change a stored bet: not when its key does not own the bet
 * (`ownsBet`), nor when the bet already holds a later outcome (an outcome that waited for its
 * placement never overrides a newer one).
 */
export function outcomeApplies(
  bet: { brand_id: number | string | null; settled_at: string | null },
  event: MonitorStreamEvent,
): boolean {
  if (!ownsBet(bet, event)) return false;
  return bet.settled_at === null || event.eventTime >= bet.settled_at;
}
