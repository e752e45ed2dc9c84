import { cutAt, hasSurroundingSpaces, isLongerThan } from './well-formed';

describe('isLongerThan', () => {
  it('counts characters by code point: an emoji is one, as MySQL and MaxLength count it', () => {
    const lion = '\u{1F981}'; // two UTF-16 units
    expect(lion.length).toBe(2);
    expect(isLongerThan(lion.repeat(100), 100)).toBe(false);
    expect(isLongerThan(lion.repeat(101), 100)).toBe(true);
    expect(isLongerThan(`${'a'.repeat(99)}${lion}`, 100)).toBe(false);
    expect(isLongerThan('a'.repeat(101), 100)).toBe(true);
    expect(isLongerThan('', 0)).toBe(false);
  });
});

describe('hasSurroundingSpaces', () => {
  it('finds spaces at either end only', () => {
    expect([' a', 'a ', 'a b', 'a'].map(hasSurroundingSpaces)).toEqual([true, true, false, false]);
  });
});

describe('cutAt', () => {
  it('never leaves half of a surrogate pair at the end', () => {
    const text = `ab\u{1F981}cd`;
    expect([1, 2, 3, 4, 5, 9].map((max) => cutAt(text, max))).toEqual([
      'a',
      'ab',
      'ab',
      'ab\u{1F981}',
      'ab\u{1F981}c',
      text,
    ]);
  });
});
