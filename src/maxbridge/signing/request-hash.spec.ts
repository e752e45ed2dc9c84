import { hashMatches, requestHash } from './request-hash';

describe('request hash (seed 003, "hash generation")', () => {
  // The seed's worked example: nonce 1234, its get-transaction-details body, secret "secret".
  const nonce = '1234';
  const body =
    '{"transaction_id":"00000000-0000-0000-0000-000000000000","service_id":1,"user_id":1121}';
  const seedHash = '6f2c41f942e0f454462b29a6755630e147917cb06917fce6c8ee127a1bced3ec';

  it('reproduces the seed example: SHA256("1234" + body + "secret")', () => {
    expect(requestHash(nonce, body, 'secret')).toBe(seedHash);
    expect(requestHash(nonce, Buffer.from(body), 'secret')).toBe(seedHash);
  });

  it('accepts the seed hash in any case, under any configured secret', () => {
    expect(hashMatches(seedHash, nonce, body, ['secret'])).toBe(true);
    expect(hashMatches(seedHash.toUpperCase(), nonce, body, ['secret'])).toBe(true);
    expect(hashMatches(seedHash, nonce, body, ['new-secret', 'secret'])).toBe(true);
  });

  it('refuses another secret, nonce, or a body reformatted in any way', () => {
    expect(hashMatches(seedHash, nonce, body, ['Secret'])).toBe(false);
    expect(hashMatches(seedHash, '12345', body, ['secret'])).toBe(false);
    expect(hashMatches(seedHash, nonce, body.replace(',', ', '), ['secret'])).toBe(false);
    expect(hashMatches(seedHash, nonce, `${body}\n`, ['secret'])).toBe(false);
    expect(hashMatches(seedHash, nonce, body, [])).toBe(false);
  });

  it('refuses a hash that is not 64 hex digits without comparing', () => {
    expect(hashMatches(seedHash.slice(1), nonce, body, ['secret'])).toBe(false);
    expect(hashMatches(`${seedHash}00`, nonce, body, ['secret'])).toBe(false);
    expect(hashMatches(`${seedHash.slice(1)}g`, nonce, body, ['secret'])).toBe(false);
    expect(hashMatches('', nonce, body, ['secret'])).toBe(false);
  });
});
