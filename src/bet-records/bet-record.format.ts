import { MicroTime } from '../common/time/micro-time';

/**
 * The seed's value formats (seed 002): money as units with two decimals (`"10000.00"`), from the
 * minor units (cents) stored; odds as strings with at least two decimals (`"2.50"`, `"1.8167"`);
 * times in UTC to the second (`"2026-04-06T10:15:32Z"`).
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatOdds(odds: number | null): string | null {
  if (odds === null) return null;
  // Never exponent notation (1e21, 1e-7), which is no odds string.
  return odds.toLocaleString('en-US', {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 10,
  });
}

/** A `datetime(6)` text as the seed writes times. */
export function formatTime(databaseText: string | null): string | null {
  if (databaseText === null) return null;
  return `${MicroTime.fromDatabaseText(databaseText).toIso().slice(0, 19)}Z`;
}

/** Minor units of an amount in currency units (monitor events), exact below 9e13 units. */
export const unitsToCents = (units: number): number => units * 100;

/** unitsToCents, keeping null (an amount the event did not give). */
export const unitsToCentsOrNull = (units: number | null): number | null =>
  units === null ? null : unitsToCents(units);

/** Status codes of both kinds of records. */
export const RecordStatus = { Pending: 0, Settled: 1, Cancelled: 2 } as const;
export type RecordStatus = (typeof RecordStatus)[keyof typeof RecordStatus];

/** Separators of "home vs away" names, most telling first: "Malcolm X vs Y" splits at "vs". */
const TEAM_SEPARATORS = [/\s+vs\.?\s+/i, /\s+v\.?\s+/i, /\s+@\s+/, /\s+x\s+/, /\s+-\s+/];
/** Longest team name stored (`home_name`, `away_name`). */
const MAX_TEAM_NAME = 200;

/** `"Manchester United vs Arsenal"` → home and away; null when the name has no such shape. */
export function splitTeams(eventName: string | null): { home: string | null; away: string | null } {
  for (const separator of eventName ? TEAM_SEPARATORS : []) {
    const parts = (eventName as string).trim().split(separator);
    if (parts.length !== 2) continue;
    const [home, away] = parts.map((p) => p.trim());
    if (home && away && home.length <= MAX_TEAM_NAME && away.length <= MAX_TEAM_NAME) {
      return { home, away };
    }
  }
  return { home: null, away: null };
}
