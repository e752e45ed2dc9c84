import { compareDecimalIds } from './decimal-ids';

describe('compareDecimalIds', () => {
  it('orders decimal ids as numbers, past the precision of a JS number', () => {
    expect(
      ['10', '9', '9007199254740993', '9007199254740992', '100', '11'].sort(compareDecimalIds),
    ).toEqual(['9', '10', '11', '100', '9007199254740992', '9007199254740993']);
    expect(compareDecimalIds('42', '42')).toBe(0);
  });
});
