import { defineRule } from '../engine/rule';

const CHECKS = ['total_odds_mismatch', 'amount_won_mismatch'] as const;

/**
 * An AML slip whose figures do not follow from its legs: `total_odds` against the product of
 * the leg odds, or a leg's `amount_won` against the stake and odds. The checks are the AML API's
 * own (consistency-checks.ts), recorded on the event at ingestion.
 */
export const slipInconsistency = defineRule({
  code: 'SLIP_INCONSISTENCY',
  title: {
    en: 'Slip figures inconsistent with its legs',
    fr: 'Montants du ticket incohérents avec ses sélections',
    'pt-BR': 'Valores do bilhete inconsistentes com as seleções',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Integrity of the bet records reported: Portaria SPA/MF 1.143/2024 (records of bets); SPA/MF reporting of bets',
    fr: 'Intégrité des paris déclarés : Portaria SPA/MF 1.143/2024 (registre des paris) ; déclaration des paris à la SPA/MF',
    'pt-BR':
      'Integridade dos registros de apostas informados: Portaria SPA/MF 1.143/2024 (registro das apostas); envio das apostas à SPA/MF',
  },
  parameters: {},
  evaluate(event) {
    const failed = CHECKS.filter((check) => event.aml?.checks.includes(check));
    if (failed.length === 0) return null;
    return { figures: { checks: failed, slip: event.aml!.slipRef } };
  },
  reason(f, language) {
    const names = {
      total_odds_mismatch: { en: 'total odds', fr: 'cote totale', 'pt-BR': 'odd total' },
      amount_won_mismatch: { en: 'amount won', fr: 'montant gagné', 'pt-BR': 'valor ganho' },
    };
    const failed = (f.checks as (typeof CHECKS)[number][])
      .map((check) => names[check][language])
      .join(', ');
    switch (language) {
      case 'fr':
        return `Ticket ${f.slip} : ${failed} en désaccord avec les sélections (écart de plus de 1 %)`;
      case 'pt-BR':
        return `Bilhete ${f.slip}: ${failed} em desacordo com as seleções (diferença acima de 1%)`;
      default:
        return `Slip ${f.slip}: ${failed} not matching the legs (more than 1% apart)`;
    }
  },
});
