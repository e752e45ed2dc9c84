import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from '../../common/errors/app-error';
import { createValidationPipe } from '../../common/validation/validation-pipe';
import { WireFormatRegistry } from '../../common/wire/wire-format.registry';
import { loadConfig } from '../../config/app-config';
import { BettingEventsWire } from '../betting-events.wire';
import { BettingEventDto } from './betting-event.dto';
import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
} from './betting-event.examples';

const pipe = createValidationPipe();
const wire = new BettingEventsWire(new WireFormatRegistry(), loadConfig({}));

/** The API's answer to `body`: the DTO when valid, else the 400 body it renders. */
async function judge(body: unknown): Promise<{ valid: BettingEventDto } | { error: unknown }> {
  try {
    return { valid: await pipe.transform(body, { type: 'body', metatype: BettingEventDto }) };
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const request = { headers: {} } as FastifyRequest;
    return { error: wire.renderError(error, { request, errorId: null }).body };
  }
}

const invalid = (details: Record<string, string[]>) => ({
  error: { error: { message: 'Invalid input data', details, status: 400 } },
});

describe('BettingEventDto', () => {
  it.each([
    ['an empty array', []],
    ['an array of a leg', [{ leg_id: 'leg_2', odds: 2 }]],
    ['null', null],
    ['a number', 7],
  ])('refuses a leg that is %s, naming the leg', async (_name, leg) => {
    const body = {
      ...SINGLE_NEW_BET_EXAMPLE,
      leg_count: 2,
      bet_legs: [{ leg_id: 'leg_1', odds: 2.5 }, leg],
    };
    expect(await judge(body)).toEqual(
      invalid({ 'bet_legs[1]': ['each of bet_legs must be an object'] }),
    );
  });

  it.each([
    ['single new bet', SINGLE_NEW_BET_EXAMPLE],
    ['multiple new bet', MULTIPLE_NEW_BET_EXAMPLE],
    ['multiple result', MULTIPLE_RESULT_EXAMPLE],
  ])("accepts the seed's %s example as it is", async (_name, body) => {
    const result = await judge(body);
    expect(result).toEqual({ valid: expect.any(BettingEventDto) });
  });

  it("reproduces the seed's 400 example from the matching bad body", async () => {
    expect(
      await judge({
        ...SINGLE_NEW_BET_EXAMPLE,
        tax_id: '012.345.678-00',
        total_stake: 0,
        total_odds: -2.5,
        bet_legs: [],
      }),
    ).toEqual(
      invalid({
        tax_id: ['Tax ID must be in valid format'],
        total_stake: ['Bet amount must be greater than zero'],
        total_odds: ['Odds must be a positive number'],
        bet_legs: ['Must contain at least one selection'],
      }),
    );
  });

  it.each([
    ['tax_id', undefined, 'Tax ID must be in valid format'],
    ['tax_id', '012a345678-90', 'Tax ID must be in valid format'],
    ['event', 'bet', 'event must be one of: new_bet, result, cancellation'],
    [
      'last_player_balance',
      -1,
      'last_player_balance must be an integer number of cents, 0 or more',
    ],
    [
      'current_player_balance',
      10.5,
      'current_player_balance must be an integer number of cents, 0 or more',
    ],
    [
      'event_date',
      '15/01/2024',
      'event_date must be an ISO 8601 date-time with a time zone, such as 2024-01-15T15:30:00Z',
    ],
    ['bet_slip_id', undefined, 'bet_slip_id is required'],
    ['bet_slip_id', ' ', 'bet_slip_id must not be blank'],
    ['bet_slip_id', 'x'.repeat(101), 'bet_slip_id must be at most 100 characters long'],
    ['bet_slip_id', ' slip_1', 'bet_slip_id must not begin or end with spaces'],
    ['meta', { big: 'x'.repeat(16_400) }, 'meta must take at most 16384 bytes as JSON'],
    ['bet_slip_state', 'closed', 'bet_slip_state must be one of: open, settled, cancelled'],
    ['total_stake', -5, 'Bet amount must be greater than zero'],
    ['total_odds', '2.5', 'Odds must be a positive number'],
    ['leg_count', 2, 'leg_count must equal the number of bet_legs'],
    ['is_live', 'yes', 'is_live must be a boolean value'],
    ['bonus_amount', -100, 'bonus_amount must be an integer number of cents, 0 or more'],
    ['bet_legs', undefined, 'Must contain at least one selection'],
    ['meta', ['a'], 'meta must be a JSON object'],
  ])('refuses %s = %p: %s', async (field, value, message) => {
    expect(await judge({ ...SINGLE_NEW_BET_EXAMPLE, [field]: value })).toEqual(
      invalid({ [field]: [message] }),
    );
  });

  it('refuses a leg that is not an object, naming it by its place', async () => {
    expect(await judge({ ...SINGLE_NEW_BET_EXAMPLE, bet_legs: [5] })).toEqual(
      invalid({ 'bet_legs[0]': ['each of bet_legs must be an object'] }),
    );
    expect(await judge({ ...SINGLE_NEW_BET_EXAMPLE, bet_legs: 'x' })).toEqual(
      invalid({ bet_legs: ['Must contain at least one selection'] }),
    );
  });

  it('refuses two legs with one leg_id, and more than 100 legs', async () => {
    const [leg] = MULTIPLE_NEW_BET_EXAMPLE.bet_legs;
    expect(
      await judge({ ...MULTIPLE_NEW_BET_EXAMPLE, leg_count: 2, bet_legs: [leg, leg] }),
    ).toEqual(invalid({ bet_legs: ['Each selection must have its own leg_id'] }));
    const many = Array.from({ length: 101 }, (_, i) => ({ ...leg, leg_id: `leg_${i}` }));
    expect(await judge({ ...MULTIPLE_NEW_BET_EXAMPLE, leg_count: 101, bet_legs: many })).toEqual(
      invalid({
        leg_count: ['leg_count must be an integer from 1 to 100'],
        bet_legs: ['bet_legs must hold at most 100 selections'],
      }),
    );
  });

  it('names a leg field by its path, with every failing leg listed', async () => {
    const [leg] = MULTIPLE_NEW_BET_EXAMPLE.bet_legs;
    const legs = [
      leg,
      { ...leg, leg_id: 'leg_2', odds: 0 },
      { ...leg, leg_id: 'leg_3', leg_state: 'pending', amount_won: -1 },
    ];
    expect(await judge({ ...MULTIPLE_NEW_BET_EXAMPLE, bet_legs: legs })).toEqual(
      invalid({
        'bet_legs[1].odds': ['Odds must be a positive number'],
        'bet_legs[2].leg_state': ['leg_state must be one of: open, won, lost, void'],
        'bet_legs[2].amount_won': ['amount_won must be an integer number of cents, 0 or more'],
      }),
    );
  });
});
