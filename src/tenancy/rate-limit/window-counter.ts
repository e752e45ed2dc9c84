/** The count of hits in the current fixed window, and when that window ends. */
export interface WindowCount {
  count: number;
  windowEndsAtMs: number;
}

/**
 * Counts hits per key in fixed windows aligned on multiples of the window length (a minute
 * window runs from hh:mm:00 to hh:mm+1:00), so that every instance agrees on the window.
 */
export interface WindowCounter {
  hit(key: string, windowMs: number): Promise<WindowCount>;
}
