import {
  amlEvent,
  detect,
  expected,
  fr,
  hours,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { balanceMismatch } from './balance-mismatch.rule';

const rules = rulesFor(balanceMismatch);

/** A monitor event of 500 XOF moving the balance from `before` to `after` (minor units). */
const moving = (type: string, before: number, after: number, at = T0) =>
  monitorEvent({
    type,
    amountCents: 500_00,
    balanceBeforeCents: before,
    balanceAfterCents: after,
    at,
  });

describe('BALANCE_MISMATCH', () => {
  describe('direction', () => {
    it.each(['DEPOSIT', 'BET_WON', 'BONUS_CREDITED', 'REFUND', 'CASHOUT', 'JACKPOT'])(
      'stays quiet on a %s that credits its amount',
      (type) => {
        expect(detect([moving(type, 1_000_00, 1_500_00)], rules).findings).toEqual([]);
      },
    );

    it.each(['WITHDRAWAL', 'BET_PLACED', 'BONUS_USED'])(
      'stays quiet on a %s that debits its amount',
      (type) => {
        expect(detect([moving(type, 1_500_00, 1_000_00)], rules).findings).toEqual([]);
      },
    );

    it('stays quiet on a BET_LOST that moves nothing', () => {
      expect(detect([moving('BET_LOST', 1_000_00, 1_000_00)], rules).findings).toEqual([]);
    });

    it('fires on a credit that moved less than its amount', () => {
      const deposit = moving('DEPOSIT', 1_000_00, 1_400_00);
      expect(detect([deposit], rules).findings).toEqual([
        expected(balanceMismatch, deposit, {
          check: 'movement',
          type: 'DEPOSIT',
          moved: 400_00,
          expected: 500_00,
          currency: 'XOF',
        }),
      ]);
    });

    it('fires on a debit that credited', () => {
      const withdrawal = moving('WITHDRAWAL', 1_000_00, 1_500_00);
      expect(detect([withdrawal], rules).findings.map((f) => f.figures)).toEqual([
        {
          check: 'movement',
          type: 'WITHDRAWAL',
          moved: 500_00,
          expected: -500_00,
          currency: 'XOF',
        },
      ]);
    });

    it('fires on a BET_LOST that moved the balance', () => {
      const lost = moving('BET_LOST', 1_000_00, 500_00);
      expect(detect([lost], rules).findings.map((f) => f.figures)).toEqual([
        { check: 'movement', type: 'BET_LOST', moved: -500_00, expected: 0, currency: 'XOF' },
      ]);
    });

    it('skips events without both balances, and types of no known direction', () => {
      const events = [
        monitorEvent({ type: 'DEPOSIT', balanceBeforeCents: null, balanceAfterCents: 7_00 }),
        monitorEvent({ playerId: 2, balanceBeforeCents: 7_00, balanceAfterCents: null }),
        { ...moving('BET_UPDATED', 1_000_00, 9_000_00), playerId: 3 },
      ];
      expect(detect(events, rules).findings).toEqual([]);
    });
  });

  describe('chain', () => {
    it('fires when the balance before is not what the previous event left', () => {
      const deposit = moving('DEPOSIT', 0, 500_00);
      const bet = moving('BET_PLACED', 600_00, 100_00, T0 + hours(1));
      expect(detect([deposit, bet], rules).findings).toEqual([
        expected(balanceMismatch, bet, {
          check: 'chain',
          previous_after: 500_00,
          before: 600_00,
          currency: 'XOF',
        }),
      ]);
    });

    it('stays quiet when each balance follows from the previous', () => {
      const events = [
        moving('DEPOSIT', 0, 500_00),
        moving('BET_PLACED', 500_00, 0, T0 + hours(1)),
        moving('BET_WON', 0, 500_00, T0 + hours(2)),
      ];
      expect(detect(events, rules).findings).toEqual([]);
    });

    it('follows event time: a late event skips the chain check and leaves the chain as it was', () => {
      const events = [
        moving('DEPOSIT', 0, 500_00, T0 + hours(2)),
        moving('DEPOSIT', 9_000_00, 9_500_00, T0 + hours(1)),
        moving('BET_PLACED', 500_00, 0, T0 + hours(3)),
      ];
      expect(detect(events, rules).findings).toEqual([]);
    });

    it('skips the chain check at the same instant: which came first is unknown', () => {
      // Sent newest first, as a batch may be: 1,100 -> 1,600, then 600 -> 1,100; the chain goes
      // on from 1,600, where it stands.
      const events = [
        moving('DEPOSIT', 1_100_00, 1_600_00),
        moving('DEPOSIT', 600_00, 1_100_00),
        moving('DEPOSIT', 1_600_00, 2_100_00, T0 + hours(1)),
      ];
      expect(detect(events, rules).findings).toEqual([]);
      // In time order, the same.
      const inOrder = [events[1], events[0], events[2]].map((e) => ({ ...e, id: `${e.id}b` }));
      expect(detect(inOrder, rules).findings).toEqual([]);
    });

    it('chains per stream and currency', () => {
      const events = [
        moving('DEPOSIT', 0, 500_00),
        monitorEvent({
          type: 'DEPOSIT',
          amountCents: 500_00,
          currency: 'GHS',
          balanceBeforeCents: 7_000_00,
          balanceAfterCents: 7_500_00,
          at: T0 + hours(1),
        }),
        amlEvent({
          currency: 'XOF',
          amountCents: 100_00,
          balanceBeforeCents: 3_000_00,
          balanceAfterCents: 2_900_00,
          at: T0 + hours(2),
        }),
      ];
      expect(detect(events, rules).findings).toEqual([]);
    });

    it('reports both checks on one event', () => {
      const deposit = moving('DEPOSIT', 0, 500_00);
      const withdrawal = moving('WITHDRAWAL', 800_00, 800_00, T0 + hours(1));
      expect(detect([deposit, withdrawal], rules).findings.map((f) => f.figures.check)).toEqual([
        'movement',
        'chain',
      ]);
    });
  });

  describe('AML events', () => {
    it('fires on the AML API’s balance_mismatch check of a new bet', () => {
      const bet = amlEvent({
        amountCents: 100_00,
        balanceBeforeCents: 1_000_00,
        balanceAfterCents: 950_00,
        aml: { checks: ['balance_mismatch'] },
      });
      expect(detect([bet], rules).findings).toEqual([
        expected(balanceMismatch, bet, {
          check: 'movement',
          type: 'new_bet',
          moved: -50_00,
          expected: -100_00,
          currency: 'BRL',
        }),
      ]);
    });

    it('has no expected movement for a result', () => {
      const result = amlEvent({
        type: 'BET_WON',
        amountCents: 50_00,
        balanceBeforeCents: 900_00,
        balanceAfterCents: 950_00,
        aml: { eventType: 'result', betSlipState: 'settled', checks: ['balance_mismatch'] },
      });
      expect(detect([result], rules).findings.map((f) => f.figures)).toEqual([
        { check: 'movement', type: 'result', moved: 50_00, expected: null, currency: 'BRL' },
      ]);
    });

    it('trusts the AML API’s check: no check, no movement hit', () => {
      const bet = amlEvent({
        amountCents: 100_00,
        balanceBeforeCents: 1_000_00,
        balanceAfterCents: 1_000_00,
      });
      expect(detect([bet], rules).findings).toEqual([]);
    });

    it('chains AML balances too', () => {
      const first = amlEvent({
        amountCents: 100_00,
        balanceBeforeCents: 1_000_00,
        balanceAfterCents: 900_00,
      });
      const second = amlEvent({
        amountCents: 100_00,
        balanceBeforeCents: 1_000_00,
        balanceAfterCents: 900_00,
        at: T0 + hours(1),
        aml: { slipRef: 'slip-2' },
      });
      expect(detect([first, second], rules).findings.map((f) => f.figures)).toEqual([
        { check: 'chain', previous_after: 900_00, before: 1_000_00, currency: 'BRL' },
      ]);
    });
  });

  it('gives its reasons in each language', () => {
    const deposit = moving('DEPOSIT', 0, 400_00);
    const bet = moving('BET_PLACED', 600_00, 100_00, T0 + hours(1));
    const result = amlEvent({
      type: 'BET_WON',
      amountCents: 50_00,
      balanceBeforeCents: 900_00,
      balanceAfterCents: 950_00,
      aml: { eventType: 'result', betSlipState: 'settled', checks: ['balance_mismatch'] },
    });
    const [movement, chain, unexplained] = detect([deposit, bet, result], rules).findings;
    expect(reasons(balanceMismatch, movement.figures)).toEqual({
      en: 'Balance moved by 400 XOF on a DEPOSIT, expected 500 XOF',
      fr: 'Le solde a varié de 400 XOF pour un DEPOSIT, 500 XOF attendu',
      'pt-BR': 'O saldo variou 400 XOF em um DEPOSIT; esperado 500 XOF',
    });
    expect(reasons(balanceMismatch, chain.figures)).toEqual({
      en: "Balance before is 600 XOF, but the player's previous event left it at 400 XOF",
      fr: "Solde avant 600 XOF, mais l'événement précédent du joueur l'a laissé à 400 XOF",
      'pt-BR': 'Saldo anterior 600 XOF, mas o evento anterior do jogador o deixou em 400 XOF',
    });
    expect(reasons(balanceMismatch, unexplained.figures)).toEqual({
      en: 'Balance moved by 50 BRL on a result, which the slip does not explain',
      fr: "Le solde a varié de 50 BRL pour un result, ce que le ticket n'explique pas",
      'pt-BR': 'O saldo variou 50 BRL em um result, o que o bilhete não explica',
    });
    expect(reasons(balanceMismatch, { ...movement.figures, moved: -1_234_500_00 }).fr).toBe(
      fr('Le solde a varié de -1~234~500 XOF pour un DEPOSIT, 500 XOF attendu'),
    );
  });
});
