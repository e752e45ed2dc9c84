import type { DetectionEvent } from '../engine/detection-event';
import {
  detect,
  expected,
  fr,
  hours,
  minutes,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { bonusAbuse } from './bonus-abuse.rule';

const rules = rulesFor(bonusAbuse);

const event = (
  type: string,
  amountCents: number,
  at: number,
  partial: Partial<DetectionEvent> = {},
) => monitorEvent({ type, amountCents, at, ...partial });

/** A 5,000 XOF bonus at T0, `wagered` staked an hour later, a 20,000 XOF withdrawal at `at`. */
const sequence = (wagered: number, at = T0 + hours(2) + minutes(30)) => [
  event('BONUS_CREDITED', 5_000_00, T0),
  event('BET_PLACED', wagered, T0 + hours(1)),
  event('WITHDRAWAL', 20_000_00, at),
];

describe('BONUS_ABUSE', () => {
  it('fires on a withdrawal within 72 h of a bonus wagered less than 5 times', () => {
    const events = sequence(10_000_00);
    expect(detect(events, rules).findings).toEqual([
      expected(bonusAbuse, events[2], {
        amount: 20_000_00,
        bonus: 5_000_00,
        wagered: 10_000_00,
        currency: 'XOF',
        after_minutes: 150,
        wagering_multiple: 5,
      }),
    ]);
  });

  it('stays quiet once the bonus was wagered exactly 5 times', () => {
    expect(detect(sequence(25_000_00), rules).findings).toEqual([]);
  });

  it('stays quiet once the bonus was wagered exactly the team’s multiple (1.1, inexact in binary)', () => {
    const team = rulesFor(bonusAbuse, { wagering_multiple: 1.1 });
    const events = [
      event('BONUS_CREDITED', 1_000_00, T0),
      event('BET_PLACED', 1_100_00, T0 + hours(1)),
      event('WITHDRAWAL', 500_00, T0 + hours(2)),
    ];
    expect(detect(events, team).findings).toEqual([]);
  });

  it('stays quiet on a withdrawal more than 72 h after the bonus', () => {
    expect(detect(sequence(0, T0 + hours(72) + minutes(1)), rules).findings).toEqual([]);
    const onTime = sequence(0, T0 + hours(72)).map((e) => ({ ...e, playerId: 2 }));
    expect(detect(onTime, rules).findings.map((f) => f.figures.after_minutes)).toEqual([72 * 60]);
  });

  it('counts only stakes after the bonus, and draws on the latest bonus', () => {
    const events = [
      event('BONUS_CREDITED', 1_000_00, T0 - hours(2)),
      event('BET_PLACED', 100_000_00, T0 - hours(1)),
      event('BONUS_CREDITED', 2_000_00, T0),
      event('BET_PLACED', 3_000_00, T0 + hours(1)),
      event('WITHDRAWAL', 20_000_00, T0 + hours(2)),
    ];
    expect(detect(events, rules).findings.map((f) => f.figures)).toEqual([
      {
        amount: 20_000_00,
        bonus: 2_000_00,
        wagered: 3_000_00,
        currency: 'XOF',
        after_minutes: 120,
        wagering_multiple: 5,
      },
    ]);
  });

  it('stays quiet without a bonus in the withdrawal’s currency', () => {
    expect(detect([event('WITHDRAWAL', 20_000_00, T0)], rules).findings).toEqual([]);
    const otherCurrency = [
      event('BONUS_CREDITED', 50_00, T0, { currency: 'GHS' }),
      event('WITHDRAWAL', 20_000_00, T0 + hours(1)),
    ];
    expect(detect(otherCurrency, rules).findings).toEqual([]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect(sequence(10_000_00), rules).findings;
    expect(reasons(bonusAbuse, hit.figures)).toEqual({
      en: 'Withdrawal of 20,000 XOF 2 h 30 after a 5,000 XOF bonus; wagered since: 10,000 XOF (below 5 times the bonus)',
      fr: fr(
        'Retrait de 20~000 XOF 2 h 30 après un bonus de 5~000 XOF ; mises depuis : 10~000 XOF (moins de 5 fois le bonus)',
      ),
      'pt-BR':
        'Saque de 20.000 XOF 2 h 30 após um bônus de 5.000 XOF; apostado desde então: 10.000 XOF (menos de 5 vezes o bônus)',
    });
  });
});
