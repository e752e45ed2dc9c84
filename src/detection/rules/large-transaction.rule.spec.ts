import {
  detect,
  expected,
  fr,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
  minutes,
} from '../engine/testing';
import { largeTransaction } from './large-transaction.rule';

const rules = rulesFor(largeTransaction);

describe('LARGE_TRANSACTION', () => {
  it('fires on a deposit at the threshold (1,000,000 XOF)', () => {
    const deposit = monitorEvent({ type: 'DEPOSIT', amountCents: 1_000_000_00 });
    expect(detect([deposit], rules).findings).toEqual([
      expected(largeTransaction, deposit, {
        type: 'DEPOSIT',
        amount: 1_000_000_00,
        currency: 'XOF',
        threshold: 1_000_000_00,
      }),
    ]);
  });

  it('fires on a withdrawal above the threshold, in the currency’s own threshold', () => {
    const withdrawal = monitorEvent({ type: 'WITHDRAWAL', amountCents: 2_500_00, currency: 'EUR' });
    expect(detect([withdrawal], rules).findings).toEqual([
      expected(largeTransaction, withdrawal, {
        type: 'WITHDRAWAL',
        amount: 2_500_00,
        currency: 'EUR',
        threshold: 2_000_00,
      }),
    ]);
  });

  it('stays quiet one minor unit below the threshold', () => {
    const events = [
      monitorEvent({ type: 'DEPOSIT', amountCents: 1_000_000_00 - 1 }),
      monitorEvent({ type: 'WITHDRAWAL', amountCents: 2_000_00 - 1, currency: 'EUR' }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('stays quiet on other types, whatever the amount', () => {
    const events = ['BET_PLACED', 'BET_WON', 'BONUS_CREDITED', 'JACKPOT'].map((type, i) =>
      monitorEvent({ type, amountCents: 5_000_000_00, at: T0 + minutes(i) }),
    );
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('skips a currency it has no threshold for, until the team sets one', () => {
    const deposit = monitorEvent({
      type: 'DEPOSIT',
      amountCents: 1_000_000_000_00,
      currency: 'KES',
    });
    expect(detect([deposit], rules).findings).toEqual([]);

    const withKes = rulesFor(largeTransaction, { threshold: { KES: 500_000_00 } });
    expect(detect([deposit], withKes).findings).toEqual([
      expected(largeTransaction, deposit, {
        type: 'DEPOSIT',
        amount: 1_000_000_000_00,
        currency: 'KES',
        threshold: 500_000_00,
      }),
    ]);
  });

  it('uses the team’s threshold for a currency and keeps the defaults of the others', () => {
    const team = rulesFor(largeTransaction, { threshold: { XOF: 2_000_000_00 } });
    const xof = monitorEvent({ type: 'DEPOSIT', amountCents: 1_500_000_00 });
    const eur = monitorEvent({ type: 'DEPOSIT', amountCents: 2_000_00, currency: 'EUR' });
    expect(detect([xof, eur], team).findings.map((f) => f.event)).toEqual([eur.ref]);
  });

  it('gives its reason in each language', () => {
    const deposit = monitorEvent({ type: 'DEPOSIT', amountCents: 1_250_000_50 });
    const withdrawal = monitorEvent({ type: 'WITHDRAWAL', amountCents: 1_000_000_00 });
    const [onDeposit, onWithdrawal] = detect([deposit, withdrawal], rules).findings;
    expect(reasons(largeTransaction, onDeposit.figures)).toEqual({
      en: 'Deposit of 1,250,000.50 XOF; threshold 1,000,000 XOF',
      fr: fr('Dépôt de 1~250~000,50 XOF ; seuil 1~000~000 XOF'),
      'pt-BR': 'Depósito de 1.250.000,50 XOF; limite 1.000.000 XOF',
    });
    expect(reasons(largeTransaction, onWithdrawal.figures)).toEqual({
      en: 'Withdrawal of 1,000,000 XOF; threshold 1,000,000 XOF',
      fr: fr('Retrait de 1~000~000 XOF ; seuil 1~000~000 XOF'),
      'pt-BR': 'Saque de 1.000.000 XOF; limite 1.000.000 XOF',
    });
  });
});
