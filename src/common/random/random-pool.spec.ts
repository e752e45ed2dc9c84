import { pooledRandomBytes, randomHex } from './random-pool';

describe('random pool', () => {
  it('gives hex of the asked length, never the same twice across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(randomHex(8)); // 16 000 bytes: several refills
    expect(seen.size).toBe(2000);
    for (const hex of seen) expect(hex).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives copies: refilling the pool leaves bytes handed out before as they were', () => {
    const first = pooledRandomBytes(15);
    const kept = Buffer.from(first);
    for (let i = 0; i < 600; i++) pooledRandomBytes(15); // 9 000 bytes: the pool is refilled
    expect(first.equals(kept)).toBe(true);
  });

  it('refuses more than the pool holds', () => {
    expect(() => randomHex(4097)).toThrow(RangeError);
  });
});
