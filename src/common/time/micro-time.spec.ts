import { MicroTime } from './micro-time';

describe('MicroTime', () => {
  it('writes datetime(6) text with every microsecond digit', () => {
    expect(MicroTime.fromMicros(1_770_445_140_681_884).toDatabaseText()).toBe(
      '2026-02-07 06:19:00.681884',
    );
    expect(MicroTime.fromMicros(1_770_445_140_000_007).toDatabaseText()).toBe(
      '2026-02-07 06:19:00.000007',
    );
    expect(MicroTime.fromMicros(0).toDatabaseText()).toBe('1970-01-01 00:00:00.000000');
  });

  it('gives each instant its own second, whatever came before', () => {
    const at = [
      [1_770_445_140_500_000, '2026-02-07 06:19:00.500000'],
      [1_770_445_141_000_000, '2026-02-07 06:19:01.000000'],
      [1_770_445_140_999_999, '2026-02-07 06:19:00.999999'],
      [1_798_761_599_999_999, '2026-12-31 23:59:59.999999'],
      [1_798_761_600_000_000, '2027-01-01 00:00:00.000000'],
      [1_770_445_140_000_001, '2026-02-07 06:19:00.000001'],
    ] as const;
    for (const [micros, text] of at)
      expect(MicroTime.fromMicros(micros).toDatabaseText()).toBe(text);
  });

  it('reads back what it wrote', () => {
    const time = MicroTime.fromMicros(1_770_445_140_681_884);
    expect(MicroTime.fromDatabaseText(time.toDatabaseText()).micros).toBe(time.micros);
    expect(time.toIso()).toBe('2026-02-07T06:19:00.681884Z');
  });
});
