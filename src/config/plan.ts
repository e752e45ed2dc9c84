/** Commercial plans. Each plan has a per-minute request limit, set in the configuration. */
export const PLANS = ['free', 'standard', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const DEFAULT_PLAN: Plan = 'standard';

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}
