/**
 * Timestamps with microseconds, which `Date` cannot hold. Microseconds since the epoch fit a
 * double exactly until the year 2255.
 */

export class MicroTime {
  private databaseText?: string;

  private constructor(
    /** Whole microseconds since the Unix epoch. */
    readonly micros: number,
  ) {}

  /** `databaseText`, when the caller has it already: the same instant as `toDatabaseText()`. */
  static fromMicros(micros: number, databaseText?: string): MicroTime {
    const time = new MicroTime(micros);
    time.databaseText = databaseText;
    return time;
  }

  /** The wall clock (so it follows NTP), its microsecond digits from the high-resolution clock. */
  static now(): MicroTime {
    return new MicroTime(Date.now() * 1000 + (Math.floor(performance.now() * 1000) % 1000));
  }

  /** From a database `datetime(6)` text, `YYYY-MM-DD HH:MM:SS[.ffffff]`, in UTC. */
  static fromDatabaseText(text: string): MicroTime {
    const [seconds, fraction = ''] = text.split('.');
    const millis = Date.parse(`${seconds.replace(' ', 'T')}Z`);
    return new MicroTime(millis * 1000 + Number(fraction.padEnd(6, '0').slice(0, 6)));
  }

  /** YYYYMM in UTC (202602). */
  toYearMonth(): number {
    const date = new Date(Math.floor(this.micros / 1000));
    return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
  }

  /** `2026-02-07T06:19:00.681884Z` */
  toIso(): string {
    return `${this.toDatabaseText().replace(' ', 'T')}Z`;
  }

  /** `2026-02-07 06:19:00.681884`, for a `datetime(6)` column on either dialect. */
  toDatabaseText(): string {
    return (this.databaseText ??= this.formatDatabaseText());
  }

  private formatDatabaseText(): string {
    const seconds = Math.floor(this.micros / 1_000_000);
    const fraction = String(this.micros - seconds * 1_000_000).padStart(6, '0');
    return `${secondText(seconds)}.${fraction}`;
  }
}

/**
 * `2026-02-07 06:19:00` for whole seconds since the epoch, the last one remembered: the times
 * written while handling requests mostly fall in the same second, and `toISOString` is slow.
 */
let lastSecond = Number.NaN;
let lastSecondText = '';
function secondText(seconds: number): string {
  if (seconds !== lastSecond) {
    const iso = new Date(seconds * 1000).toISOString();
    lastSecondText = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
    lastSecond = seconds;
  }
  return lastSecondText;
}
