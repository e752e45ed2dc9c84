/** Alert statuses (CONTRACTS.md 1b). */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Statuses in which an alert takes later hits of its rule (within the cooldown). */
export const ACTIVE_STATUSES: readonly AlertStatus[] = ['OPEN', 'ACKNOWLEDGED'];

/** OPEN -> ACKNOWLEDGED -> RESOLVED or FALSE_POSITIVE, or OPEN straight to either. */
const MOVES: Record<AlertStatus, readonly AlertStatus[]> = {
  OPEN: ['ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE'],
  ACKNOWLEDGED: ['RESOLVED', 'FALSE_POSITIVE'],
  RESOLVED: [],
  FALSE_POSITIVE: [],
};

export const canMove = (from: AlertStatus, to: AlertStatus): boolean => MOVES[from].includes(to);

export const isClosed = (status: AlertStatus): boolean => !ACTIVE_STATUSES.includes(status);
