import type { DetectionEvent } from '../engine/detection-event';
import {
  detect,
  expected,
  fakeFacts,
  hours,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { operatorCountryMismatch } from './operator-country-mismatch.rule';

const rules = rulesFor(operatorCountryMismatch);

const facts = () =>
  fakeFacts({ operatorCountries: { MTN_GH: 'GHA', ORANGE_SN: 'SEN', CASH: null } });

const payment = (partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'DEPOSIT', operator: 'MTN_GH', country: 'SEN', ...partial });

describe('OPERATOR_COUNTRY_MISMATCH', () => {
  it('fires on a deposit through an operator of another country than the player’s', () => {
    const deposit = payment();
    expect(detect([deposit], rules, { facts: facts() }).findings).toEqual([
      expected(operatorCountryMismatch, deposit, {
        type: 'DEPOSIT',
        operator: 'MTN_GH',
        operator_country: 'GHA',
        player_country: 'SEN',
      }),
    ]);
  });

  it('takes the player’s country from earlier events when the event has none', () => {
    const events = [
      monitorEvent({ type: 'BET_PLACED', country: 'SEN' }),
      payment({ type: 'WITHDRAWAL', country: null, at: T0 + hours(1) }),
    ];
    expect(detect(events, rules, { facts: facts() }).findings.map((f) => f.figures)).toEqual([
      { type: 'WITHDRAWAL', operator: 'MTN_GH', operator_country: 'GHA', player_country: 'SEN' },
    ]);
  });

  it('stays quiet on an operator of the player’s country', () => {
    expect(
      detect([payment({ operator: 'ORANGE_SN' })], rules, { facts: facts() }).findings,
    ).toEqual([]);
  });

  it('stays quiet when the operator’s or the player’s country is unknown', () => {
    const events = [
      payment({ operator: 'CASH' }),
      payment({ operator: 'UNKNOWN' }),
      payment({ operator: null }),
      payment({ playerId: 2, country: null }),
    ];
    expect(detect(events, rules, { facts: facts() }).findings).toEqual([]);
  });

  it('looks at deposits and withdrawals only', () => {
    const f = facts();
    expect(detect([payment({ type: 'BET_PLACED' })], rules, { facts: f }).findings).toEqual([]);
    expect(f.asked.operatorCountry).toEqual([]);
  });

  it('gives its reason in each language', () => {
    const [hit] = detect([payment()], rules, { facts: facts() }).findings;
    expect(reasons(operatorCountryMismatch, hit.figures)).toEqual({
      en: 'Operator MTN_GH (GHA) for a player from SEN',
      fr: 'Opérateur MTN_GH (GHA) pour un joueur de SEN',
      'pt-BR': 'Operadora MTN_GH (GHA) para um jogador de SEN',
    });
  });
});
