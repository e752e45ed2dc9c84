import type { DetectionEvent } from '../engine/detection-event';
import {
  detect,
  expected,
  fr,
  hours,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { structuring } from './structuring.rule';

const rules = rulesFor(structuring);

/** The XOF threshold: 1,000,000 XOF. */
const THRESHOLD = 1_000_000_00;

const move = (amountCents: number, hoursAfter: number, partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'DEPOSIT', amountCents, at: T0 + hours(hoursAfter), ...partial });

describe('STRUCTURING', () => {
  it.each([
    ['in time order', [0, 1]],
    ['the later one first', [1, 0]],
  ])(
    'fires on a second deposit just under the threshold within 24 h, their sum passing it (%s)',
    (_, order) => {
      const both = [move(900_000_00, 0), move(950_000_00, 5)];
      const events = order.map((i) => both[i]);
      expect(detect(events, rules).findings).toEqual([
        expected(structuring, events[1], {
          type: 'DEPOSIT',
          count: 2,
          total: 1_850_000_00,
          currency: 'XOF',
          threshold: THRESHOLD,
          span_minutes: 300,
          lower_share: 0.8,
        }),
      ]);
    },
  );

  it('stays quiet on a late deposit more than 24 h before the later one', () => {
    expect(detect([move(950_000_00, 25), move(900_000_00, 0)], rules).findings).toEqual([]);
  });

  it('fires on withdrawals too', () => {
    const events = [
      move(850_000_00, 0, { type: 'WITHDRAWAL' }),
      move(999_999_99, 23, { type: 'WITHDRAWAL' }),
    ];
    expect(detect(events, rules).findings).toEqual([
      expected(structuring, events[1], {
        type: 'WITHDRAWAL',
        count: 2,
        total: 1_849_999_99,
        currency: 'XOF',
        threshold: THRESHOLD,
        span_minutes: 23 * 60,
        lower_share: 0.8,
      }),
    ]);
  });

  it('counts an amount of exactly 80% of the threshold', () => {
    const events = [move(800_000_00, 0), move(800_000_00, 1)];
    expect(detect(events, rules).findings.map((f) => f.figures.total)).toEqual([1_600_000_00]);
  });

  it('does not count an amount at 100% of the threshold (a large transaction)', () => {
    expect(detect([move(900_000_00, 0), move(THRESHOLD, 1)], rules).findings).toEqual([]);
    expect(detect([move(THRESHOLD, 0), move(900_000_00, 1)], rules).findings).toEqual([]);
  });

  it('does not count an amount at 79% of the threshold', () => {
    expect(detect([move(790_000_00, 0), move(950_000_00, 1)], rules).findings).toEqual([]);
    expect(detect([move(950_000_00, 0), move(790_000_00, 1)], rules).findings).toEqual([]);
  });

  it('stays quiet when the sum does not pass the threshold', () => {
    const team = rulesFor(structuring, { lower_share: 0.5 });
    expect(detect([move(500_000_00, 0), move(500_000_00, 1)], team).findings).toEqual([]);
    const passing = [move(500_000_00, 0, { playerId: 2 }), move(500_000_01, 1, { playerId: 2 })];
    expect(detect(passing, team).findings.map((f) => f.figures.total)).toEqual([1_000_000_01]);
  });

  it('counts an amount at exactly the team’s lower share (0.55, inexact in binary)', () => {
    const team = rulesFor(structuring, { lower_share: 0.55 });
    const events = [move(550_000_00, 0), move(550_000_00, 1)];
    expect(detect(events, team).findings.map((f) => f.figures.total)).toEqual([1_100_000_00]);
  });

  it('stays quiet when the first amount is more than 24 h before', () => {
    expect(detect([move(900_000_00, 0), move(950_000_00, 25)], rules).findings).toEqual([]);
  });

  it('does not mix deposits with withdrawals, nor currencies', () => {
    const mixed = [move(900_000_00, 0), move(950_000_00, 1, { type: 'WITHDRAWAL' })];
    expect(detect(mixed, rules).findings).toEqual([]);
    const currencies = [move(900_000_00, 0), move(22_000_00, 1, { currency: 'GHS' })];
    expect(detect(currencies, rules).findings).toEqual([]);
  });

  it('skips a currency without threshold', () => {
    const kes = [
      move(900_000_00, 0, { currency: 'KES' }),
      move(950_000_00, 1, { currency: 'KES' }),
    ];
    expect(detect(kes, rules).findings).toEqual([]);
  });

  it('takes the team’s count', () => {
    const team = rulesFor(structuring, { count: 3 });
    const events = [move(900_000_00, 0), move(900_000_00, 1), move(900_000_00, 2)];
    const { findings } = detect(events, team);
    expect(findings.map((f) => [f.event, f.figures.count])).toEqual([[events[2].ref, 3]]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect([move(900_000_00, 0), move(950_000_00, 5)], rules).findings;
    expect(reasons(structuring, hit.figures)).toEqual({
      en: '2 deposits each between 80% and 100% of the 1,000,000 XOF threshold, totalling 1,850,000 XOF in 5 h',
      fr: fr(
        '2 dépôts entre 80 % et 100 % du seuil de 1~000~000 XOF, pour un total de 1~850~000 XOF en 5 h',
      ),
      'pt-BR':
        '2 depósitos entre 80% e 100% do limite de 1.000.000 XOF, somando 1.850.000 XOF em 5 h',
    });
  });
});
