import type { MicroTime } from '../common/time/micro-time';
import type { BetLeg, LegResult, LegState, LoggedBettingEvent, SlipState } from './betting-event';

/** A slip's current state: its events folded in the order they happened. */
export interface DerivedSlip {
  state: SlipState;
  totalStake: number;
  totalOdds: number;
  legCount: number;
  isLive: boolean;
  isFreeBet: boolean;
  isEachWay: boolean;
  bonusAmount: number;
  /** What the slip paid, in cents: see `payoutOf`. */
  payout: number | null;
  /** Each leg with every event's view of it merged, in the order the legs first appeared. */
  legs: BetLeg[];
  eventsCount: number;
  firstEventAt: MicroTime;
  lastEventAt: MicroTime;
  /** When the slip was settled or cancelled; null while open. */
  closedAt: MicroTime | null;
  /** The balance before its earliest event and after its latest, in cents. */
  balanceBefore: number;
  balanceAfter: number;
}

/**
 * Folds a slip's log (at least one event) into its current state. Events apply in the order they
 * happened (`event_date`, then arrival), so a result that arrives before its bet still wins.
 * - `new_bet` opens the slip (whatever its `bet_slip_state` says), unless it was settled or
 *   cancelled already: a late or repeated bet never reopens a slip;
 * - `result` sets `bet_slip_state`, `settled` when absent (a partial result may keep it `open`);
 * - `cancellation` cancels it.
 * Every event restates the slip's figures; optional ones it leaves out keep their last value
 * (false or 0 if never said). Legs merge by `leg_id`, field by field, the same way.
 */
export function foldSlip(log: readonly LoggedBettingEvent[]): DerivedSlip {
  if (log.length === 0) throw new Error('A slip has at least one event');
  const events = [...log].sort(
    (a, b) => a.eventDate.micros - b.eventDate.micros || a.sequence - b.sequence,
  );
  let state: SlipState | null = null;
  let closedAt: MicroTime | null = null;
  let flags = { isLive: null, isFreeBet: null, isEachWay: null } as Record<
    'isLive' | 'isFreeBet' | 'isEachWay',
    boolean | null
  >;
  let bonusAmount: number | null = null;
  const legs = new Map<string, BetLeg>();
  for (const event of events) {
    const next = stateAfter(state, event);
    if (next !== state && next !== 'open') closedAt = event.eventDate;
    if (next === 'open') closedAt = null;
    state = next;
    flags = {
      isLive: event.isLive ?? flags.isLive,
      isFreeBet: event.isFreeBet ?? flags.isFreeBet,
      isEachWay: event.isEachWay ?? flags.isEachWay,
    };
    bonusAmount = event.bonusAmount ?? bonusAmount;
    for (const leg of event.legs) legs.set(leg.legId, mergeLeg(legs.get(leg.legId), leg));
  }
  const last = events[events.length - 1];
  const merged = [...legs.values()];
  const finalState = state as SlipState;
  return {
    state: finalState,
    totalStake: last.totalStake,
    totalOdds: last.totalOdds,
    legCount: last.legCount,
    isLive: flags.isLive ?? false,
    isFreeBet: flags.isFreeBet ?? false,
    isEachWay: flags.isEachWay ?? false,
    bonusAmount: bonusAmount ?? 0,
    payout: payoutOf(finalState, merged, closingEvent(events, finalState)),
    legs: merged,
    eventsCount: events.length,
    firstEventAt: events[0].eventDate,
    lastEventAt: last.eventDate,
    closedAt,
    balanceBefore: events[0].lastPlayerBalance,
    balanceAfter: last.currentPlayerBalance,
  };
}

function stateAfter(state: SlipState | null, event: LoggedBettingEvent): SlipState {
  switch (event.type) {
    case 'new_bet':
      return state === null || state === 'open' ? 'open' : state;
    case 'result':
      return event.betSlipState ?? 'settled';
    case 'cancellation':
      return 'cancelled';
  }
}

/** The latest `result` that settled the slip, when it is settled. */
function closingEvent(events: readonly LoggedBettingEvent[], state: SlipState) {
  if (state !== 'settled') return null;
  return events.findLast((e) => e.type === 'result') ?? null;
}

/**
 * A leg's fields from `update`, and from `known` where `update` left them out. `leg_state` and
 * `result` are one fact, the leg's settlement: an update that says either replaces both (the other
 * inferred from it), so that a corrected `result: "won"` never sits beside an old `lost` state.
 */
function mergeLeg(known: BetLeg | undefined, update: BetLeg): BetLeg {
  if (!known) return update;
  const merged = { ...known };
  for (const [key, value] of Object.entries(update) as [keyof BetLeg, unknown][]) {
    if (value !== null) (merged as Record<keyof BetLeg, unknown>)[key] = value;
  }
  if (update.legState !== null || update.result !== null) {
    merged.legState = update.legState ?? stateOfResult(update.result as LegResult);
    merged.result = update.result ?? resultOfState(update.legState as LegState);
  }
  return merged;
}

const stateOfResult = (result: LegResult): LegState => (result === 'push' ? 'void' : result);
const resultOfState = (state: LegState): LegResult | null => (state === 'open' ? null : state);

export const isLost = (leg: BetLeg) => leg.result === 'lost' || leg.legState === 'lost';
export const isWon = (leg: BetLeg) => leg.result === 'won' || leg.legState === 'won';

/**
 * What a settled slip paid, in cents; null while open, when cancelled, or when nothing says.
 * - a lost leg loses the whole slip: 0;
 * - else the largest `amount_won`: for a multiple, `amount_won` is the accumulator's running
 *   value after each leg (the seed's result example: 18000, 37800, 62500 on a 10000 stake at
 *   1.8 x 2.1 x 1.65), so the largest is what the slip paid; for a single, its only leg's;
 * - else the balance credit of the result that settled it.
 */
export function payoutOf(
  state: SlipState,
  legs: readonly BetLeg[],
  closing: LoggedBettingEvent | null,
): number | null {
  if (state !== 'settled') return null;
  if (legs.some(isLost)) return 0;
  const won = legs.map((l) => l.amountWon).filter((a): a is number => a !== null);
  if (won.length > 0) return Math.max(...won);
  if (!closing) return null;
  const credit = closing.currentPlayerBalance - closing.lastPlayerBalance;
  return credit >= 0 ? credit : null;
}
