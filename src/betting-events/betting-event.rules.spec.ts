import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldIssues } from '../common/validation/validation-issues';
import {
  IsCents,
  IsCpf,
  IsIsoDateTime,
  IsPositiveOdds,
  IsSmallJsonObject,
  IsText,
} from './betting-event.rules';

class Sample {
  @IsCpf()
  tax_id: unknown;

  @IsCents('Bet amount must be greater than zero', 1)
  total_stake: unknown;

  @IsCents('Balance must be an integer number of cents, 0 or more')
  balance: unknown;

  @IsPositiveOdds()
  odds: unknown;

  @IsIsoDateTime('event_date', 'a day ahead')
  event_date: unknown;

  @IsIsoDateTime('event_start_time', 'year 2100')
  event_start_time: unknown;

  @IsSmallJsonObject('meta', 64)
  meta: unknown;

  @IsText('bet_slip_id', 10, { required: true, identifier: true })
  bet_slip_id: unknown;

  @IsText('sport_name', 10)
  sport_name: unknown;
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
  event_start_time: '2099-12-31T23:59:59Z',
  meta: { channel: 'web' },
  bet_slip_id: 'slip_1',
};

describe('AML field rules', () => {
  it('accepts valid values', () => {
    expect(messagesOf(VALID)).toEqual({});
    expect(
      messagesOf({ ...VALID, sport_name: undefined, event_date: '2024-01-15T12:30:00-03:00' }),
    ).toEqual({});
    expect(messagesOf({ ...VALID, sport_name: '  padded  ' })).toEqual({});
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
    [
      'event_date',
      '1999-12-31T23:59:59Z',
      'event_date must be from 2000-01-01 and at most a day ahead',
    ],
    [
      'event_date',
      '2999-01-01T00:00:00Z',
      'event_date must be from 2000-01-01 and at most a day ahead',
    ],
    [
      'event_date',
      20240115,
      'event_date must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z',
    ],
    [
      'event_start_time',
      '2100-01-01T00:00:00Z',
      'event_start_time must be from 2000-01-01 and before 2100-01-01',
    ],
    [
      'event_start_time',
      '9999-12-31T23:00:00-05:00',
      'event_start_time must be from 2000-01-01 and before 2100-01-01',
    ],
    ['meta', [], 'meta must be a JSON object'],
    ['meta', 'x', 'meta must be a JSON object'],
    ['meta', null, 'meta must be a JSON object'],
    ['meta', { note: 'é'.repeat(30) }, 'meta must take at most 64 bytes as JSON'],
    ['bet_slip_id', undefined, 'bet_slip_id is required'],
    ['bet_slip_id', '   ', 'bet_slip_id must not be blank'],
    ['bet_slip_id', 12, 'bet_slip_id must be a string'],
    ['bet_slip_id', 'slip_1 ', 'bet_slip_id must not begin or end with spaces'],
    ['bet_slip_id', 'x'.repeat(11), 'bet_slip_id must be at most 10 characters long'],
    ['bet_slip_id', 'slip_\ud800', 'bet_slip_id must be well-formed Unicode text'],
    ['sport_name', false, 'sport_name must be a string'],
  ])('refuses %s = %p: %s', (field, value, message) => {
    expect(messagesOf({ ...VALID, [field]: value })).toEqual({ [field]: message });
  });
});
