import { SETTLING_TYPES, WINNING_TYPES, wageredBy, type DetectionEvent } from './detection-event';

const HOUR = 3_600_000_000;
const DAY = 24 * HOUR;

/**
 * How long the player's state keeps each window: the largest window a rule's parameters allow,
 * so that a team raising a window to its maximum still finds what it needs.
 */
export const RETENTION = {
  movements: 31 * DAY,
  bonuses: 31 * DAY,
  settledDays: 90,
  lowOddsBets: 7 * DAY,
  reportedShares: 30 * DAY,
  recordedSightings: HOUR,
} as const;

/**
 * At most this many entries per list: a bound on the state of the busiest players, whose JSON
 * must fit a TEXT column (64 KiB on MySQL) with room to spare.
 */
const MAX_ENTRIES = 120;
const MAX_FLAGGED_BETS = 50;
const MAX_REPORTED_SHARES = 100;
const MAX_REPORTED_OPPOSING = 50;

/** A deposit, withdrawal or bonus: time, minor units, currency, and the stakes before it. */
export interface Movement {
  at: number;
  cents: number;
  currency: string;
  /** The player's total stakes in that currency when it happened (what was wagered since). */
  wageredBefore: number;
}

export interface FlaggedBet {
  ref: string;
  at: number;
  cents: number;
  currency: string;
  odds: number;
  settledAt: number | null;
}

/**
 * What detection remembers of a player between batches: rolling windows, stored as JSON per
 * player, loaded for a whole batch at once and written back in the batch's transaction. Only
 * the worker holding the player's partition writes it, so it needs no lock of its own.
 */
export interface PlayerState {
  /** Latest event time seen (µs); null before the first event. */
  lastAt: number | null;
  kycLevel: number | null;
  country: string | null;
  deposits: Movement[];
  withdrawals: Movement[];
  bonuses: Movement[];
  /** Total stakes per currency, ever (minor units). */
  wagered: Record<string, number>;
  /** Settled bets per day (days since the epoch): [settled, won]. */
  settledByDay: Record<string, [number, number]>;
  /** Last balance per stream and currency ("monitor:XOF"), by event time. */
  balances: Record<string, { at: number; cents: number }>;
  /** Low-odds, high-stake bets (LOW_ODDS_HIGH_STAKE), for 7 days after they settle (or were placed). */
  lowOddsBets: FlaggedBet[];
  /**
   * Per shared identifier ("ip:41.1.1.1"), the players it was last reported with and when (µs,
   * event time), and whether that report was a shadow hit: reported again when more players join,
   * once the report is out of the window, or as an alert once the share's kind is on.
   */
  reportedShares: Record<string, { players: number; at: number; shadow?: true }>;
  /** Per AML single bet (its event ref), the opposing bets OPPOSITE_SIDES last reported. */
  reportedOpposing: Record<string, number>;
  /**
   * Per identifier (`kind|value`), the event time its sighting was last recorded in the
   * database: recorded again an hour later at the earliest (cross-player-facts.loader.ts).
   */
  recordedSightings: Record<string, number>;
}

export const emptyPlayerState = (): PlayerState => ({
  lastAt: null,
  kycLevel: null,
  country: null,
  deposits: [],
  withdrawals: [],
  bonuses: [],
  wagered: {},
  settledByDay: {},
  balances: {},
  lowOddsBets: [],
  reportedShares: {},
  reportedOpposing: {},
  recordedSightings: {},
});

export const dayOf = (micros: number) => Math.floor(micros / DAY);

/** Moves in the same currency, from `since` (µs) on. */
export const within = (moves: readonly Movement[], currency: string, since: number) =>
  moves.filter((move) => move.currency === currency && move.at >= since);

export const balanceKey = (event: DetectionEvent) => `${event.stream}:${event.currency}`;

/** The state after the event: windows updated, old entries dropped. Pure: returns a new state. */
export const applyEvent = (state: PlayerState, event: DetectionEvent): PlayerState =>
  foldEvent(copyOf(state), event);

/** Folds the event into `next` itself (windows updated, old entries dropped) and returns it. */
export function foldEvent(next: PlayerState, event: DetectionEvent): PlayerState {
  const wageredBefore = next.wagered[event.currency] ?? 0;
  const movement = (): Movement => ({
    at: event.at,
    cents: event.amountCents,
    currency: event.currency,
    wageredBefore,
  });
  // Money that moved: a deposit, withdrawal or bonus of nothing is no movement (nor in the
  // players' counters).
  switch (event.amountCents > 0 ? event.type : null) {
    case 'DEPOSIT':
      next.deposits.push(movement());
      break;
    case 'WITHDRAWAL':
      next.withdrawals.push(movement());
      break;
    case 'BONUS_CREDITED':
      next.bonuses.push(movement());
      break;
    case 'BET_PLACED':
      next.wagered[event.currency] = wageredBefore + wageredBy(event);
      break;
  }
  if (SETTLING_TYPES.has(event.type)) {
    const day = String(dayOf(event.at));
    const [settled, won] = next.settledByDay[day] ?? [0, 0];
    next.settledByDay[day] = [settled + 1, won + (WINNING_TYPES.has(event.type) ? 1 : 0)];
  }
  if (event.betRef && (SETTLING_TYPES.has(event.type) || event.type === 'CASHOUT')) {
    // Only a bet that paid out can be laundered money coming back; a lost one is forgotten.
    const paid = event.type !== 'BET_LOST';
    next.lowOddsBets = next.lowOddsBets.filter((bet) => paid || bet.ref !== event.betRef);
    for (const bet of next.lowOddsBets) {
      if (bet.ref === event.betRef && bet.settledAt === null) bet.settledAt = event.at;
    }
  }
  if (event.balanceAfterCents !== null) {
    const key = balanceKey(event);
    const known = next.balances[key];
    // At the same instant, the order is unknown: an event takes over only when it continues from
    // the balance known (one that does not may well have come first, as in a batch sent newest
    // first, and the balance known is then where the chain stands).
    if (
      !known ||
      known.at < event.at ||
      (known.at === event.at && event.balanceBeforeCents === known.cents)
    ) {
      next.balances[key] = { at: event.at, cents: event.balanceAfterCents };
    }
  }
  // A late event does not overwrite what a later one said about the player.
  if (next.lastAt === null || event.at >= next.lastAt) {
    next.kycLevel = event.kycLevel ?? next.kycLevel;
    next.country = event.country ?? next.country;
  }
  next.lastAt = next.lastAt === null ? event.at : Math.max(next.lastAt, event.at);
  return prune(next, next.lastAt);
}

/**
 * A copy the caller may change: new lists and maps, the same (never changed) movements. Much
 * cheaper than a deep clone, which the engine would otherwise pay on every event.
 */
export function copyOf(state: PlayerState): PlayerState {
  return {
    ...state,
    deposits: [...state.deposits],
    withdrawals: [...state.withdrawals],
    bonuses: [...state.bonuses],
    wagered: { ...state.wagered },
    settledByDay: { ...state.settledByDay },
    balances: { ...state.balances },
    lowOddsBets: state.lowOddsBets.map((bet) => ({ ...bet })),
    reportedShares: { ...state.reportedShares },
    reportedOpposing: { ...state.reportedOpposing },
    recordedSightings: { ...state.recordedSightings },
  };
}

function prune(state: PlayerState, now: number): PlayerState {
  // Runs on every event, so it allocates only when something is to go. Lists are kept in
  // event-time order (a late event is put in its place), so the expired and, over the cap, the
  // oldest are at the front.
  const keep = (moves: Movement[], retention: number) => {
    const last = moves.length - 1;
    if (last > 0 && moves[last - 1].at > moves[last].at) moves.sort((a, b) => a.at - b.at);
    let first = Math.max(0, moves.length - MAX_ENTRIES);
    while (first < moves.length && moves[first].at < now - retention) first++;
    return first > 0 ? moves.slice(first) : moves;
  };
  state.deposits = keep(state.deposits, RETENTION.movements);
  state.withdrawals = keep(state.withdrawals, RETENTION.movements);
  state.bonuses = keep(state.bonuses, RETENTION.bonuses);
  const bets = state.lowOddsBets;
  const betExpired = (bet: FlaggedBet) => (bet.settledAt ?? bet.at) < now - RETENTION.lowOddsBets;
  if (
    bets.length > MAX_FLAGGED_BETS ||
    bets.some((bet, i) => betExpired(bet) || (i > 0 && bets[i - 1].at > bet.at))
  ) {
    state.lowOddsBets = bets
      .filter((bet) => !betExpired(bet))
      .sort((a, b) => a.at - b.at)
      .slice(-MAX_FLAGGED_BETS);
  }
  let shares = 0;
  let sharesExpired = false;
  for (const key in state.reportedShares) {
    shares++;
    if (state.reportedShares[key].at < now - RETENTION.reportedShares) sharesExpired = true;
  }
  if (shares > MAX_REPORTED_SHARES || sharesExpired) {
    state.reportedShares = Object.fromEntries(
      Object.entries(state.reportedShares)
        .filter(([, reported]) => reported.at >= now - RETENTION.reportedShares)
        .sort(([, a], [, b]) => a.at - b.at)
        .slice(-MAX_REPORTED_SHARES),
    );
  }
  const opposing = Object.keys(state.reportedOpposing);
  for (const ref of opposing.slice(0, Math.max(0, opposing.length - MAX_REPORTED_OPPOSING))) {
    delete state.reportedOpposing[ref];
  }
  for (const key in state.recordedSightings) {
    if (state.recordedSightings[key] < now - RETENTION.recordedSightings) {
      delete state.recordedSightings[key];
    }
  }
  const firstDay = dayOf(now) - RETENTION.settledDays;
  for (const day in state.settledByDay) {
    if (Number(day) < firstDay) delete state.settledByDay[day];
  }
  return state;
}

export const MICROS = { HOUR, DAY, MINUTE: 60_000_000 } as const;
