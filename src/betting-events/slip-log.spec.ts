import { MicroTime } from '../common/time/micro-time';
import { toBettingEvent, type LoggedBettingEvent } from './betting-event';
import { checkEvent, placementOf, type ConsistencyCheck } from './consistency-checks';
import type { BettingEventDto } from './dto/betting-event.dto';
import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
} from './dto/betting-event.examples';
import { foldSlip } from './slip-fold';

const RECEIVED = MicroTime.fromMicros(Date.UTC(2024, 0, 20) * 1000);

/** The logged event of a body (a seed example, changed as a test needs). */
function logged(body: object, sequence = 1): LoggedBettingEvent {
  return { ...toBettingEvent(body as BettingEventDto, RECEIVED), sequence };
}

/** The checks an event fails when it arrives after `earlier` (in that order). */
function checksOf(body: object, ...earlier: object[]): ConsistencyCheck[] {
  const log = earlier.map((b, i) => logged(b, i + 1));
  const event = logged(body, log.length + 1);
  const before = log.length
    ? { taxId: log[0].taxId, derived: foldSlip(log), placed: placementOf(log) }
    : null;
  return checkEvent(event, before, foldSlip([...log, event]));
}

const codes = (checks: ConsistencyCheck[]) => checks.map((c) => c.code);

describe('foldSlip', () => {
  it("derives the seed's single new bet: open, one leg", () => {
    const slip = foldSlip([logged(SINGLE_NEW_BET_EXAMPLE)]);
    expect(slip).toMatchObject({
      state: 'open',
      totalStake: 5000,
      totalOdds: 2.5,
      legCount: 1,
      isLive: false,
      isFreeBet: false,
      isEachWay: false,
      bonusAmount: 0,
      payout: null,
      eventsCount: 1,
      closedAt: null,
    });
    expect(slip.legs.map((l) => [l.legId, l.legState, l.odds])).toEqual([
      ['leg_abc123', 'open', 2.5],
    ]);
    expect(slip.firstEventAt.toIso()).toBe('2024-01-15T15:30:00.000000Z');
  });

  it("settles the seed's multiple bet with its result: three won legs, their winnings, the payout", () => {
    const slip = foldSlip([
      logged(MULTIPLE_NEW_BET_EXAMPLE, 1),
      logged(MULTIPLE_RESULT_EXAMPLE, 2),
    ]);
    expect(slip).toMatchObject({
      state: 'settled',
      payout: 62500,
      bonusAmount: 2000,
      eventsCount: 2,
    });
    expect(slip.closedAt?.toIso()).toBe('2024-01-16T05:30:00.000000Z');
    expect(slip.legs.map((l) => [l.legId, l.legState, l.result, l.amountWon])).toEqual([
      ['leg_001', 'won', 'won', 18000],
      ['leg_002', 'won', 'won', 37800],
      ['leg_003', 'won', 'won', 62500],
    ]);
    // Fields the result left out keep what the bet said.
    expect(slip.legs[2]).toMatchObject({
      sportName: 'Basketball',
      tournamentName: 'NBA 2023-24',
      marketName: 'Match Winner',
    });
  });

  it('applies events in the order they happened, whatever the order they arrived in', () => {
    const slip = foldSlip([
      logged(MULTIPLE_RESULT_EXAMPLE, 1),
      logged(MULTIPLE_NEW_BET_EXAMPLE, 2),
    ]);
    expect(slip.state).toBe('settled');
    expect(slip.firstEventAt.toIso()).toBe('2024-01-15T15:30:00.000000Z');
  });

  it('never reopens a settled or cancelled slip with a later new_bet', () => {
    const late = { ...MULTIPLE_NEW_BET_EXAMPLE, event_date: '2024-01-17T00:00:00Z' };
    expect(foldSlip([logged(MULTIPLE_RESULT_EXAMPLE, 1), logged(late, 2)]).state).toBe('settled');
    const cancellation = {
      ...SINGLE_NEW_BET_EXAMPLE,
      event: 'cancellation',
      bet_slip_state: undefined,
    };
    const bet = { ...SINGLE_NEW_BET_EXAMPLE, event_date: '2024-01-16T00:00:00Z' };
    expect(foldSlip([logged(cancellation, 1), logged(bet, 2)]).state).toBe('cancelled');
  });

  it('opens a slip with any new_bet, whatever bet_slip_state it says', () => {
    const odd = { ...SINGLE_NEW_BET_EXAMPLE, bet_slip_state: 'settled' };
    expect(foldSlip([logged(odd)])).toMatchObject({ state: 'open', closedAt: null });
  });

  it("takes a leg's state and result together: a correction of either replaces both", () => {
    const lost = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg, i) =>
      i === 0 ? { ...leg, leg_state: 'lost', result: 'lost', amount_won: 0 } : leg,
    );
    const correction = withLegs(
      { ...MULTIPLE_RESULT_EXAMPLE, event_date: '2024-01-16T06:00:00Z' },
      (leg, i) =>
        i === 0 ? { leg_id: leg.leg_id, odds: leg.odds, result: 'won', amount_won: 18000 } : leg,
    );
    const slip = foldSlip([logged(lost, 1), logged(correction, 2)]);
    expect(slip.legs[0]).toMatchObject({ legState: 'won', result: 'won', amountWon: 18000 });
    expect(slip.payout).toBe(62500);
    const voided = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg) => ({
      leg_id: leg.leg_id,
      odds: leg.odds,
      result: 'push',
    }));
    expect(
      foldSlip([logged(MULTIPLE_NEW_BET_EXAMPLE, 1), logged(voided, 2)]).legs[0],
    ).toMatchObject({
      legState: 'void',
      result: 'push',
    });
    const reopened = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg) => ({
      leg_id: leg.leg_id,
      odds: leg.odds,
      leg_state: 'open',
    }));
    expect(
      foldSlip([logged(lost, 1), logged({ ...reopened, event_date: '2024-01-16T06:00:00Z' }, 2)])
        .legs[0],
    ).toMatchObject({
      legState: 'open',
      result: null,
    });
  });

  it('keeps a slip open after a partial result, and settles it when bet_slip_state is absent', () => {
    const partial = { ...MULTIPLE_RESULT_EXAMPLE, bet_slip_state: 'open' };
    expect(foldSlip([logged(MULTIPLE_NEW_BET_EXAMPLE, 1), logged(partial, 2)])).toMatchObject({
      state: 'open',
      payout: null,
      closedAt: null,
    });
    const unsaid = { ...MULTIPLE_RESULT_EXAMPLE, bet_slip_state: undefined };
    expect(foldSlip([logged(unsaid)]).state).toBe('settled');
  });

  it('pays nothing when a leg is lost, and the balance credit when no leg says what it won', () => {
    const lost = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg, i) =>
      i === 1 ? { ...leg, leg_state: 'lost', result: 'lost', amount_won: 0 } : leg,
    );
    expect(foldSlip([logged(lost)]).payout).toBe(0);
    const silent = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg) => ({ ...leg, amount_won: undefined }));
    expect(foldSlip([logged(silent)]).payout).toBe(62500);
  });

  it('keeps optional flags a later event leaves out, and defaults them to false and 0', () => {
    const live = { ...SINGLE_NEW_BET_EXAMPLE, is_live: true, bonus_amount: 700 };
    const silent = {
      ...SINGLE_NEW_BET_EXAMPLE,
      event: 'result',
      is_live: undefined,
      bonus_amount: undefined,
    };
    expect(foldSlip([logged(live, 1), logged(silent, 2)])).toMatchObject({
      isLive: true,
      bonusAmount: 700,
    });
    const bare = {
      ...SINGLE_NEW_BET_EXAMPLE,
      is_live: undefined,
      is_free_bet: undefined,
      is_each_way: undefined,
      bonus_amount: undefined,
    };
    expect(foldSlip([logged(bare)])).toMatchObject({
      isLive: false,
      isFreeBet: false,
      isEachWay: false,
      bonusAmount: 0,
    });
  });
});

describe('checkEvent', () => {
  it("finds nothing wrong with the seed's three examples", () => {
    expect(checksOf(SINGLE_NEW_BET_EXAMPLE)).toEqual([]);
    expect(checksOf(MULTIPLE_NEW_BET_EXAMPLE)).toEqual([]);
    expect(checksOf(MULTIPLE_RESULT_EXAMPLE, MULTIPLE_NEW_BET_EXAMPLE)).toEqual([]);
  });

  it('flags a result or a cancellation for a slip never seen, and a bet dated after its result', () => {
    expect(checksOf(MULTIPLE_RESULT_EXAMPLE)).toEqual([
      { code: 'out_of_order', message: 'result for a slip never seen before' },
    ]);
    const cancellation = {
      ...SINGLE_NEW_BET_EXAMPLE,
      event: 'cancellation',
      current_player_balance: 35000,
    };
    expect(codes(checksOf(cancellation))).toEqual(['out_of_order']);
    // Late, but dated before the result: the result was the odd one.
    expect(checksOf(MULTIPLE_NEW_BET_EXAMPLE, MULTIPLE_RESULT_EXAMPLE)).toEqual([]);
    const betAfterResult = { ...MULTIPLE_NEW_BET_EXAMPLE, event_date: '2024-01-16T06:00:00Z' };
    expect(checksOf(betAfterResult, MULTIPLE_NEW_BET_EXAMPLE, MULTIPLE_RESULT_EXAMPLE)).toEqual([
      { code: 'out_of_order', message: 'new_bet dated after the slip was settled' },
    ]);
  });

  it("flags a CPF other than the slip's", () => {
    const other = { ...MULTIPLE_RESULT_EXAMPLE, tax_id: '111.444.777-35' };
    expect(checksOf(other, MULTIPLE_NEW_BET_EXAMPLE)).toEqual([
      { code: 'player_mismatch', message: "tax_id 11144477735 is not the slip's (01234567890)" },
    ]);
  });

  it.each([
    [
      'a bet that took more than the stake',
      { ...SINGLE_NEW_BET_EXAMPLE, current_player_balance: 24000 },
      'balance moved by -6000, expected -5000 for a new_bet',
    ],
    [
      'a bet that took less than the stake less the bonus',
      { ...MULTIPLE_NEW_BET_EXAMPLE, current_player_balance: 42500 },
      'balance moved by -7500, expected -10000 to -8000 for a new_bet',
    ],
    [
      'a free bet that took money',
      { ...SINGLE_NEW_BET_EXAMPLE, is_free_bet: true },
      'balance moved by -5000, expected 0 for a new_bet',
    ],
    [
      'a cancellation that refunded too much',
      {
        ...SINGLE_NEW_BET_EXAMPLE,
        event: 'cancellation',
        last_player_balance: 25000,
        current_player_balance: 31000,
      },
      'balance moved by 6000, expected 5000 for a cancellation',
    ],
  ])('flags %s', (_name, body, message) => {
    expect(
      checksOf(body, ...(body.event === 'cancellation' ? [SINGLE_NEW_BET_EXAMPLE] : [])),
    ).toEqual([{ code: 'balance_mismatch', message }]);
  });

  it('flags a settling result whose credit is not the payout, and a partial one that paid', () => {
    const short = { ...MULTIPLE_RESULT_EXAMPLE, current_player_balance: 100000 };
    expect(checksOf(short, MULTIPLE_NEW_BET_EXAMPLE)).toEqual([
      { code: 'balance_mismatch', message: 'balance moved by 60000, expected 62500 for a result' },
    ]);
    const partial = { ...MULTIPLE_RESULT_EXAMPLE, bet_slip_state: 'open' };
    expect(codes(checksOf(partial, MULTIPLE_NEW_BET_EXAMPLE))).toEqual(['balance_mismatch']);
  });

  it('flags total_odds more than 1 % away from the product of the leg odds', () => {
    expect(checksOf({ ...MULTIPLE_NEW_BET_EXAMPLE, total_odds: 6.29 })).toEqual([]);
    expect(checksOf({ ...MULTIPLE_NEW_BET_EXAMPLE, total_odds: 6.4 })).toEqual([
      {
        code: 'total_odds_mismatch',
        message: 'total_odds 6.4 is more than 1 % away from the product of the leg odds (6.237)',
      },
    ]);
    expect(checksOf({ ...MULTIPLE_NEW_BET_EXAMPLE, total_odds: 6.4, is_each_way: true })).toEqual(
      [],
    );
  });

  it('takes total_odds exactly 1 % away as within, floating point notwithstanding', () => {
    // Legs at 2, 2 and 1: 4.04 and 3.96 are 1 % from 4, once the doubles' dust is set aside.
    const evens = withLegs(MULTIPLE_NEW_BET_EXAMPLE, (leg, i) => ({ ...leg, odds: i < 2 ? 2 : 1 }));
    expect(checksOf({ ...evens, total_odds: 4.04 })).toEqual([]);
    expect(checksOf({ ...evens, total_odds: 3.96 })).toEqual([]);
    expect(codes(checksOf({ ...evens, total_odds: 4.0401 }))).toEqual(['total_odds_mismatch']);
  });

  it('flags an amount_won off the running accumulator, and a lost leg that won something', () => {
    const off = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg, i) =>
      i === 1 ? { ...leg, amount_won: 21000 } : leg,
    );
    expect(checksOf(off, MULTIPLE_NEW_BET_EXAMPLE)).toEqual([
      {
        code: 'amount_won_mismatch',
        leg_id: 'leg_002',
        message:
          'amount_won 21000 is more than 1 % away from 37800, the stake times the odds of the won legs so far',
      },
    ]);
    const lostButPaid = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg, i) =>
      i === 2 ? { ...leg, leg_state: 'lost', result: 'lost' } : leg,
    );
    expect(
      checksOf({ ...lostButPaid, current_player_balance: 40000 }, MULTIPLE_NEW_BET_EXAMPLE),
    ).toEqual([
      {
        code: 'amount_won_mismatch',
        leg_id: 'leg_003',
        message: 'the leg is lost but amount_won is 62500',
      },
    ]);
  });

  it('counts a void leg as odds 1, and accepts a free bet paid without its stake', () => {
    const voided = withLegs(MULTIPLE_RESULT_EXAMPLE, (leg, i) => {
      if (i === 1) return { ...leg, leg_state: 'void', result: 'void', amount_won: undefined };
      return i === 2 ? { ...leg, amount_won: 29700 } : leg;
    });
    expect(
      codes(checksOf({ ...voided, current_player_balance: 69700 }, MULTIPLE_NEW_BET_EXAMPLE)),
    ).toEqual([]);
    const free = { ...SINGLE_NEW_BET_EXAMPLE, is_free_bet: true, current_player_balance: 30000 };
    const paid = withLegs(
      {
        ...free,
        event: 'result',
        bet_slip_state: 'settled',
        last_player_balance: 30000,
        current_player_balance: 37500,
      },
      (leg) => ({
        ...leg,
        leg_state: 'won',
        result: 'won',
        amount_won: 7500,
      }),
    );
    expect(checksOf(paid, free)).toEqual([]);
  });
});

describe('a settlement against the bet placed', () => {
  const placed = MULTIPLE_NEW_BET_EXAMPLE;
  const result = MULTIPLE_RESULT_EXAMPLE;

  it('flags a result whose stake is not the stake placed', () => {
    const raised = { ...result, total_stake: result.total_stake * 10 };
    expect(checksOf(raised, placed).filter((c) => c.code === 'stake_changed')).toEqual([
      {
        code: 'stake_changed',
        message: `total_stake ${result.total_stake * 10} is not the stake placed (${placed.total_stake})`,
      },
    ]);
  });

  it('flags a result naming a leg the bet did not have', () => {
    const swapped = {
      ...result,
      bet_legs: [{ ...result.bet_legs[0], leg_id: 'other_leg' }, ...result.bet_legs.slice(1)],
    };
    expect(checksOf(swapped, placed).filter((c) => c.code === 'unknown_leg')).toEqual([
      {
        code: 'unknown_leg',
        leg_id: 'other_leg',
        message: 'the result names a leg the bet placed did not have',
      },
    ]);
  });

  it('knows the legs of every bet placed: a restatement may carry only the legs it changes', () => {
    const [first, ...others] = placed.bet_legs;
    const restated = {
      ...placed,
      event_date: '2024-01-15T15:31:00Z',
      bet_legs: [first],
      leg_count: 1,
    };
    expect(codes(checksOf(result, placed, restated))).not.toContain('unknown_leg');
    expect(others.length).toBeGreaterThan(0);
  });

  it('judges against the latest bet placed, and not at all without one', () => {
    const restated = { ...placed, total_stake: placed.total_stake * 2 };
    const settled = { ...result, total_stake: placed.total_stake * 2 };
    expect(codes(checksOf(settled, placed, restated))).not.toContain('stake_changed');
    expect(codes(checksOf(settled))).toContain('out_of_order');
    expect(codes(checksOf(settled))).not.toContain('stake_changed');
  });
});

describe('the checks of one event', () => {
  it('fit the column that stores them (64 KiB as JSON), however many legs fail', () => {
    // 100 legs, ids of 100 three-byte characters, every one of them failing.
    const legs = Array.from({ length: 100 }, (_, i) => ({
      leg_id: `${i}`.padStart(3, '0') + '界'.repeat(97),
      odds: 2,
      leg_state: 'won',
      result: 'won',
      amount_won: 1,
    }));
    const body = {
      ...MULTIPLE_RESULT_EXAMPLE,
      tax_id: '111.444.777-35',
      total_odds: 1,
      leg_count: 100,
      bet_legs: legs,
    };
    const checks = checksOf(
      { ...body, last_player_balance: 90_000_000_000, current_player_balance: 0 },
      MULTIPLE_NEW_BET_EXAMPLE,
    );
    expect(checks).toHaveLength(104);
    expect(checks.filter((c) => c.code === 'unknown_leg')).toEqual([
      {
        code: 'unknown_leg',
        leg_id: legs[0].leg_id,
        message: 'the result names 100 legs the bet placed did not have',
      },
    ]);
    expect(Buffer.byteLength(JSON.stringify(checks))).toBeLessThan(65_535);
  });
});

/** `body` with each of its legs changed by `change`. */
function withLegs<T extends { bet_legs: object[] }>(
  body: T,
  change: (leg: Record<string, unknown>, index: number) => Record<string, unknown>,
): T {
  return { ...body, bet_legs: body.bet_legs.map((leg, i) => change({ ...leg }, i)) };
}
