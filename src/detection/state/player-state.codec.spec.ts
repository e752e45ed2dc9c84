import { emptyPlayerState, type PlayerState } from '../engine/player-state';
import { hours, minutes, T0 } from '../engine/testing';
import { decodeState, encodeState } from './player-state.codec';

/** A state with something in every field, two currencies interleaved in time. */
const busy = (): PlayerState => ({
  lastAt: T0,
  kycLevel: 2,
  country: 'SEN',
  deposits: [
    { at: T0 - hours(3), cents: 500_000_00, currency: 'XOF', wageredBefore: 0 },
    { at: T0 - hours(2), cents: 20_000, currency: 'EUR', wageredBefore: 0 },
    { at: T0 - minutes(30), cents: 150_000_00, currency: 'XOF', wageredBefore: 120_000_00 },
  ],
  withdrawals: [{ at: T0 - minutes(5), cents: 600_000_00, currency: 'XOF', wageredBefore: 1 }],
  bonuses: [],
  wagered: { XOF: 120_000_00, EUR: 0 },
  settledByDay: { '20514': [3, 1] },
  balances: {
    'monitor:XOF': { at: T0, cents: 70_000_00 },
    'aml:BRL': { at: T0 - hours(1), cents: 0 },
  },
  lowOddsBets: [
    {
      ref: 'b-1',
      at: T0 - hours(1),
      cents: 600_000_00,
      currency: 'XOF',
      odds: 1.1,
      settledAt: null,
    },
    {
      ref: 'b-2',
      at: T0 - minutes(50),
      cents: 7_000,
      currency: 'EUR',
      odds: 1.05,
      settledAt: T0 - minutes(10),
    },
  ],
  reportedShares: {
    'ip:41.82.1.7': { players: 4, at: T0 - minutes(1), shadow: true },
    'phone:+221770000001': { players: 3, at: T0 - minutes(2) },
  },
  reportedOpposing: { 'slip-9': 2 },
  recordedSightings: { 'phone|+221770000001': T0 - minutes(20) },
});

describe('player state storage', () => {
  it('reads back exactly the state it wrote', () => {
    expect(decodeState(encodeState(busy()))).toEqual(busy());
    expect(decodeState(encodeState(emptyPlayerState()))).toEqual(emptyPlayerState());
  });

  it('writes far fewer bytes than the objects themselves', () => {
    const state = busy();
    state.deposits = Array.from({ length: 100 }, (_, n) => ({
      at: T0 - minutes(100 - n),
      cents: 1_000_00 * (n + 1),
      currency: 'XOF',
      wageredBefore: 50_00 * n,
    }));
    expect(encodeState(state).length).toBeLessThan(JSON.stringify(state).length / 2);
  });

  it('reads states stored before the compact format, missing fields empty', () => {
    const { recordedSightings: _, ...older } = busy();
    expect(decodeState(JSON.stringify(older))).toEqual({ ...busy(), recordedSightings: {} });
  });
});
