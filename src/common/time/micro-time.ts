/**
 * Timestamps with microseconds, which `Date` cannot hold. The wall clock is read once, then
 * advanced with the monotonic high-resolution clock.
 */
const originMicros = BigInt(Date.now()) * 1000n - BigInt(Math.round(performance.now() * 1000));

export class MicroTime {
  private databaseText?: string;

  private constructor(
    /** Microseconds since the Unix epoch. */
    readonly micros: bigint,
  ) {}

  static fromMicros(micros: bigint): MicroTime {
    return new MicroTime(micros);
  }

  static now(): MicroTime {
    return new MicroTime(originMicros + BigInt(Math.round(performance.now() * 1000)));
  }

  /** From a database `datetime(6)` text, `YYYY-MM-DD HH:MM:SS[.ffffff]`, in UTC. */
  static fromDatabaseText(text: string): MicroTime {
    const [seconds, fraction = ''] = text.split('.');
    const millis = Date.parse(`${seconds.replace(' ', 'T')}Z`);
    return new MicroTime(BigInt(millis) * 1000n + BigInt(fraction.padEnd(6, '0').slice(0, 6)));
  }

  /** YYYYMM in UTC (202602). */
  toYearMonth(): number {
    const date = new Date(Number(this.micros / 1000n));
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
    const millis = this.micros / 1000n;
    const seconds = new Date(Number(millis)).toISOString().slice(0, 19).replace('T', ' ');
    return `${seconds}.${(this.micros % 1_000_000n).toString().padStart(6, '0')}`;
  }
}
