/**
 * Default money thresholds, in minor units per currency. One reference amount, about
 * EUR 2,000 (the UK and EU casino customer-due-diligence threshold of the Money Laundering
 * Regulations), in each currency the pack ships: a team sets its own with `PUT /api/v1/rules`.
 */
export const LARGE_AMOUNT_CENTS: Readonly<Record<string, number>> = {
  XOF: 1_000_000_00,
  GHS: 25_000_00,
  NGN: 3_000_000_00,
  EUR: 2_000_00,
  USD: 2_000_00,
  BRL: 10_000_00,
};

/** Each default threshold times `share`, rounded to a whole unit. */
export const shareOf = (share: number): Readonly<Record<string, number>> =>
  Object.fromEntries(
    Object.entries(LARGE_AMOUNT_CENTS).map(([currency, cents]) => [
      currency,
      Math.round((cents * share) / 100) * 100,
    ]),
  );

/** The threshold for a currency; undefined when the rule has none (it is skipped). */
export const thresholdFor = (
  thresholds: Readonly<Record<string, number>>,
  currency: string,
): number | undefined => (Object.hasOwn(thresholds, currency) ? thresholds[currency] : undefined);
