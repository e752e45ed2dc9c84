import { defineRule } from '../engine/rule';

const ODDS_CHECKS = ['total_odds_mismatch', 'amount_won_mismatch'] as const;
const CHECKS = [...ODDS_CHECKS, 'stake_changed', 'unknown_leg'] as const;
type Check = (typeof CHECKS)[number];

/**
 * An AML slip whose figures do not follow from its legs: `total_odds` against the product of
 * the leg odds, or a leg's `amount_won` against the stake and odds; or a settlement that does not
 * follow from the bet placed: another stake, or legs the bet did not have. The checks are the AML
 * API's own (consistency-checks.ts), recorded on the event at ingestion.
 */
export const slipInconsistency = defineRule({
  code: 'SLIP_INCONSISTENCY',
  title: {
    en: 'Slip figures inconsistent with its legs or its bet',
    fr: 'Montants du ticket incohérents avec ses sélections ou sa mise',
    'pt-BR': 'Valores do bilhete inconsistentes com as seleções ou a aposta',
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
    const failed = f.checks as Check[];
    const names = {
      total_odds_mismatch: { en: 'total odds', fr: 'cote totale', 'pt-BR': 'odd total' },
      amount_won_mismatch: { en: 'amount won', fr: 'montant gagné', 'pt-BR': 'valor ganho' },
    };
    const odds = ODDS_CHECKS.filter((check) => failed.includes(check))
      .map((check) => names[check][language])
      .join(', ');
    const parts = {
      en: [
        odds && `${odds} not matching the legs (more than 1% apart)`,
        failed.includes('stake_changed') && 'stake changed at settlement',
        failed.includes('unknown_leg') && 'legs settled that the bet did not have',
      ],
      fr: [
        odds && `${odds} en désaccord avec les sélections (écart de plus de 1 %)`,
        failed.includes('stake_changed') && 'mise modifiée au règlement',
        failed.includes('unknown_leg') && 'sélections réglées que le pari n’avait pas',
      ],
      'pt-BR': [
        odds && `${odds} em desacordo com as seleções (diferença acima de 1%)`,
        failed.includes('stake_changed') && 'valor apostado alterado na liquidação',
        failed.includes('unknown_leg') && 'seleções liquidadas que a aposta não tinha',
      ],
    }[language].filter(Boolean);
    // French puts a space before a colon or a semicolon.
    const [colon, semicolon] = language === 'fr' ? [' :', ' ; '] : [':', '; '];
    const slip = { en: 'Slip', fr: 'Ticket', 'pt-BR': 'Bilhete' }[language];
    return `${slip} ${f.slip}${colon} ${parts.join(semicolon)}`;
  },
});
