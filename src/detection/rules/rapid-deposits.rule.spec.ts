import type { DetectionEvent } from '../engine/detection-event';
import {
  detect,
  expected,
  fr,
  minutes,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { rapidDeposits } from './rapid-deposits.rule';

const rules = rulesFor(rapidDeposits);

/** Deposits of 480,000 XOF at these minutes after T0. */
const depositsAt = (offsets: number[], partial: Partial<DetectionEvent> = {}) =>
  offsets.map((offset) =>
    monitorEvent({
      type: 'DEPOSIT',
      amountCents: 480_000_00,
      at: T0 + minutes(offset),
      ...partial,
    }),
  );

describe('RAPID_DEPOSITS', () => {
  it('counts no deposit of nothing, before the 5th or as it', () => {
    const zero = { amountCents: 0 };
    const [a, b, c, d] = depositsAt([0, 10, 20, 30]);
    expect(detect([a, ...depositsAt([5], zero), b, c, d], rules).findings).toEqual([]);
    expect(detect([a, b, c, d, ...depositsAt([38], zero)], rules).findings).toEqual([]);
  });

  it('fires on the 5th deposit within an hour', () => {
    const deposits = depositsAt([0, 10, 20, 30, 38]);
    expect(detect(deposits, rules).findings).toEqual([
      expected(rapidDeposits, deposits[4], {
        count: 5,
        total: 2_400_000_00,
        currency: 'XOF',
        span_minutes: 38,
        min_count: 5,
        window_minutes: 60,
      }),
    ]);
  });

  it('counts a deposit exactly a window before', () => {
    const deposits = depositsAt([0, 15, 30, 45, 60]);
    expect(detect(deposits, rules).findings).toEqual([
      expected(rapidDeposits, deposits[4], {
        count: 5,
        total: 2_400_000_00,
        currency: 'XOF',
        span_minutes: 60,
        min_count: 5,
        window_minutes: 60,
      }),
    ]);
  });

  it('fires again on a 6th deposit, counting it', () => {
    const deposits = depositsAt([0, 1, 2, 3, 4, 5]);
    const { findings } = detect(deposits, rules);
    expect(findings.map((f) => [f.event, f.figures.count])).toEqual([
      [deposits[4].ref, 5],
      [deposits[5].ref, 6],
    ]);
  });

  it('fires on deposits that arrive newest first: a late one completes the later windows', () => {
    const deposits = depositsAt([0, 1, 2, 3, 4, 5]).reverse();
    const { findings } = detect(deposits, rules);
    // The 5th to arrive (minute 1) makes minutes 1 to 5 five; the 6th (minute 0), all six.
    expect(findings).toEqual([
      expected(rapidDeposits, deposits[4], {
        count: 5,
        total: 2_400_000_00,
        currency: 'XOF',
        span_minutes: 4,
        min_count: 5,
        window_minutes: 60,
      }),
      expected(rapidDeposits, deposits[5], {
        count: 6,
        total: 2_880_000_00,
        currency: 'XOF',
        span_minutes: 5,
        min_count: 5,
        window_minutes: 60,
      }),
    ]);
  });

  it('fires on a late deposit in the middle of the window', () => {
    const deposits = depositsAt([0, 10, 30, 40, 20]);
    expect(detect(deposits, rules).findings).toEqual([
      expected(rapidDeposits, deposits[4], {
        count: 5,
        total: 2_400_000_00,
        currency: 'XOF',
        span_minutes: 40,
        min_count: 5,
        window_minutes: 60,
      }),
    ]);
  });

  it('stays quiet on 5 deposits over 61 minutes, whatever their order', () => {
    for (const order of [
      [61, 45, 30, 15, 0],
      [30, 0, 61, 15, 45],
    ]) {
      expect(detect(depositsAt(order), rules).findings).toEqual([]);
    }
  });

  it('stays quiet on 4 deposits within an hour', () => {
    expect(detect(depositsAt([0, 10, 20, 30]), rules).findings).toEqual([]);
  });

  it('stays quiet on 5 deposits spread over 61 minutes', () => {
    expect(detect(depositsAt([0, 15, 30, 45, 61]), rules).findings).toEqual([]);
  });

  it('counts deposits of one currency only', () => {
    const events = [...depositsAt([0, 10, 20, 30]), ...depositsAt([38], { currency: 'GHS' })];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('counts deposits only, not withdrawals or bonuses', () => {
    const events = [
      ...depositsAt([0, 10, 20]),
      monitorEvent({ type: 'WITHDRAWAL', at: T0 + minutes(25) }),
      monitorEvent({ type: 'BONUS_CREDITED', at: T0 + minutes(28) }),
      ...depositsAt([30]),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('counts each player’s deposits apart', () => {
    const events = [...depositsAt([0, 10, 20, 30]), ...depositsAt([38], { playerId: 2 })];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('takes the team’s count and window', () => {
    const team = rulesFor(rapidDeposits, { count: 3, window_minutes: 10 });
    const quiet = depositsAt([0, 6, 11]);
    expect(detect(quiet, team).findings).toEqual([]);
    const loud = depositsAt([0, 6, 10], { playerId: 2 });
    expect(detect(loud, team).findings).toEqual([
      expected(rapidDeposits, loud[2], {
        count: 3,
        total: 1_440_000_00,
        currency: 'XOF',
        span_minutes: 10,
        min_count: 3,
        window_minutes: 10,
      }),
    ]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect(depositsAt([0, 10, 20, 30, 38]), rules).findings;
    expect(reasons(rapidDeposits, hit.figures)).toEqual({
      en: '5 deposits totalling 2,400,000 XOF in 38 min; threshold 5 in 1 h',
      fr: fr('5 dépôts pour un total de 2~400~000 XOF en 38 min ; seuil 5 en 1 h'),
      'pt-BR': '5 depósitos somando 2.400.000 XOF em 38 min; limite 5 em 1 h',
    });
  });
});
