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
import { lowKycLargeWithdrawal } from './low-kyc-large-withdrawal.rule';

const rules = rulesFor(lowKycLargeWithdrawal);

/** A withdrawal of 500,000 XOF: half the large amount. */
const withdrawal = (partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'WITHDRAWAL', amountCents: 500_000_00, ...partial });

describe('LOW_KYC_LARGE_WITHDRAWAL', () => {
  it('fires on a large withdrawal at KYC level 1', () => {
    const event = withdrawal({ kycLevel: 1 });
    expect(detect([event], rules).findings).toEqual([
      expected(lowKycLargeWithdrawal, event, {
        amount: 500_000_00,
        currency: 'XOF',
        kyc_level: 1,
        min_kyc_level: 2,
        threshold: 500_000_00,
      }),
    ]);
  });

  it('fires when the KYC level is unknown', () => {
    const { findings } = detect([withdrawal()], rules);
    expect(findings.map((f) => f.figures.kyc_level)).toEqual([null]);
  });

  it('stays quiet at KYC level 2', () => {
    expect(detect([withdrawal({ kycLevel: 2 })], rules).findings).toEqual([]);
  });

  it('takes the KYC level from earlier events when the event has none', () => {
    const events = [
      monitorEvent({ type: 'DEPOSIT', kycLevel: 3 }),
      withdrawal({ kycLevel: null, at: T0 + hours(1) }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('stays quiet below the threshold, on deposits, and in a currency without threshold', () => {
    const events = [
      withdrawal({ kycLevel: 0, amountCents: 500_000_00 - 1 }),
      withdrawal({ kycLevel: 0, type: 'DEPOSIT' }),
      withdrawal({ kycLevel: 0, currency: 'KES', amountCents: 900_000_000_00 }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('takes the team’s minimum level', () => {
    const team = rulesFor(lowKycLargeWithdrawal, { min_kyc_level: 3 });
    expect(
      detect([withdrawal({ kycLevel: 2 })], team).findings.map((f) => f.figures.min_kyc_level),
    ).toEqual([3]);
  });

  it('gives its reason in each language', () => {
    const [known, unknown] = detect(
      [withdrawal({ kycLevel: 1 }), withdrawal({ playerId: 2 })],
      rules,
    ).findings;
    expect(reasons(lowKycLargeWithdrawal, known.figures)).toEqual({
      en: 'Withdrawal of 500,000 XOF at KYC level 1 (minimum 2)',
      fr: fr('Retrait de 500~000 XOF avec un niveau KYC 1 (minimum 2)'),
      'pt-BR': 'Saque de 500.000 XOF com nível de KYC 1 (mínimo 2)',
    });
    expect(reasons(lowKycLargeWithdrawal, unknown.figures).en).toBe(
      'Withdrawal of 500,000 XOF at KYC level ? (minimum 2)',
    );
  });
});
