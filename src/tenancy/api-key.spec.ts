import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, isPlausibleApiKey } from './api-key';

describe('API keys', () => {
  it('are bmk_ and 43 base64url characters (256 random bits), with a 12-character visible prefix', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^bmk_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
  });

  it('are never the same twice', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1000);
  });

  it('hash to lowercase hex SHA-256', () => {
    expect(hashApiKey('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('screen out empty and oversized values before any lookup', () => {
    expect(isPlausibleApiKey('')).toBe(false);
    expect(isPlausibleApiKey('x'.repeat(129))).toBe(false);
    expect(isPlausibleApiKey(generateApiKey().key)).toBe(true);
  });
});
