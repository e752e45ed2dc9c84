import { retryAfterOf } from './webhook-sender';

describe('retryAfterOf', () => {
  const now = Date.parse('2026-02-01T10:00:00Z');

  it('reads seconds and HTTP dates, in milliseconds from now', () => {
    expect(retryAfterOf('120', now)).toBe(120_000);
    expect(retryAfterOf(' 0 ', now)).toBe(0);
    expect(retryAfterOf('Sun, 01 Feb 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterOf('Sun, 01 Feb 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(retryAfterOf(undefined, now)).toBeNull();
    expect(retryAfterOf('soon', now)).toBeNull();
    expect(retryAfterOf('-5', now)).toBeNull();
  });
});
