import {
  emptyPlayerState,
  type FlaggedBet,
  type Movement,
  type PlayerState,
} from '../engine/player-state';

/**
 * How a player's state is stored: compact JSON, about a third of the objects' own JSON. Every
 * batch writes back the state of each of its players, and the database's time for that grows with
 * the bytes (bench/results/processing.md), so lists are tuples grouped by currency, and times are
 * microseconds before the state's latest event (`lastAt`): 10 digits instead of 16.
 *
 * States written before this format (the objects' JSON, without `v`) are still read.
 */
interface StoredState {
  v: 2;
  /** lastAt, kycLevel, country. */
  p: [number | null, number | null, string | null];
  /** deposits, withdrawals, bonuses: per currency, [before lastAt, cents, wageredBefore] in time order. */
  m: [Moves, Moves, Moves];
  g: Record<string, number>;
  s: Record<string, [number, number]>;
  /** balances: key -> [before lastAt, cents]. */
  b: Record<string, [number, number]>;
  /** lowOddsBets: [ref, before lastAt, cents, currency, odds, settled before lastAt or null]. */
  o: [string, number, number, string, number, number | null][];
  /** reportedShares: key -> [players, before lastAt], and 1 when it was a shadow hit. */
  r: Record<string, [number, number] | [number, number, 1]>;
  q: Record<string, number>;
  /** recordedSightings: key -> before lastAt. */
  i: Record<string, number>;
}

type Moves = Record<string, [number, number, number][]>;

export function encodeState(state: PlayerState): string {
  const base = state.lastAt ?? 0;
  const ago = (at: number) => base - at;
  const stored: StoredState = {
    v: 2,
    p: [state.lastAt, state.kycLevel, state.country],
    m: [
      movesOf(state.deposits, base),
      movesOf(state.withdrawals, base),
      movesOf(state.bonuses, base),
    ],
    g: state.wagered,
    s: state.settledByDay,
    b: mapValues(state.balances, ({ at, cents }) => [ago(at), cents]),
    o: state.lowOddsBets.map((bet) => [
      bet.ref,
      ago(bet.at),
      bet.cents,
      bet.currency,
      bet.odds,
      bet.settledAt === null ? null : ago(bet.settledAt),
    ]),
    r: mapValues(state.reportedShares, ({ players, at, shadow }) =>
      shadow ? [players, ago(at), 1] : [players, ago(at)],
    ),
    q: state.reportedOpposing,
    i: mapValues(state.recordedSightings, ago),
  };
  return JSON.stringify(stored);
}

export function decodeState(json: string): PlayerState {
  const parsed = JSON.parse(json) as StoredState | PlayerState;
  if (!('v' in parsed)) return { ...emptyPlayerState(), ...parsed };
  const [lastAt, kycLevel, country] = parsed.p;
  const base = lastAt ?? 0;
  const at = (ago: number) => base - ago;
  const lowOddsBets: FlaggedBet[] = parsed.o.map(
    ([ref, placed, cents, currency, odds, settled]) => ({
      ref,
      at: at(placed),
      cents,
      currency,
      odds,
      settledAt: settled === null ? null : at(settled),
    }),
  );
  return {
    lastAt,
    kycLevel,
    country,
    deposits: movementsOf(parsed.m[0], base),
    withdrawals: movementsOf(parsed.m[1], base),
    bonuses: movementsOf(parsed.m[2], base),
    wagered: parsed.g,
    settledByDay: parsed.s,
    balances: mapValues(parsed.b, ([ago, cents]) => ({ at: at(ago), cents })),
    lowOddsBets,
    reportedShares: mapValues(parsed.r, ([players, ago, shadow]) =>
      shadow === 1 ? { players, at: at(ago), shadow: true } : { players, at: at(ago) },
    ),
    reportedOpposing: parsed.q,
    recordedSightings: mapValues(parsed.i, at),
  };
}

function movesOf(moves: readonly Movement[], base: number): Moves {
  const byCurrency: Moves = {};
  for (const move of moves) {
    (byCurrency[move.currency] ??= []).push([base - move.at, move.cents, move.wageredBefore]);
  }
  return byCurrency;
}

/** The lists back in one time order (the state keeps them so), whatever their currencies. */
function movementsOf(stored: Moves, base: number): Movement[] {
  const moves: Movement[] = [];
  for (const [currency, list] of Object.entries(stored)) {
    for (const [ago, cents, wageredBefore] of list) {
      moves.push({ at: base - ago, cents, currency, wageredBefore });
    }
  }
  if (Object.keys(stored).length > 1) moves.sort((a, b) => a.at - b.at);
  return moves;
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  const mapped: Record<string, U> = {};
  for (const key of Object.keys(record)) mapped[key] = map(record[key]);
  return mapped;
}
