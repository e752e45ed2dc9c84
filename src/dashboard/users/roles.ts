/**
 * A dashboard user's role. A viewer reads; an analyst also works alerts; an admin also changes
 * the team's settings, keys, webhooks, rules and users.
 */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Whether `role` may do what `least` may. */
export const allows = (role: Role, least: Role): boolean =>
  ROLES.indexOf(role) >= ROLES.indexOf(least);
