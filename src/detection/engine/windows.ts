/** A move in a window: its time (µs) and minor units. */
export interface Timed {
  at: number;
  cents: number;
}

/**
 * The windows of `length` µs that hold `added`: the one ending at it, then each ending at a later
 * move within `length` of it, earliest first. Each lists the moves it holds (`added` among them),
 * oldest first. A move that arrives after later-dated ones (a batch sent newest first, a sender's
 * threads racing) completes their windows, which were judged before it was known.
 */
export function windowsHolding(moves: readonly Timed[], added: Timed, length: number): Timed[][] {
  const near = [...moves.filter((move) => Math.abs(move.at - added.at) <= length), added].sort(
    (a, b) => a.at - b.at,
  );
  const laterEnds = new Set(near.filter((move) => move.at > added.at).map((move) => move.at));
  return [added.at, ...laterEnds].map((end) =>
    near.filter((move) => move.at <= end && move.at >= end - length),
  );
}

/** Of the windows that `hits`, the one with the most moves (the earliest of equals); none: null. */
export function fullestHit(windows: readonly Timed[][], hits: (window: Timed[]) => boolean) {
  let fullest: Timed[] | null = null;
  for (const window of windows) {
    if (hits(window) && window.length > (fullest?.length ?? 0)) fullest = window;
  }
  return fullest;
}

export const totalOf = (moves: readonly Timed[]) =>
  moves.reduce((sum, move) => sum + move.cents, 0);

/** The minutes from a window's first move to its last. */
export const spanMinutesOf = (moves: readonly Timed[], minute: number) =>
  Math.round((moves[moves.length - 1].at - moves[0].at) / minute);
