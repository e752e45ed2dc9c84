import { MicroTime } from './micro-time';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses an ISO 8601 date-time that names its time zone (`Z` or an offset), keeping fractions
 * of a second down to the microsecond. Anything else, or a date that does not exist (Feb 30),
 * gives `null`: a time without a zone is ambiguous.
 */
export function parseIsoTimestamp(text: string): MicroTime | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utcMillis = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(utcMillis).getUTCDate() !== day) return null;
  const offsetMinutes = zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return null;
  const micros =
    (utcMillis - offsetMinutes * 60_000) * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6));
  // In UTC already, the database text is the input's own digits: no formatting needed.
  const utcText =
    offsetMinutes === 0
      ? `${y}-${mo}-${d} ${h}:${mi}:${s.padStart(2, '0')}.${fraction.padEnd(6, '0').slice(0, 6)}`
      : undefined;
  return MicroTime.fromMicros(micros, utcText);
}

function zoneOffsetMinutes(zone: string): number | null {
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
