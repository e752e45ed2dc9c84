import { normalizeCpf } from './cpf';

describe('normalizeCpf', () => {
  it.each([
    ['012.345.678-90', '01234567890'], // the seed's example
    ['01234567890', '01234567890'],
    ['529.982.247-25', '52998224725'],
    ['11144477735', '11144477735'],
  ])('accepts %s as %s', (input, digits) => {
    expect(normalizeCpf(input)).toBe(digits);
  });

  it.each([
    ['012.345.678-91', 'wrong second check digit'],
    ['012.345.678-80', 'wrong first check digit'],
    ['111.111.111-11', 'all digits equal'],
    ['00000000000', 'all zeros'],
    ['0123456789', 'ten digits'],
    ['012345678900', 'twelve digits'],
    ['012.345.67890', 'half formatted'],
    ['012 345 678 90', 'spaces'],
    ['0123456789a', 'a letter'],
    ['abc.def.ghi-jk', 'letters'],
    ['', 'empty'],
  ])('refuses %s (%s)', (input) => {
    expect(normalizeCpf(input)).toBeNull();
  });
});
