import {
  encodeSessionToken,
  readSessionToken,
  tokenOfCookie,
  type SessionClaims,
} from './session-token';

const SECRET = 'a-session-secret-of-32-characters';
const CLAIMS: SessionClaims = {
  uid: 1915691,
  ssid: '7ca1b5a2-31db-4988-8af6-1c9e566f6f9b',
  ts: 1764000000000,
};

describe('core session token', () => {
  it("has the seed's shape: base64 of {ts, dt: base64({uid, ssid}), sg}", () => {
    const token = encodeSessionToken(CLAIMS, SECRET);
    const outer = JSON.parse(Buffer.from(token, 'base64').toString());
    expect(Object.keys(outer)).toEqual(['ts', 'dt', 'sg']);
    expect(outer.ts).toBe(CLAIMS.ts);
    expect(outer.sg).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(Buffer.from(outer.dt, 'base64').toString())).toEqual({
      uid: 1915691,
      ssid: '7ca1b5a2-31db-4988-8af6-1c9e566f6f9b',
    });
    expect(readSessionToken(token, [SECRET])).toEqual({ ok: true, claims: CLAIMS });
  });

  it('tells a forged token (another secret, a changed uid) from a malformed one', () => {
    const token = encodeSessionToken(CLAIMS, SECRET);
    expect(readSessionToken(token, ['another-secret-of-32-characters!!'])).toEqual({
      ok: false,
      reason: 'forged',
    });
    const outer = JSON.parse(Buffer.from(token, 'base64').toString());
    const dt = Buffer.from(JSON.stringify({ uid: 1, ssid: CLAIMS.ssid })).toString('base64');
    const tampered = Buffer.from(JSON.stringify({ ...outer, dt })).toString('base64');
    expect(readSessionToken(tampered, [SECRET])).toEqual({ ok: false, reason: 'forged' });
    // The seed's own example is signed with a secret nobody has (and its sg is not even hex).
    const seed =
      'eyJ0cyI6NDg5NTE5NzExMDQyLCJkdCI6ImV5SjFhV1FpT2pFNU1UVTJPVEVzSW5OemFXUWlPaUkzWTJFeFlqVmhNaTB6TVdSaUxUUTVPRGd0T0dGbU5pMHhZemxsTlRZMlpqWm1PV0lpZlE9PSIsInNnIjoiYjcwNzYyNDVmYjFkNzYwZWRkMzlhOGJkMWNhMGMwZDU4M2Q2ZDJiMGFjNjBkWY2NzQyZTU2NzcyYmYxMiJ9';
    expect(readSessionToken(seed, [SECRET]).ok).toBe(false);
    for (const bad of ['', 'not base64!', Buffer.from('[1]').toString('base64'), 'e30=']) {
      expect(readSessionToken(bad, [SECRET])).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('still reads tokens signed with a secret being retired', () => {
    const old = encodeSessionToken(CLAIMS, 'the-old-secret-of-32-characters!!');
    expect(readSessionToken(old, [SECRET, 'the-old-secret-of-32-characters!!']).ok).toBe(true);
  });

  it('finds the token in a Cookie header, bare as the seed sends it or as JSESSIONID', () => {
    const token = encodeSessionToken(CLAIMS, SECRET);
    expect(tokenOfCookie(token)).toBe(token);
    expect(tokenOfCookie(`theme=dark; JSESSIONID=${token}; lang=fr`)).toBe(token);
    expect(tokenOfCookie(`lang=fr; ${token}`)).toBe(token);
    expect(tokenOfCookie('lang=fr')).toBeNull();
    expect(tokenOfCookie(undefined)).toBeNull();
    expect(tokenOfCookie('JSESSIONID=')).toBeNull();
  });
});
