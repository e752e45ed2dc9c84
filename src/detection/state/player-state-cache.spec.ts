import { emptyPlayerState } from '../engine/player-state';
import { PlayerStateCache } from './player-state-cache';

describe('PlayerStateCache', () => {
  const state = (kycLevel: number) => ({ ...emptyPlayerState(), kycLevel });

  it('gives a state only for the revision it was stored with', () => {
    const cache = new PlayerStateCache(10);
    const stored = state(1);
    cache.put(7, 100, stored);
    expect(cache.lookup(7, 101, false)).toBeUndefined();
    expect(cache.lookup(8, 100, false)).toBeUndefined();
    expect(cache.lookup(7, 100, false)).toBe(stored);
    expect(cache.lookup(7, 100, false)).toBe(stored);
  });

  it('gives a state up when taken for a change, until it is put back with its new revision', () => {
    const cache = new PlayerStateCache(10);
    cache.put(7, 100, state(1));
    expect(cache.lookup(7, 100, true)).toEqual(state(1));
    expect(cache.lookup(7, 100, true)).toBeUndefined();
    cache.put(7, 200, state(2));
    expect(cache.lookup(7, 100, false)).toBeUndefined();
    expect(cache.lookup(7, 200, false)).toEqual(state(2));
  });

  it('forgets the least recently used player past its capacity, and holds nothing at 0', () => {
    const cache = new PlayerStateCache(2);
    cache.put(1, 1, state(1));
    cache.put(2, 2, state(2));
    cache.lookup(1, 1, false);
    cache.put(3, 3, state(3));
    expect(cache.size).toBe(2);
    expect(cache.lookup(2, 2, false)).toBeUndefined();
    expect(cache.lookup(1, 1, false)).toEqual(state(1));
    expect(cache.lookup(3, 3, false)).toEqual(state(3));

    const none = new PlayerStateCache(0);
    none.put(1, 1, state(1));
    expect(none.size).toBe(0);
  });
});
