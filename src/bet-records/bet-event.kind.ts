import type { ClaimedEvent } from '../events/received-event.queue';
import { ownsRow } from '../tenancy/tenant-scope';
import { RecordStatus } from './bet-record.format';

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
export function betMoveOf(event: ClaimedEvent, gameTypes: ReadonlySet<string>): BetMove | null {
  if (!event.game.betId || !event.game.type || !gameTypes.has(event.game.type)) return null;
  return MOVES[event.eventType] ?? null;
}

/**
 * Whether an outcome event may change a stored bet: not when the event came through a brand's key
 * that does not own the bet (a brand's key never touches another brand's bets, nor those a
 * team-wide key placed), nor when the bet already holds a later outcome (an outcome that waited
 * for its placement never overrides a newer one).
 */
export function outcomeApplies(
  bet: { brand_id: number | string | null; settled_at: string | null },
  event: ClaimedEvent,
): boolean {
  if (!ownsRow(event, bet.brand_id)) return false;
  return bet.settled_at === null || event.eventTime >= bet.settled_at;
}
