import { count, money, percent, span } from './texts';
import { NNBSP } from './testing';

const MINUTE = 60_000_000;

describe('money', () => {
  it('shows minor units as major units with the currency, in each language', () => {
    expect(money(2_400_000_00, 'XOF', 'en')).toBe('2,400,000 XOF');
    expect(money(2_400_000_00, 'XOF', 'fr')).toBe(`2${NNBSP}400${NNBSP}000 XOF`);
    expect(money(2_400_000_00, 'XOF', 'pt-BR')).toBe('2.400.000 XOF');
  });

  it('shows both decimals of an amount with cents, none of a whole one', () => {
    expect(money(1_234_56, 'EUR', 'en')).toBe('1,234.56 EUR');
    expect(money(1_234_50, 'EUR', 'fr')).toBe(`1${NNBSP}234,50 EUR`);
    expect(money(-50, 'BRL', 'en')).toBe('-0.50 BRL');
    expect(money(5, 'BRL', 'pt-BR')).toBe('0,05 BRL');
    expect(money(1_234_00, 'EUR', 'en')).toBe('1,234 EUR');
  });

  it('shows a negative amount', () => {
    expect(money(-500_00, 'XOF', 'en')).toBe('-500 XOF');
    expect(money(-1_500_00, 'XOF', 'pt-BR')).toBe('-1.500 XOF');
  });
});

describe('count', () => {
  it('writes numbers the reader’s way', () => {
    expect([count(1.15, 'en'), count(1.15, 'fr'), count(1.15, 'pt-BR')]).toEqual([
      '1.15',
      '1,15',
      '1,15',
    ]);
    expect(count(12_345, 'fr')).toBe(`12${NNBSP}345`);
    expect(count(2.345, 'en')).toBe('2.35');
  });
});

describe('span', () => {
  it('writes minutes under an hour', () => {
    expect(span(0, 'en')).toBe('0 min');
    expect(span(38 * MINUTE, 'fr')).toBe('38 min');
    expect(span(59 * MINUTE + 29_000_000, 'en')).toBe('59 min');
  });

  it('writes hours and minutes under two days', () => {
    expect(span(59 * MINUTE + 30_000_000, 'en')).toBe('1 h');
    expect(span(125 * MINUTE, 'pt-BR')).toBe('2 h 05');
    expect(span((47 * 60 + 59) * MINUTE, 'fr')).toBe('47 h 59');
  });

  it('writes days from two days on', () => {
    const twoDays = 48 * 60 * MINUTE;
    expect([span(twoDays, 'en'), span(twoDays, 'fr'), span(twoDays, 'pt-BR')]).toEqual([
      '2 d',
      '2 j',
      '2 d',
    ]);
    expect(span(90 * 24 * 60 * MINUTE, 'fr')).toBe('90 j');
  });
});

describe('percent', () => {
  it('writes a ratio as a percentage to one decimal', () => {
    expect(percent(0.2, 'fr')).toBe('20 %');
    expect(percent(5 / 6, 'en')).toBe('83.3%');
    expect(percent(5 / 6, 'pt-BR')).toBe('83,3%');
    expect(percent(1, 'fr')).toBe('100 %');
  });

  it('puts the sign right after the number in English and Portuguese, after a plain space in French', () => {
    // A regular space (U+0020), not the narrow no-break space Intl puts between digit groups.
    expect([percent(0.8, 'en'), percent(0.8, 'fr'), percent(0.8, 'pt-BR')]).toEqual([
      '80%',
      '80 %',
      '80%',
    ]);
  });
});
