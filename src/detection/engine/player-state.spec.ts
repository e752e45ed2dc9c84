import type { DetectionEvent } from './detection-event';
import {
  applyEvent,
  balanceKey,
  dayOf,
  emptyPlayerState,
  RETENTION,
  within,
  type FlaggedBet,
  type PlayerState,
} from './player-state';
import { amlEvent, days, hours, minutes, monitorEvent, T0 } from './testing';

const fold = (events: DetectionEvent[], from: PlayerState = emptyPlayerState()) =>
  events.reduce((state, event) => applyEvent(state, event), from);

const flagged = (partial: Partial<FlaggedBet> = {}): FlaggedBet => ({
  ref: 'bet-1',
  at: T0,
  cents: 600_000_00,
  currency: 'XOF',
  odds: 1.1,
  settledAt: null,
  ...partial,
});

describe('applyEvent', () => {
  it('starts from an empty state', () => {
    expect(emptyPlayerState()).toEqual({
      lastAt: null,
      kycLevel: null,
      country: null,
      deposits: [],
      withdrawals: [],
      bonuses: [],
      wagered: {},
      settledByDay: {},
      balances: {},
      lowOddsBets: [],
      reportedShares: {},
      reportedOpposing: {},
      recordedSightings: {},
    });
  });

  it('returns a new state and leaves the one it was given as it was', () => {
    const before = fold([monitorEvent({ type: 'DEPOSIT', at: T0 })]);
    const copy = structuredClone(before);
    const after = applyEvent(
      before,
      monitorEvent({ type: 'BET_PLACED', amountCents: 5_00, at: T0 + 1 }),
    );
    expect(before).toEqual(copy);
    expect(after).not.toBe(before);
    expect(after.wagered).toEqual({ XOF: 5_00 });
  });

  it('records deposits, withdrawals and bonuses with the stakes before them', () => {
    const state = fold([
      monitorEvent({ type: 'DEPOSIT', amountCents: 100_00, at: T0 }),
      monitorEvent({ type: 'BET_PLACED', amountCents: 30_00, at: T0 + minutes(1) }),
      monitorEvent({ type: 'BONUS_CREDITED', amountCents: 10_00, at: T0 + minutes(2) }),
      monitorEvent({ type: 'BET_PLACED', amountCents: 5_00, currency: 'GHS', at: T0 + minutes(3) }),
      monitorEvent({ type: 'BET_PLACED', amountCents: 20_00, at: T0 + minutes(4) }),
      monitorEvent({ type: 'WITHDRAWAL', amountCents: 50_00, at: T0 + minutes(5) }),
      monitorEvent({ type: 'BET_WON', amountCents: 99_00, at: T0 + minutes(6) }),
    ]);
    expect(state).toMatchObject({
      deposits: [{ at: T0, cents: 100_00, currency: 'XOF', wageredBefore: 0 }],
      bonuses: [{ at: T0 + minutes(2), cents: 10_00, currency: 'XOF', wageredBefore: 30_00 }],
      withdrawals: [{ at: T0 + minutes(5), cents: 50_00, currency: 'XOF', wageredBefore: 50_00 }],
      wagered: { XOF: 50_00, GHS: 5_00 },
      lastAt: T0 + minutes(6),
    });
  });

  it('counts AML bets as stakes', () => {
    expect(fold([amlEvent({ amountCents: 100_00 })]).wagered).toEqual({ BRL: 100_00 });
  });

  describe('pruning', () => {
    it('keeps movements of the last 31 days of the player’s latest event', () => {
      const state = fold([
        monitorEvent({ type: 'DEPOSIT', at: T0 }),
        monitorEvent({ type: 'DEPOSIT', at: T0 + 1 }),
        monitorEvent({ type: 'WITHDRAWAL', at: T0 }),
        monitorEvent({ type: 'BONUS_CREDITED', at: T0 }),
        monitorEvent({ type: 'BET_LOST', at: T0 + days(31) + 1 }),
      ]);
      expect(state.deposits.map((d) => d.at)).toEqual([T0 + 1]);
      expect(state.withdrawals).toEqual([]);
      expect(state.bonuses).toEqual([]);
      expect(RETENTION.movements).toBe(days(31));
    });

    it('prunes by the latest event, not by a late one', () => {
      const state = fold([
        monitorEvent({ type: 'DEPOSIT', at: T0 }),
        monitorEvent({ type: 'DEPOSIT', at: T0 + days(20) }),
        monitorEvent({ type: 'DEPOSIT', at: T0 - days(40) }),
        monitorEvent({ type: 'DEPOSIT', at: T0 - days(5) }),
      ]);
      expect(state.deposits.map((d) => d.at)).toEqual([T0 - days(5), T0, T0 + days(20)]);
      expect(state.lastAt).toBe(T0 + days(20));
    });

    it('keeps at most the latest 120 movements of a kind', () => {
      const deposits = Array.from({ length: 130 }, (_, i) =>
        monitorEvent({ type: 'DEPOSIT', amountCents: i, at: T0 + minutes(i) }),
      );
      const state = fold(deposits);
      expect(state.deposits).toHaveLength(120);
      expect(state.deposits[0].cents).toBe(10);
      expect(state.deposits[119].cents).toBe(129);
    });

    it('keeps the newest 120 movements by event time, not the last received', () => {
      // Received newest first: the last 120 received would be the oldest.
      const withdrawals = Array.from({ length: 125 }, (_, i) =>
        monitorEvent({ type: 'WITHDRAWAL', amountCents: i + 1, at: T0 - minutes(i) }),
      );
      const state = fold(withdrawals);
      expect(state.withdrawals).toHaveLength(120);
      expect(state.withdrawals.map((w) => w.cents)).toEqual(
        Array.from({ length: 120 }, (_, i) => 120 - i),
      );
      expect(state.withdrawals[0].at).toBe(T0 - minutes(119));
      expect(state.withdrawals[119].at).toBe(T0);
    });

    it('keeps settled bets per day for 90 days', () => {
      const state = fold([
        monitorEvent({ type: 'BET_WON', at: T0 }),
        monitorEvent({ type: 'BET_WON', at: T0 + days(1) }),
        monitorEvent({ type: 'BET_LOST', at: T0 + days(91) }),
      ]);
      expect(state.settledByDay).toEqual({
        [String(dayOf(T0) + 1)]: [1, 1],
        [String(dayOf(T0) + 91)]: [1, 0],
      });
    });

    it('keeps a flagged bet until 7 days after it settles, or after it was placed', () => {
      const start = { ...emptyPlayerState(), lowOddsBets: [flagged(), flagged({ ref: 'bet-2' })] };
      const settled = applyEvent(
        start,
        monitorEvent({ type: 'BET_WON', betRef: 'bet-1', at: T0 + days(2) }),
      );
      const later = applyEvent(settled, monitorEvent({ type: 'DEPOSIT', at: T0 + days(8) }));
      expect(later.lowOddsBets).toEqual([flagged({ settledAt: T0 + days(2) })]);
      const gone = applyEvent(later, monitorEvent({ type: 'DEPOSIT', at: T0 + days(9) + 1 }));
      expect(gone.lowOddsBets).toEqual([]);
    });

    it('keeps the newest 100 reported shares by the time of their report', () => {
      // Written newest first: the oldest reports are the last keys.
      const reportedShares = Object.fromEntries(
        Array.from({ length: 105 }, (_, i) => [`ip:10.0.0.${i}`, { players: 3, at: T0 - i }]),
      );
      const state = applyEvent({ ...emptyPlayerState(), reportedShares }, monitorEvent());
      expect(Object.keys(state.reportedShares)).toHaveLength(100);
      expect(state.reportedShares['ip:10.0.0.0']).toEqual({ players: 3, at: T0 });
      expect(state.reportedShares['ip:10.0.0.99']).toEqual({ players: 3, at: T0 - 99 });
      for (const i of [100, 101, 102, 103, 104]) {
        expect(state.reportedShares[`ip:10.0.0.${i}`]).toBeUndefined();
      }
    });

    it('keeps reported shares for 30 days of the player’s latest event', () => {
      const reportedShares = {
        'ip:10.0.0.1': { players: 3, at: T0 },
        'ip:10.0.0.2': { players: 4, at: T0 + 1 },
        'phone:+221770000001': { players: 5, at: T0 + days(10) },
      };
      const start = { ...emptyPlayerState(), lastAt: T0 + days(30) + 1, reportedShares };
      // A late event: the 30 days still run back from the latest one.
      const state = applyEvent(start, monitorEvent({ at: T0 + days(1) }));
      expect(state.reportedShares).toEqual({
        'ip:10.0.0.2': { players: 4, at: T0 + 1 },
        'phone:+221770000001': { players: 5, at: T0 + days(10) },
      });
      expect(RETENTION.reportedShares).toBe(days(30));
    });
  });

  describe('settled bets', () => {
    it('counts settled and won bets per day of the event', () => {
      const state = fold([
        monitorEvent({ type: 'BET_WON', at: T0 }),
        monitorEvent({ type: 'BET_LOST', at: T0 + hours(1) }),
        monitorEvent({ type: 'JACKPOT', at: T0 + hours(2) }),
        monitorEvent({ type: 'BET_LOST', at: T0 + days(1) }),
        monitorEvent({ type: 'CASHOUT', at: T0 + days(1) }),
        monitorEvent({ type: 'BET_PLACED', at: T0 + days(1) }),
        monitorEvent({ type: 'REFUND', at: T0 + days(1) }),
      ]);
      expect(state.settledByDay).toEqual({
        [String(dayOf(T0))]: [3, 2],
        [String(dayOf(T0) + 1)]: [1, 0],
      });
    });

    it('numbers days from the epoch, in UTC', () => {
      expect(dayOf(0)).toBe(0);
      expect(dayOf(days(1) - 1)).toBe(0);
      expect(dayOf(days(1))).toBe(1);
      expect(dayOf(T0)).toBe(Math.floor(Date.UTC(2026, 2, 2) / 86_400_000));
    });

    it('settles a flagged bet once, on a win, jackpot or cashout of its ref', () => {
      const start = {
        ...emptyPlayerState(),
        lowOddsBets: [
          flagged(),
          flagged({ ref: 'bet-2' }),
          flagged({ ref: 'bet-3' }),
          flagged({ ref: 'bet-4' }),
        ],
      };
      const state = fold(
        [
          monitorEvent({ type: 'REFUND', betRef: 'bet-1', at: T0 + 1 }),
          monitorEvent({ type: 'BET_WON', betRef: 'bet-1', at: T0 + 2 }),
          monitorEvent({ type: 'BET_WON', betRef: 'bet-1', at: T0 + 3 }),
          monitorEvent({ type: 'CASHOUT', betRef: 'bet-2', at: T0 + 4 }),
          monitorEvent({ type: 'JACKPOT', betRef: 'bet-3', at: T0 + 5 }),
          monitorEvent({ type: 'BET_WON', betRef: null, at: T0 + 6 }),
        ],
        start,
      );
      expect(state.lowOddsBets.map((b) => [b.ref, b.settledAt])).toEqual([
        ['bet-1', T0 + 2],
        ['bet-2', T0 + 4],
        ['bet-3', T0 + 5],
        ['bet-4', null],
      ]);
    });

    it('forgets a flagged bet on a loss of its ref, and only that bet', () => {
      const start = {
        ...emptyPlayerState(),
        lowOddsBets: [flagged(), flagged({ ref: 'bet-2' })],
      };
      const state = fold(
        [
          monitorEvent({ type: 'BET_LOST', betRef: 'bet-1', at: T0 + 1 }),
          monitorEvent({ type: 'BET_LOST', betRef: null, at: T0 + 2 }),
        ],
        start,
      );
      expect(state.lowOddsBets).toEqual([flagged({ ref: 'bet-2' })]);
    });
  });

  describe('balances', () => {
    const withBalance = (after: number, at: number, partial: Partial<DetectionEvent> = {}) =>
      monitorEvent({ balanceBeforeCents: 0, balanceAfterCents: after, at, ...partial });

    it('keeps the last balance per stream and currency, by event time', () => {
      const state = fold([
        withBalance(100, T0),
        withBalance(200, T0 + hours(2)),
        withBalance(150, T0 + hours(1)),
        withBalance(7, T0, { currency: 'GHS' }),
        amlEvent({ balanceBeforeCents: 0, balanceAfterCents: 9, at: T0 }),
      ]);
      expect(state.balances).toEqual({
        'monitor:XOF': { at: T0 + hours(2), cents: 200 },
        'monitor:GHS': { at: T0, cents: 7 },
        'aml:BRL': { at: T0, cents: 9 },
      });
    });

    it('at the same time, takes an event that continues from the balance known, and ignores one without balance', () => {
      const state = fold([
        withBalance(100, T0),
        withBalance(300, T0, { balanceBeforeCents: 100 }),
        monitorEvent({ balanceBeforeCents: 1, balanceAfterCents: null, at: T0 + hours(1) }),
      ]);
      expect(state.balances).toEqual({ 'monitor:XOF': { at: T0, cents: 300 } });
    });

    it('at the same time, keeps the balance known against an event that may have come before it', () => {
      // 100 -> 300 first, then 0 -> 100 at the same instant: the chain stands at 300.
      const state = fold([withBalance(300, T0, { balanceBeforeCents: 100 }), withBalance(100, T0)]);
      expect(state.balances).toEqual({ 'monitor:XOF': { at: T0, cents: 300 } });
    });

    it('keys balances by stream and currency', () => {
      expect(balanceKey(monitorEvent({ currency: 'GHS' }))).toBe('monitor:GHS');
      expect(balanceKey(amlEvent())).toBe('aml:BRL');
    });
  });

  it('keeps the last known KYC level and country when an event has none', () => {
    const state = fold([
      monitorEvent({ kycLevel: 1, country: 'SEN', at: T0 }),
      monitorEvent({ kycLevel: 2, at: T0 + 1 }),
      monitorEvent({ at: T0 + 2 }),
    ]);
    expect([state.kycLevel, state.country]).toEqual([2, 'SEN']);
  });

  it('takes the KYC level and country from an event at or after the latest, not from a late one', () => {
    const state = fold([
      monitorEvent({ kycLevel: 2, country: 'SEN', at: T0 + hours(1) }),
      monitorEvent({ kycLevel: 1, country: 'CIV', at: T0 }),
    ]);
    expect([state.kycLevel, state.country]).toEqual([2, 'SEN']);
    const same = applyEvent(state, monitorEvent({ kycLevel: 3, at: T0 + hours(1) }));
    expect([same.kycLevel, same.country]).toEqual([3, 'SEN']);
    const unknown = fold([
      monitorEvent({ at: T0 + hours(1) }),
      monitorEvent({ kycLevel: 1, country: 'CIV', at: T0 }),
    ]);
    expect([unknown.kycLevel, unknown.country]).toEqual([null, null]);
  });

  it('keeps the latest event time', () => {
    const state = fold([monitorEvent({ at: T0 + 5 }), monitorEvent({ at: T0 })]);
    expect(state.lastAt).toBe(T0 + 5);
  });
});

describe('within', () => {
  it('keeps moves of one currency from a time on', () => {
    const moves = [
      { at: T0, cents: 1, currency: 'XOF', wageredBefore: 0 },
      { at: T0 + 1, cents: 2, currency: 'GHS', wageredBefore: 0 },
      { at: T0 + 2, cents: 3, currency: 'XOF', wageredBefore: 0 },
    ];
    expect(within(moves, 'XOF', T0).map((m) => m.cents)).toEqual([1, 3]);
    expect(within(moves, 'XOF', T0 + 1).map((m) => m.cents)).toEqual([3]);
  });
});
