import { amlEvent, detect, expected, monitorEvent, reasons, rulesFor } from '../engine/testing';
import { slipInconsistency } from './slip-inconsistency.rule';

const rules = rulesFor(slipInconsistency);

describe('SLIP_INCONSISTENCY', () => {
  it('fires on the AML API’s odds and amount-won checks', () => {
    const event = amlEvent({
      type: 'BET_WON',
      aml: {
        eventType: 'result',
        slipRef: 'slip-9',
        checks: ['balance_mismatch', 'total_odds_mismatch', 'amount_won_mismatch'],
      },
    });
    expect(detect([event], rules).findings).toEqual([
      expected(slipInconsistency, event, {
        checks: ['total_odds_mismatch', 'amount_won_mismatch'],
        slip: 'slip-9',
      }),
    ]);
  });

  it('fires on one of them', () => {
    const event = amlEvent({ aml: { checks: ['total_odds_mismatch'] } });
    expect(detect([event], rules).findings.map((f) => f.figures)).toEqual([
      { checks: ['total_odds_mismatch'], slip: 'slip-1' },
    ]);
  });

  it('fires on a settlement that is not the bet placed: another stake, legs it did not have', () => {
    const event = amlEvent({
      aml: { checks: ['stake_changed', 'amount_won_mismatch', 'unknown_leg'] },
    });
    const [hit] = detect([event], rules).findings;
    expect(hit.figures).toEqual({
      checks: ['amount_won_mismatch', 'stake_changed', 'unknown_leg'],
      slip: 'slip-1',
    });
    expect(reasons(slipInconsistency, hit.figures)).toEqual({
      en: 'Slip slip-1: amount won not matching the legs (more than 1% apart); stake changed at settlement; legs settled that the bet did not have',
      fr: 'Ticket slip-1 : montant gagné en désaccord avec les sélections (écart de plus de 1 %) ; mise modifiée au règlement ; sélections réglées que le pari n’avait pas',
      'pt-BR':
        'Bilhete slip-1: valor ganho em desacordo com as seleções (diferença acima de 1%); valor apostado alterado na liquidação; seleções liquidadas que a aposta não tinha',
    });
  });

  it('stays quiet on the other checks, on a clean slip and on monitor events', () => {
    const events = [
      amlEvent({ aml: { checks: ['balance_mismatch', 'player_mismatch', 'out_of_order'] } }),
      amlEvent(),
      monitorEvent({ type: 'BET_PLACED', odds: 1.5 }),
    ];
    expect(detect(events, rules).findings).toEqual([]);
  });

  it('gives its reason in each language', () => {
    const event = amlEvent({ aml: { checks: ['total_odds_mismatch', 'amount_won_mismatch'] } });
    const [hit] = detect([event], rules).findings;
    expect(reasons(slipInconsistency, hit.figures)).toEqual({
      en: 'Slip slip-1: total odds, amount won not matching the legs (more than 1% apart)',
      fr: 'Ticket slip-1 : cote totale, montant gagné en désaccord avec les sélections (écart de plus de 1 %)',
      'pt-BR':
        'Bilhete slip-1: odd total, valor ganho em desacordo com as seleções (diferença acima de 1%)',
    });
  });
});
