import {
  days,
  detect,
  expected,
  hours,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { highWinRate } from './high-win-rate.rule';

const rules = rulesFor(highWinRate);

/** Settled bets, one a day from `firstDay` days after T0: `lost` losses first, then wins. */
const settled = (total: number, lost: number, firstDay = 0, playerId = 1) =>
  Array.from({ length: total }, (_, i) =>
    monitorEvent({
      playerId,
      type: i < lost ? 'BET_LOST' : 'BET_WON',
      amountCents: 1_000_00,
      at: T0 + days(firstDay + i),
    }),
  );

describe('HIGH_WIN_RATE', () => {
  it('fires when 16 of 20 settled bets within 30 days were won (80%)', () => {
    const bets = settled(20, 4);
    expect(detect(bets, rules).findings).toEqual([
      expected(highWinRate, bets[19], {
        won: 16,
        settled: 20,
        rate: 0.8,
        min_rate: 0.8,
        min_bets: 20,
        window_days: 30,
      }),
    ]);
  });

  it('fires on a losing bet that leaves the rate at 80%', () => {
    const bets = [
      ...settled(19, 3),
      monitorEvent({ type: 'BET_LOST', amountCents: 1_000_00, at: T0 + days(19) }),
    ];
    expect(detect(bets, rules).findings.map((f) => [f.event, f.figures.won])).toEqual([
      [bets[19].ref, 16],
    ]);
  });

  it('stays quiet on 19 settled bets, all won', () => {
    expect(detect(settled(19, 0), rules).findings).toEqual([]);
  });

  it('stays quiet at 15 of 20 (75%)', () => {
    expect(detect(settled(20, 5), rules).findings).toEqual([]);
  });

  it('does not count a bet settled 30 days before the day of the event', () => {
    // The 19th bet is 18 days after T0: its window starts 11 days before T0.
    const bets = [monitorEvent({ type: 'BET_WON', at: T0 - days(12) }), ...settled(19, 3, 0)];
    expect(detect(bets, rules).findings).toEqual([]);
    const inWindow = [
      monitorEvent({ playerId: 2, type: 'BET_WON', at: T0 - days(11) }),
      ...settled(19, 3, 0, 2),
    ];
    expect(detect(inWindow, rules).findings.map((f) => f.figures.settled)).toEqual([20]);
  });

  it('counts a jackpot as won, and neither cashouts nor bets placed', () => {
    const bets = [
      ...settled(19, 4),
      monitorEvent({ type: 'CASHOUT', at: T0 + days(19) }),
      monitorEvent({ type: 'BET_PLACED', at: T0 + days(19) + hours(1) }),
      monitorEvent({ type: 'JACKPOT', at: T0 + days(19) + hours(2) }),
    ];
    expect(
      detect(bets, rules).findings.map((f) => [f.event, f.figures.won, f.figures.settled]),
    ).toEqual([[bets[21].ref, 16, 20]]);
  });

  it('takes the team’s minimum, rate and window', () => {
    const team = rulesFor(highWinRate, { min_bets: 5, min_rate: 1, window_days: 5 });
    expect(detect(settled(5, 0), team).findings.map((f) => f.figures)).toEqual([
      { won: 5, settled: 5, rate: 1, min_rate: 1, min_bets: 5, window_days: 5 },
    ]);
    expect(detect(settled(5, 1, 0, 2), team).findings).toEqual([]);
    // The loss of day 0 is out of the 5-day window of day 5.
    const sixDays = settled(6, 1, 0, 3);
    expect(detect(sixDays, team).findings.map((f) => [f.event, f.figures.settled])).toEqual([
      [sixDays[5].ref, 5],
    ]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect(settled(20, 4), rules).findings;
    expect(reasons(highWinRate, hit.figures)).toEqual({
      en: '16 of 20 settled bets won in 30 days (80%); threshold 80% of at least 20',
      fr: '16 paris gagnés sur 20 réglés en 30 jours (80 %) ; seuil 80 % sur au moins 20',
      'pt-BR': '16 apostas ganhas de 20 liquidadas em 30 dias (80%); limite 80% em pelo menos 20',
    });
    expect(reasons(highWinRate, { ...hit.figures, won: 17, settled: 21, rate: 17 / 21 }).fr).toBe(
      '17 paris gagnés sur 21 réglés en 30 jours (81 %) ; seuil 80 % sur au moins 20',
    );
  });
});
