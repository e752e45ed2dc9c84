/** The UTC day (`YYYY-MM-DD`) of a time, now by default. */
export const utcDay = (at: number = Date.now()): string => new Date(at).toISOString().slice(0, 10);

/**
 * Either of two days read before and after something stamped its day: midnight may pass between
 * the two reads, never more.
 */
export const eitherDay = (before: string, after: string) =>
  expect.stringMatching(new RegExp(`^(${before}|${after})$`));
