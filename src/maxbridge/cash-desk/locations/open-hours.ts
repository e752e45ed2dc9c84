export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** One day's hours, `{"open":"09:00","close":"18:00"}`, or `""` when the desk is closed. */
export type DayHours = { open: string; close: string } | '';

/** The seed's `open_hours`: every weekday, in order. */
export type OpenHours = Record<Weekday, DayHours>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Parses the command line's `--hours`: `mon-fri 09:00-18:00, sat 10:00-16:00` (days not named are
 * closed), or the seed's JSON object itself. Throws with a message a person can act on.
 */
export function parseOpenHours(text: string): OpenHours {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return openHoursOf(JSON.parse(trimmed) as unknown);
  const hours = Object.fromEntries(WEEKDAYS.map((day) => [day, ''])) as OpenHours;
  for (const part of trimmed
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d\d:\d\d)-(\d\d:\d\d)$/i.exec(part);
    if (!match) throw new Error(`"${part}" is not like "mon-fri 09:00-18:00"`);
    const from = dayIndex(match[1]);
    const to = match[2] ? dayIndex(match[2]) : from;
    if (to < from) throw new Error(`"${part}": the days must run from Monday to Sunday`);
    const day = checkedDay({ open: match[3], close: match[4] });
    for (let i = from; i <= to; i++) hours[WEEKDAYS[i]] = day;
  }
  return hours;
}

/** Validates a JSON `open_hours` object: every weekday, each `""` or `{open, close}`. */
export function openHoursOf(value: unknown): OpenHours {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('open hours must be an object with one entry per weekday');
  }
  const given = value as Record<string, unknown>;
  const unknown = Object.keys(given).filter(
    (key) => !(WEEKDAYS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) throw new Error(`unknown weekday(s): ${unknown.join(', ')}`);
  return Object.fromEntries(
    WEEKDAYS.map((day) => {
      const hours = given[day];
      if (hours === undefined || hours === '') return [day, ''];
      if (typeof hours !== 'object' || hours === null) {
        throw new Error(`${day} must be "" or {"open":"HH:MM","close":"HH:MM"}`);
      }
      const { open, close } = hours as Record<string, unknown>;
      return [day, checkedDay({ open, close })];
    }),
  ) as OpenHours;
}

function checkedDay({ open, close }: { open: unknown; close: unknown }): DayHours {
  if (
    typeof open !== 'string' ||
    typeof close !== 'string' ||
    !TIME.test(open) ||
    !TIME.test(close)
  ) {
    throw new Error('hours must be HH:MM, from 00:00 to 23:59');
  }
  if (close <= open) throw new Error(`closing time ${close} must come after opening time ${open}`);
  return { open, close };
}

function dayIndex(abbreviation: string): number {
  const index = WEEKDAYS.findIndex((day) => day.startsWith(abbreviation.toLowerCase()));
  if (index < 0) throw new Error(`"${abbreviation}" is not a weekday (mon, tue, ... sun)`);
  return index;
}
