import { bucketOf } from './bucket';

describe('bucketOf', () => {
  it('gives the FNV-1a bucket, the same on every run (stored rows hold it)', () => {
    // FNV-1a 32 of "a" is 0xe40c292c, of "foobar" 0xbf9cf968 (the published test vectors).
    expect(bucketOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(bucketOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    expect(bucketOf('foobar', 64)).toBe(0xbf9cf968 % 64);
  });

  it('spreads keys evenly enough over the buckets', () => {
    const counts = new Array<number>(64).fill(0);
    for (let i = 0; i < 64_000; i++) counts[bucketOf(`7\u0000player-${i}`, 64)]++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });
});
