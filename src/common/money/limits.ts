/**
 * The largest amounts and odds the APIs take, the same for every API: an amount in currency
 * units up to 9 x 10^13 (x 100 in cents still a JavaScript safe integer, and a `bigint` column),
 * odds up to 1,000,000 (a price no book offers, far from the doubles that print as exponents).
 */
export const MAX_AMOUNT_UNITS = 90_000_000_000_000;
export const MAX_AMOUNT_CENTS = MAX_AMOUNT_UNITS * 100;
export const MAX_ODDS = 1_000_000;
