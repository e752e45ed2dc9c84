import type { DetectionEvent } from '../engine/detection-event';
import {
  amlEvent,
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
import { lowOddsHighStake } from './low-odds-high-stake.rule';

const rules = rulesFor(lowOddsHighStake);

/** Half the XOF large-transaction amount: 500,000 XOF. */
const STAKE_THRESHOLD = 500_000_00;

const bet = (odds: number, amountCents = 600_000_00, partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'BET_PLACED', odds, amountCents, betRef: 'bet-1', ...partial });
const won = (at: number, betRef = 'bet-1') =>
  monitorEvent({ type: 'BET_WON', amountCents: 690_000_00, betRef, at });
const withdrawal = (at: number, partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'WITHDRAWAL', amountCents: 650_000_00, at, ...partial });

describe('LOW_ODDS_HIGH_STAKE', () => {
  it('fires on a stake above half the threshold at odds 1.15', () => {
    const placed = bet(1.15);
    expect(detect([placed], rules).findings).toEqual([
      expected(lowOddsHighStake, placed, {
        variant: 'bet',
        stake: 600_000_00,
        odds: 1.15,
        currency: 'XOF',
        threshold: STAKE_THRESHOLD,
        max_odds: 1.15,
      }),
    ]);
  });

  it('stays quiet at odds 1.16', () => {
    expect(detect([bet(1.16)], rules).findings).toEqual([]);
  });

  it('stays quiet on a stake of exactly the stake threshold', () => {
    expect(detect([bet(1.05, STAKE_THRESHOLD)], rules).findings).toEqual([]);
  });

  it('stays quiet without odds, or in a currency without threshold', () => {
    const events = [
      bet(1.05, 600_000_00, { odds: null }),
      bet(1.05, 600_000_000_00, { currency: 'KES' }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('fires on an AML bet at low total odds', () => {
    const slip = amlEvent({ amountCents: 6_000_00, odds: 1.1 });
    expect(detect([slip], rules).findings.map((f) => f.figures)).toEqual([
      {
        variant: 'bet',
        stake: 6_000_00,
        odds: 1.1,
        currency: 'BRL',
        threshold: 5_000_00,
        max_odds: 1.15,
      },
    ]);
  });

  describe('the stronger variant', () => {
    it('raises a withdrawal within 24 h of such a bet’s settlement one severity up', () => {
      const placed = bet(1.15);
      const settled = won(T0 + hours(2));
      const out = withdrawal(T0 + hours(5));
      const { findings } = detect([placed, settled, out], rules);
      expect(findings[1]).toEqual(
        expected(
          lowOddsHighStake,
          out,
          {
            variant: 'withdrawal',
            amount: 650_000_00,
            stake: 600_000_00,
            odds: 1.15,
            currency: 'XOF',
            bet_ref: 'bet-1',
            after_minutes: 180,
          },
          { severity: 'HIGH' },
        ),
      );
      expect(findings).toHaveLength(2);
    });

    it('counts a cashed-out or jackpot bet as settled too', () => {
      const jackpot = [
        bet(1.1),
        monitorEvent({ type: 'JACKPOT', betRef: 'bet-1', at: T0 + hours(1) }),
        withdrawal(T0 + hours(2)),
      ];
      expect(detect(jackpot, rules).findings.map((f) => f.figures.variant)).toEqual([
        'bet',
        'withdrawal',
      ]);
      const cashout = [
        bet(1.1, 600_000_00, { playerId: 2 }),
        monitorEvent({ playerId: 2, type: 'CASHOUT', betRef: 'bet-1', at: T0 + hours(1) }),
        withdrawal(T0 + hours(2), { playerId: 2 }),
      ];
      expect(detect(cashout, rules).findings.map((f) => f.figures.variant)).toEqual([
        'bet',
        'withdrawal',
      ]);
    });

    it('fires at exactly 24 h after the settlement, not a minute later', () => {
      const onTime = [bet(1.1), won(T0 + hours(1)), withdrawal(T0 + hours(25))];
      expect(detect(onTime, rules).findings.map((f) => f.figures.variant)).toEqual([
        'bet',
        'withdrawal',
      ]);
      const late = [
        bet(1.1, 600_000_00, { playerId: 2 }),
        { ...won(T0 + hours(1)), playerId: 2 },
        withdrawal(T0 + hours(25) + minutes(1), { playerId: 2 }),
      ];
      expect(detect(late, rules).findings.map((f) => f.figures.variant)).toEqual(['bet']);
    });

    it('stays quiet on a withdrawal after the bet was lost, and forgets the bet', () => {
      const events = [
        bet(1.1),
        monitorEvent({ type: 'BET_LOST', amountCents: 0, betRef: 'bet-1', at: T0 + hours(1) }),
        withdrawal(T0 + hours(2)),
      ];
      const { findings, states } = detect(events, rules);
      expect(findings.map((f) => f.figures.variant)).toEqual(['bet']);
      expect(states.get(1)?.lowOddsBets).toEqual([]);
    });

    it('stays quiet on a withdrawal before the bet settles', () => {
      const events = [bet(1.1), withdrawal(T0 + hours(1)), won(T0 + hours(2))];
      expect(detect(events, rules).findings.map((f) => f.figures.variant)).toEqual(['bet']);
    });

    it('stays quiet after the settlement of a bet that was not flagged', () => {
      const events = [bet(1.16), won(T0 + hours(1)), withdrawal(T0 + hours(2))];
      expect(detect(events, rules).findings).toEqual([]);
    });

    it('stays quiet on a withdrawal in another currency', () => {
      const events = [bet(1.1), won(T0 + hours(1)), withdrawal(T0 + hours(2), { currency: 'GHS' })];
      expect(detect(events, rules).findings.map((f) => f.figures.variant)).toEqual(['bet']);
    });

    it('takes the team’s window', () => {
      const team = rulesFor(lowOddsHighStake, { withdrawal_hours: 2 });
      const events = [bet(1.1), won(T0 + hours(1)), withdrawal(T0 + hours(4))];
      expect(detect(events, team).findings.map((f) => f.figures.variant)).toEqual(['bet']);
    });
  });

  it('remembers a flagged bet in the player’s state', () => {
    const { states } = detect([bet(1.1)], rules);
    expect(states.get(1)?.lowOddsBets).toEqual([
      { ref: 'bet-1', at: T0, cents: 600_000_00, currency: 'XOF', odds: 1.1, settledAt: null },
    ]);
  });

  it('gives its reasons in each language', () => {
    const events = [bet(1.15), won(T0 + hours(2)), withdrawal(T0 + hours(5))];
    const [onBet, onWithdrawal] = detect(events, rules).findings;
    expect(reasons(lowOddsHighStake, onBet.figures)).toEqual({
      en: 'Stake of 600,000 XOF at odds 1.15; thresholds: above 500,000 XOF at odds 1.15 or less',
      fr: fr('Mise de 600~000 XOF à la cote 1,15 ; seuils : plus de 500~000 XOF à 1,15 ou moins'),
      'pt-BR': 'Aposta de 600.000 XOF com odd 1,15; limites: acima de 500.000 XOF com odd até 1,15',
    });
    expect(reasons(lowOddsHighStake, onWithdrawal.figures)).toEqual({
      en: 'Withdrawal of 650,000 XOF 3 h after a 600,000 XOF bet at odds 1.15 settled',
      fr: fr(
        "Retrait de 650~000 XOF 3 h après le règlement d'une mise de 600~000 XOF à la cote 1,15",
      ),
      'pt-BR':
        'Saque de 650.000 XOF 3 h após a liquidação de uma aposta de 600.000 XOF com odd 1,15',
    });
  });
});
