import { canonicalIdentifier } from './canonical-identifier';

describe('canonicalIdentifier', () => {
  it.each([
    ['2001:db8::77', '2001:db8::77'],
    ['2001:DB8::77', '2001:db8::77'],
    ['2001:0db8:0000:0000:0000:0000:0000:0077', '2001:db8::77'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::ffff:41.82.10.5', '41.82.10.5'],
    ['::FFFF:2952:0a05', '41.82.10.5'],
    ['fe80::0001%eth0', 'fe80::1%eth0'],
    ['41.82.10.5', '41.82.10.5'],
  ])('writes the IP %s as %s', (sent, canonical) => {
    expect(canonicalIdentifier('ip', sent)).toBe(canonical);
  });

  it.each([
    ['+221 77 123 45 67', '+221771234567'],
    ['00221-77-123-45-67', '+221771234567'],
    ['(+221) 77.123.45.67', '+221771234567'],
    ['771234567', '771234567'],
  ])('writes the phone %s as %s', (sent, canonical) => {
    expect(canonicalIdentifier('phone', sent)).toBe(canonical);
  });

  it('keeps session ids and anything that is not an address as sent', () => {
    expect(canonicalIdentifier('session', 'Sess-AB 01')).toBe('Sess-AB 01');
    expect(canonicalIdentifier('ip', 'not an ip')).toBe('not an ip');
  });
});
