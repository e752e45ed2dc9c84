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
import { dormantReactivation } from './dormant-reactivation.rule';

const rules = rulesFor(dormantReactivation);

/** A small bet at T0, then a 500,000 XOF (half the large amount) move after `idle`. */
const reactivation = (idle: number, partial: Partial<DetectionEvent> = {}) => [
  monitorEvent({ type: 'BET_PLACED', amountCents: 1_000_00, at: T0 }),
  monitorEvent({ type: 'DEPOSIT', amountCents: 500_000_00, at: T0 + idle, ...partial }),
];

describe('DORMANT_REACTIVATION', () => {
  it('fires on a large deposit after 90 days without activity', () => {
    const events = reactivation(days(90));
    expect(detect(events, rules).findings).toEqual([
      expected(dormantReactivation, events[1], {
        type: 'DEPOSIT',
        amount: 500_000_00,
        currency: 'XOF',
        idle_days: 90,
        dormant_days: 90,
      }),
    ]);
  });

  it('fires on a large withdrawal too', () => {
    const events = reactivation(days(200), {
      type: 'WITHDRAWAL',
      currency: 'EUR',
      amountCents: 1_000_00,
    });
    expect(detect(events, rules).findings.map((f) => f.figures)).toEqual([
      { type: 'WITHDRAWAL', amount: 1_000_00, currency: 'EUR', idle_days: 200, dormant_days: 90 },
    ]);
  });

  it('stays quiet after 89 days and 23 hours', () => {
    expect(detect(reactivation(days(89) + hours(23)), rules).findings).toEqual([]);
  });

  it('stays quiet on an amount below the threshold', () => {
    expect(
      detect(reactivation(days(120), { amountCents: 500_000_00 - 1 }), rules).findings,
    ).toEqual([]);
  });

  it('stays quiet on other types', () => {
    expect(detect(reactivation(days(120), { type: 'BET_PLACED' }), rules).findings).toEqual([]);
  });

  it('stays quiet on a player’s first event', () => {
    const first = monitorEvent({ type: 'DEPOSIT', amountCents: 5_000_000_00 });
    expect(detect([first], rules).findings).toEqual([]);
  });

  it('counts any activity, and skips an event older than the latest', () => {
    const events = [
      monitorEvent({ type: 'BET_PLACED', amountCents: 1_000_00, at: T0 }),
      monitorEvent({ type: 'BET_LOST', amountCents: 0, at: T0 + days(50) }),
      monitorEvent({ type: 'DEPOSIT', amountCents: 500_000_00, at: T0 + days(120) }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
    const late = [
      monitorEvent({ playerId: 2, type: 'BET_PLACED', amountCents: 1_000_00, at: T0 + days(100) }),
      monitorEvent({ playerId: 2, type: 'DEPOSIT', amountCents: 500_000_00, at: T0 }),
    ];
    expect(detect(late, rules).findings).toEqual([]);
  });

  it('takes the team’s number of days', () => {
    const team = rulesFor(dormantReactivation, { dormant_days: 30 });
    expect(detect(reactivation(days(30)), team).findings.map((f) => f.figures.idle_days)).toEqual([
      30,
    ]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect(reactivation(days(90)), rules).findings;
    expect(reasons(dormantReactivation, hit.figures)).toEqual({
      en: 'Deposit of 500,000 XOF after 90 days without activity; threshold 90 days',
      fr: fr('Dépôt de 500~000 XOF après 90 jours sans activité ; seuil 90 jours'),
      'pt-BR': 'Depósito de 500.000 XOF após 90 dias sem atividade; limite 90 dias',
    });
  });
});
