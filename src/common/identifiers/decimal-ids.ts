/**
 * Row ids (BIGINT) as decimal text, in numeric order: without leading zeros, a shorter one is the
 * smaller, and among ids of one length text order is numeric order.
 */
export const compareDecimalIds = (a: string, b: string): number =>
  a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
