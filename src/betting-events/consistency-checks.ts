import type { LoggedBettingEvent, SlipEventFacts } from './betting-event';
import { isLost, isWon, type DerivedSlip } from './slip-fold';

export const CHECK_CODES = [
  'out_of_order',
  'player_mismatch',
  'balance_mismatch',
  'total_odds_mismatch',
  'amount_won_mismatch',
  'stake_changed',
  'unknown_leg',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** One thing about an event that does not add up. Recorded on the event, never a rejection. */
export interface ConsistencyCheck {
  code: CheckCode;
  message: string;
  /** The leg concerned, for `amount_won_mismatch` and `unknown_leg`. */
  leg_id?: string;
}

/** How far a figure may stray from what the odds give (rounding by the operator): 1 %. */
export const ODDS_TOLERANCE = 0.01;

/** What the slip looked like before the event arrived; null when the event is its first. */
export interface SlipBefore {
  taxId: string;
  derived: DerivedSlip;
  /** The bet as placed: its latest `new_bet` (by event time); null while none arrived. */
  placed: Placement | null;
}

/** A slip's bet as placed: the stake and the legs its settlement must keep. */
export interface Placement {
  totalStake: number;
  legIds: ReadonlySet<string>;
}

/**
 * The bet as the slip's `new_bet` events placed it, if any: the stake of the latest (by event
 * time, then arrival), and the legs of all of them (a restatement may carry only the legs it
 * changes, as the slip merges legs by id).
 */
export function placementOf(log: readonly LoggedBettingEvent[]): Placement | null {
  const bets = log
    .filter((e) => e.type === 'new_bet')
    .sort((a, b) => a.eventDate.micros - b.eventDate.micros || a.sequence - b.sequence);
  const latest = bets.at(-1);
  if (!latest) return null;
  return {
    totalStake: latest.totalStake,
    legIds: new Set(bets.flatMap((bet) => bet.legs.map((leg) => leg.legId))),
  };
}

/**
 * The checks an event fails, given the slip before it and after it. They feed the AML rules:
 * - `out_of_order`: a `result` or `cancellation` for a slip never seen, or a `new_bet` dated
 *   after the slip was settled or cancelled;
 * - `player_mismatch`: a CPF other than the slip's;
 * - `balance_mismatch`: the balance moved otherwise than the event implies: a bet takes the
 *   stake (or the stake less the bonus used; nothing for a free bet), a settling result pays
 *   the slip's payout and a partial one nothing, a cancellation refunds what the bet took;
 * - `total_odds_mismatch`: `total_odds` more than 1 % away from the product of the leg odds;
 * - `amount_won_mismatch`: a won leg's `amount_won` more than 1 % away from the accumulator's
 *   running value (stake x the odds of the won legs so far; void and push legs count as 1; for
 *   a free bet, with or without the stake), or a lost leg that won something;
 * - `stake_changed`: a `result` or `cancellation` whose `total_stake` is not the stake placed;
 * - `unknown_leg`: a `result` or `cancellation` naming legs no `new_bet` placed (one
 *   check, `leg_id` the first of them).
 * The last two need the placement: a result for a slip never seen is `out_of_order` instead.
 * The odds checks are skipped for each-way slips, whose place terms the seed does not carry.
 */
export function checkEvent(
  event: SlipEventFacts,
  before: SlipBefore | null,
  after: DerivedSlip,
): ConsistencyCheck[] {
  const checks: ConsistencyCheck[] = [];
  const outOfOrder = outOfOrderMessage(event, before);
  if (outOfOrder) checks.push({ code: 'out_of_order', message: outOfOrder });
  if (before && before.taxId !== event.taxId) {
    checks.push({
      code: 'player_mismatch',
      message: `tax_id ${event.taxId} is not the slip's (${before.taxId})`,
    });
  }
  if (before?.placed && event.type !== 'new_bet')
    checks.push(...settlementChecks(event, before.placed));
  const balance = balanceMessage(event, after);
  if (balance) checks.push({ code: 'balance_mismatch', message: balance });
  if (!(event.isEachWay ?? after.isEachWay)) {
    const odds = totalOddsMessage(event);
    if (odds) checks.push({ code: 'total_odds_mismatch', message: odds });
    checks.push(...amountWonChecks(event, event.isFreeBet ?? after.isFreeBet));
  }
  return checks;
}

function outOfOrderMessage(event: SlipEventFacts, before: SlipBefore | null): string | null {
  if (!before) {
    return event.type === 'new_bet' ? null : `${event.type} for a slip never seen before`;
  }
  const { state, closedAt } = before.derived;
  // A bet that merely arrives late (dated before the result) is not odd: the result was flagged.
  return event.type === 'new_bet' && closedAt && event.eventDate.micros > closedAt.micros
    ? `new_bet dated after the slip was ${state}`
    : null;
}

/** A settlement or cancellation against the bet as placed: its stake, and only its legs. */
function settlementChecks(event: SlipEventFacts, placed: Placement): ConsistencyCheck[] {
  const checks: ConsistencyCheck[] = [];
  if (event.totalStake !== placed.totalStake) {
    checks.push({
      code: 'stake_changed',
      message: `total_stake ${event.totalStake} is not the stake placed (${placed.totalStake})`,
    });
  }
  // One check for all of them, naming the first: a 64 KiB column holds an event's checks.
  const unknown = event.legs.filter((leg) => !placed.legIds.has(leg.legId));
  if (unknown.length > 0) {
    checks.push({
      code: 'unknown_leg',
      leg_id: unknown[0].legId,
      message:
        unknown.length === 1
          ? `the ${event.type} names a leg the bet placed did not have`
          : `the ${event.type} names ${unknown.length} legs the bet placed did not have`,
    });
  }
  return checks;
}

function balanceMessage(event: SlipEventFacts, after: DerivedSlip): string | null {
  const moved = event.currentPlayerBalance - event.lastPlayerBalance;
  const stake = event.totalStake;
  const freeBet = event.isFreeBet ?? after.isFreeBet;
  const bonus = event.bonusAmount ?? after.bonusAmount;
  const taken: Range = freeBet ? [0, 0] : [Math.max(0, stake - bonus), stake];
  let expected: Range | null;
  switch (event.type) {
    case 'new_bet':
      expected = [-taken[1], -taken[0]];
      break;
    case 'cancellation':
      expected = taken;
      break;
    case 'result': {
      const settles = (event.betSlipState ?? 'settled') === 'settled';
      const payout = settles ? after.payout : 0;
      expected = payout === null ? null : [payout, payout];
      break;
    }
  }
  if (!expected || (moved >= expected[0] && moved <= expected[1])) return null;
  const wanted =
    expected[0] === expected[1] ? `${expected[0]}` : `${expected[0]} to ${expected[1]}`;
  return `balance moved by ${moved}, expected ${wanted} for a ${event.type}`;
}

type Range = [number, number];

function totalOddsMessage(event: SlipEventFacts): string | null {
  const product = event.legs.reduce((p, leg) => p * leg.odds, 1);
  if (!Number.isFinite(product) || !Number.isFinite(event.totalOdds)) return null;
  // With a hair of slack for floating point: 2.0 x 2.0 against 4.04 is 1 % apart, not more.
  if (Math.abs(event.totalOdds - product) <= ODDS_TOLERANCE * product * (1 + 1e-9)) return null;
  return `total_odds ${event.totalOdds} is more than 1 % away from the product of the leg odds (${round(product)})`;
}

function amountWonChecks(event: SlipEventFacts, freeBet: boolean): ConsistencyCheck[] {
  const checks: ConsistencyCheck[] = [];
  let running = event.totalStake;
  for (const leg of event.legs) {
    if (isLost(leg)) {
      running = 0;
      if ((leg.amountWon ?? 0) > 0) {
        checks.push({
          code: 'amount_won_mismatch',
          leg_id: leg.legId,
          message: `the leg is lost but amount_won is ${leg.amountWon}`,
        });
      }
      continue;
    }
    if (!isWon(leg)) continue;
    running *= leg.odds;
    if (leg.amountWon === null || !Number.isFinite(running)) continue;
    const expected = freeBet ? [running, running - event.totalStake] : [running];
    if (expected.some((e) => Math.abs(leg.amountWon! - e) <= Math.max(1, ODDS_TOLERANCE * e))) {
      continue;
    }
    checks.push({
      code: 'amount_won_mismatch',
      leg_id: leg.legId,
      message: `amount_won ${leg.amountWon} is more than 1 % away from ${Math.round(running)}, the stake times the odds of the won legs so far`,
    });
  }
  return checks;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
