import { formatCents, formatOdds, formatTime, splitTeams } from './bet-record.format';

describe('bet record formats (seed 002)', () => {
  it.each([
    [1000000, '10000.00'],
    [0, '0.00'],
    [5, '0.05'],
    [-1000000, '-10000.00'],
    [-5, '-0.05'],
    [9_000_000_000_000_000, '90000000000000.00'],
  ])('money %p cents is %p', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it.each([
    [2.5, '2.50'],
    [6.25, '6.25'],
    [2, '2.00'],
    [1.8167, '1.8167'],
    [1.1 * 1.1, '1.21'],
    [1e21, '1000000000000000000000.00'],
    [1e-7, '0.0000001'],
  ])('odds %p are %p', (odds, text) => {
    expect(formatOdds(odds)).toBe(text);
  });

  it('writes times to the second, in UTC, and null as null', () => {
    expect(formatTime('2026-04-06 10:15:32.681884')).toBe('2026-04-06T10:15:32Z');
    expect(formatTime(null)).toBeNull();
    expect(formatOdds(null)).toBeNull();
  });

  it.each([
    ['Manchester United vs Arsenal', 'Manchester United', 'Arsenal'],
    ['Flamengo vs. Palmeiras', 'Flamengo', 'Palmeiras'],
    ['Senegal x Nigeria', 'Senegal', 'Nigeria'],
    ['Lakers @ Warriors', 'Lakers', 'Warriors'],
    ['Over 2.5 Goals', null, null],
    ['Malcolm X vs Y', 'Malcolm X', 'Y'],
    [`${'H'.repeat(201)} vs Away`, null, null],
    [null, null, null],
  ])('splits %p into home %p and away %p', (name, home, away) => {
    expect(splitTeams(name)).toEqual({ home, away });
  });
});
