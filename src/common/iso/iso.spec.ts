import { ISO_COUNTRIES_ALPHA3, isIsoCountryAlpha3 } from './countries';
import { ISO_CURRENCIES, currencyByCode, currencyByNumeric, isIsoCurrency } from './currencies';

describe('ISO 4217 currencies', () => {
  it('knows XOF, EUR, USD and BRL with their numeric codes and minor units', () => {
    expect(currencyByCode('XOF')).toEqual({ code: 'XOF', numeric: 952, minorUnits: 0 });
    expect(currencyByCode('EUR')).toEqual({ code: 'EUR', numeric: 978, minorUnits: 2 });
    expect(currencyByCode('USD')).toEqual({ code: 'USD', numeric: 840, minorUnits: 2 });
    expect(currencyByCode('BRL')).toEqual({ code: 'BRL', numeric: 986, minorUnits: 2 });
  });

  it('looks currencies up by numeric code', () => {
    expect(currencyByNumeric(978)?.code).toBe('EUR');
    expect(currencyByNumeric(952)?.code).toBe('XOF');
    expect(currencyByNumeric(999)).toBeUndefined();
  });

  it('rejects test, no-currency and unknown codes', () => {
    expect(isIsoCurrency('XXX')).toBe(false);
    expect(isIsoCurrency('XTS')).toBe(false);
    expect(isIsoCurrency('ABC')).toBe(false);
    expect(isIsoCurrency('eur')).toBe(false);
    expect(isIsoCurrency('EUR')).toBe(true);
  });

  it('is sorted by code with unique codes and numeric codes', () => {
    const codes = ISO_CURRENCIES.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(ISO_CURRENCIES.map((c) => c.numeric)).size).toBe(codes.length);
  });
});

describe('ISO 3166-1 alpha-3 countries', () => {
  it('has the 249 officially assigned codes', () => {
    expect(ISO_COUNTRIES_ALPHA3.size).toBe(249);
  });

  it('knows SEN, CIV, MLI, GHA, NGA, BRA and FRA', () => {
    for (const code of ['SEN', 'CIV', 'MLI', 'GHA', 'NGA', 'BRA', 'FRA']) {
      expect(isIsoCountryAlpha3(code)).toBe(true);
    }
  });

  it('rejects alpha-2, lower-case and user-assigned codes', () => {
    expect(isIsoCountryAlpha3('SN')).toBe(false);
    expect(isIsoCountryAlpha3('sen')).toBe(false);
    expect(isIsoCountryAlpha3('XKK')).toBe(false);
  });
});
