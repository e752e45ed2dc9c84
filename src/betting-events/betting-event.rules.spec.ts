import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldIssues } from '../common/validation/validation-issues';
import { IsCents, IsCpf, IsIsoDateTime, IsJsonObject, IsPositiveOdds } from './betting-event.rules';

class Sample {
  @IsCpf()
  tax_id: unknown;

  @IsCents('Bet amount must be greater than zero', 1)
  total_stake: unknown;

  @IsCents('Balance must be an integer number of cents, 0 or more')
  balance: unknown;

  @IsPositiveOdds()
  odds: unknown;

  @IsIsoDateTime('event_date')
  event_date: unknown;

  @IsJsonObject('meta must be a JSON object')
  meta: unknown;
}

const messagesOf = (plain: Record<string, unknown>) =>
  Object.fromEntries(
    toFieldIssues(validateSync(plainToInstance(Sample, plain))).map((i) => [i.field, i.message]),
  );

const VALID = {
  tax_id: '012.345.678-90',
  total_stake: 5000,
  balance: 0,
  odds: 1.85,
  event_date: '2024-01-15T15:30:00Z',
  meta: {},
};

describe('AML field rules', () => {
  it('accepts valid values', () => {
    expect(messagesOf(VALID)).toEqual({});
  });

  it.each([
    ['tax_id', '012.345.678-91', 'Tax ID must be in valid format'],
    ['tax_id', 'ABC.DEF.GHI-JK', 'Tax ID must be in valid format'],
    ['tax_id', 1234567890, 'Tax ID must be in valid format'],
    ['total_stake', 0, 'Bet amount must be greater than zero'],
    ['total_stake', -100, 'Bet amount must be greater than zero'],
    ['total_stake', 50.5, 'Bet amount must be greater than zero'],
    ['total_stake', '5000', 'Bet amount must be greater than zero'],
    ['balance', -1, 'Balance must be an integer number of cents, 0 or more'],
    ['odds', 0, 'Odds must be a positive number'],
    ['odds', -2.5, 'Odds must be a positive number'],
    ['odds', '2.5', 'Odds must be a positive number'],
    [
      'event_date',
      '2024-01-15',
      'event_date must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z',
    ],
    ['meta', [], 'meta must be a JSON object'],
    ['meta', 'x', 'meta must be a JSON object'],
  ])('refuses %s = %p: %s', (field, value, message) => {
    expect(messagesOf({ ...VALID, [field]: value })).toEqual({ [field]: message });
  });
});
