import { emptyPlayerState, type PlayerState } from '../engine/player-state';
import { days, fakeFacts, monitorEvent, rulesFor, T0 } from '../engine/testing';
import type { SharedIdentifier } from '../engine/rule';
import { riskChangesOf, withdrawsAtLowKyc } from './risk-triggers';

const PHONE = { kind: 'phone' as const, value: '+221771234567' };
const shared = (players: number, allowlisted = false): SharedIdentifier => ({
  allowlisted,
  players,
  others: null,
  short: false,
});
const state = (partial: Partial<PlayerState>): PlayerState => ({
  ...emptyPlayerState(),
  ...partial,
});
const withdrawal = (at: number) => ({ at, cents: 500_00, currency: 'XOF', wageredBefore: 0 });

describe('riskChangesOf', () => {
  const rules = rulesFor(['SHARED_IDENTIFIER']);
  const changesOf = (
    events: ReturnType<typeof monitorEvent>[],
    options: {
      states?: Map<number, PlayerState>;
      before?: Map<number, boolean>;
      shares?: Record<string, SharedIdentifier>;
      recorded?: { playerId: number; key: string; at: number }[];
      rulesOf?: typeof rules;
    } = {},
  ) =>
    riskChangesOf(
      events,
      options.states ?? new Map(),
      options.before ?? new Map(),
      { ...fakeFacts({ shares: options.shares }), recorded: options.recorded ?? [] },
      () => options.rulesOf ?? rules,
      T0,
    );
  const onPhone = (playerId: number) => monitorEvent({ playerId, identifiers: [PHONE], at: T0 });
  const recordedPhone = (playerId: number) => ({
    playerId,
    key: `${PHONE.kind}|${PHONE.value}`,
    at: T0,
  });

  it('rescores a player recorded on a phone another player used, and queues the phone', () => {
    const changes = changesOf([onPhone(7)], {
      shares: { [`phone:${PHONE.value}`]: shared(2) },
      recorded: [recordedPhone(7)],
    });
    expect(changes).toEqual({
      players: new Map([[1, new Set([7])]]),
      links: new Map([[1, [PHONE]]]),
    });
  });

  it.each([
    ['used by this player only', { shares: { [`phone:${PHONE.value}`]: shared(1) } }],
    ['allowlisted', { shares: { [`phone:${PHONE.value}`]: shared(4, true) } }],
    ['not recorded by this batch (seen within the hour)', { recorded: [] }],
    [
      'of a kind in shadow (it links nobody)',
      { rulesOf: rulesFor(['SHARED_IDENTIFIER'], { modes: { phone: 'shadow' } }) },
    ],
  ])('changes nothing for a phone %s', (_, options) => {
    const changes = changesOf([onPhone(7)], {
      shares: { [`phone:${PHONE.value}`]: shared(2) },
      recorded: [recordedPhone(7)],
      ...options,
    });
    expect(changes).toEqual({ players: new Map(), links: new Map() });
  });

  it('rescores a player whose low-KYC withdrawals began, or who withdrew again under them', () => {
    const lowKyc = state({ kycLevel: 1, withdrawals: [withdrawal(T0)] });
    const events = [
      monitorEvent({ playerId: 1, type: 'WITHDRAWAL' }),
      monitorEvent({ playerId: 2, type: 'WITHDRAWAL' }),
      monitorEvent({ playerId: 3, type: 'DEPOSIT' }),
    ];
    const changes = changesOf(events, {
      states: new Map([
        [1, lowKyc],
        [2, lowKyc],
        [3, lowKyc],
      ]),
      before: new Map([
        [1, false],
        [2, true],
        [3, true],
      ]),
    });
    expect(changes.players).toEqual(new Map([[1, new Set([1, 2])]]));
  });

  it('reads a withdrawal at a low KYC level within 30 days only', () => {
    expect(withdrawsAtLowKyc(state({ kycLevel: 1, withdrawals: [withdrawal(T0)] }), T0)).toBe(true);
    expect(withdrawsAtLowKyc(state({ kycLevel: null, withdrawals: [withdrawal(T0)] }), T0)).toBe(
      true,
    );
    expect(withdrawsAtLowKyc(state({ kycLevel: 2, withdrawals: [withdrawal(T0)] }), T0)).toBe(
      false,
    );
    expect(
      withdrawsAtLowKyc(state({ kycLevel: 1, withdrawals: [withdrawal(T0 - days(31))] }), T0),
    ).toBe(false);
    expect(withdrawsAtLowKyc(undefined, T0)).toBe(false);
  });
});
