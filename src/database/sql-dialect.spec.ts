import { mysqlLiteral } from './sql-dialect';

describe('mysqlLiteral', () => {
  it.each([
    [null, 'NULL'],
    [undefined, 'NULL'],
    [42, '42'],
    [2.5, '2.5'],
    [90000000000000, '90000000000000'],
    [true, 'true'],
    ['plain', "'plain'"],
    ["O'Brien", "'O\\'Brien'"],
    ['back\\slash', "'back\\\\slash'"],
    ['say "hi"', '\'say \\"hi\\"\''],
    ['a\0b\nc\rd\te\bf\x1ag', "'a\\0b\\nc\\rd\\te\\bf\\Zg'"],
    ["'; DROP TABLE events; --", "'\\'; DROP TABLE events; --'"],
    ['Côte d’Ivoire ⚽', "'Côte d’Ivoire ⚽'"],
  ])('writes %p as %s', (value, literal) => {
    expect(mysqlLiteral(value)).toBe(literal);
  });

  it('refuses what has no literal', () => {
    expect(() => mysqlLiteral(NaN)).toThrow();
    expect(() => mysqlLiteral(Infinity)).toThrow();
    expect(() => mysqlLiteral({})).toThrow();
  });
});
