import type { DetectionEvent } from '../engine/detection-event';
import {
  days,
  detect,
  expected,
  fr,
  hours,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { minimalPlayWithdrawal } from './minimal-play-withdrawal.rule';

const rules = rulesFor(minimalPlayWithdrawal);

const event = (
  type: string,
  amountCents: number,
  at: number,
  partial: Partial<DetectionEvent> = {},
) => monitorEvent({ type, amountCents, at, ...partial });

describe('MINIMAL_PLAY_WITHDRAWAL', () => {
  it('fires on a withdrawal when less than 20% of the deposit was wagered since', () => {
    const events = [
      event('DEPOSIT', 10_000_00, T0),
      event('BET_PLACED', 1_000_00, T0 + hours(1)),
      event('WITHDRAWAL', 9_000_00, T0 + hours(2)),
    ];
    expect(detect(events, rules).findings).toEqual([
      expected(minimalPlayWithdrawal, events[2], {
        amount: 9_000_00,
        deposited: 10_000_00,
        wagered: 1_000_00,
        currency: 'XOF',
        deposits: 1,
        wager_share: 0.2,
        window_days: 7,
      }),
    ]);
  });

  it('adds up the deposits of the window and the stakes since the first of them', () => {
    const events = [
      event('BET_PLACED', 50_000_00, T0 - hours(1)),
      event('DEPOSIT', 10_000_00, T0),
      event('BET_PLACED', 2_000_00, T0 + hours(1)),
      event('DEPOSIT', 20_000_00, T0 + hours(2)),
      event('BET_PLACED', 3_000_00, T0 + hours(3)),
      event('WITHDRAWAL', 25_000_00, T0 + hours(4)),
    ];
    expect(detect(events, rules).findings).toEqual([
      expected(minimalPlayWithdrawal, events[5], {
        amount: 25_000_00,
        deposited: 30_000_00,
        wagered: 5_000_00,
        currency: 'XOF',
        deposits: 2,
        wager_share: 0.2,
        window_days: 7,
      }),
    ]);
  });

  it('stays quiet when exactly 20% was wagered', () => {
    const events = [
      event('DEPOSIT', 10_000_00, T0),
      event('BET_PLACED', 2_000_00, T0 + hours(1)),
      event('WITHDRAWAL', 9_000_00, T0 + hours(2)),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('stays quiet when exactly the team’s share (0.55, inexact in binary) was wagered', () => {
    const team = rulesFor(minimalPlayWithdrawal, { wager_share: 0.55 });
    const events = [
      event('DEPOSIT', 1_000_00, T0),
      event('BET_PLACED', 550_00, T0 + hours(1)),
      event('WITHDRAWAL', 400_00, T0 + hours(2)),
    ];
    expect(detect(events, team).findings).toEqual([]);
  });

  it('stays quiet when the deposit is older than the 7-day window', () => {
    const events = [
      event('DEPOSIT', 10_000_00, T0),
      event('WITHDRAWAL', 9_000_00, T0 + days(7) + hours(1)),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('does not draw on deposits before the previous withdrawal', () => {
    const events = [
      event('DEPOSIT', 10_000_00, T0),
      event('WITHDRAWAL', 9_000_00, T0 + hours(1)),
      event('WITHDRAWAL', 1_000_00, T0 + hours(2)),
    ];
    expect(detect(events, rules).findings.map((f) => f.event)).toEqual([events[1].ref]);
  });

  it('counts deposits and stakes of the withdrawal’s currency only', () => {
    const otherCurrency = [
      event('DEPOSIT', 10_000_00, T0, { currency: 'GHS' }),
      event('WITHDRAWAL', 9_000_00, T0 + hours(2)),
    ];
    expect(detect(otherCurrency, rules).findings).toEqual([]);
    const stakesElsewhere = [
      event('DEPOSIT', 10_000_00, T0, { playerId: 2 }),
      event('BET_PLACED', 9_000_00, T0 + hours(1), { playerId: 2, currency: 'GHS' }),
      event('WITHDRAWAL', 9_000_00, T0 + hours(2), { playerId: 2 }),
    ];
    expect(detect(stakesElsewhere, rules).findings.map((f) => f.figures.wagered)).toEqual([0]);
  });

  it('stays quiet on a withdrawal without any deposit', () => {
    expect(detect([event('WITHDRAWAL', 9_000_00, T0)], rules).findings).toEqual([]);
  });

  it('gives its reason in each language', () => {
    const events = [
      event('DEPOSIT', 10_000_00, T0),
      event('BET_PLACED', 1_000_00, T0 + hours(1)),
      event('WITHDRAWAL', 9_000_00, T0 + hours(2)),
    ];
    const [hit] = detect(events, rules).findings;
    expect(reasons(minimalPlayWithdrawal, hit.figures)).toEqual({
      en: 'Withdrawal of 9,000 XOF after 1 deposit totalling 10,000 XOF; wagered since: 1,000 XOF (below 20%)',
      fr: fr(
        'Retrait de 9~000 XOF après 1 dépôt totalisant 10~000 XOF ; mises depuis : 1~000 XOF (moins de 20 %)',
      ),
      'pt-BR':
        'Saque de 9.000 XOF após 1 depósito somando 10.000 XOF; apostado desde então: 1.000 XOF (menos de 20%)',
    });
  });
});
