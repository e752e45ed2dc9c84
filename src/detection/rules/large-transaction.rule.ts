import { defineRule } from '../engine/rule';
import { LARGE_AMOUNT_CENTS, thresholdFor } from '../engine/money-thresholds';
import { money } from '../engine/texts';

const MOVES = new Set(['DEPOSIT', 'WITHDRAWAL']);

/** A deposit or withdrawal at or above the threshold. */
export const largeTransaction = defineRule({
  code: 'LARGE_TRANSACTION',
  title: {
    en: 'Large deposit or withdrawal',
    fr: 'Dépôt ou retrait important',
    'pt-BR': 'Depósito ou saque de valor elevado',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Large transactions: UKGC AML guidance for casinos (customer due diligence from EUR 2,000); Portaria SPA/MF 1.143/2024 (operations to analyse and report to COAF)',
    fr: 'Transactions importantes : lignes directrices LBC de l’UKGC pour les casinos (vigilance à partir de 2 000 EUR) ; Portaria SPA/MF 1.143/2024 (opérations à analyser et à déclarer au COAF)',
    'pt-BR':
      'Transações elevadas: orientação PLD da UKGC para cassinos (diligência a partir de 2.000 EUR); Portaria SPA/MF 1.143/2024 (operações a analisar e comunicar ao COAF)',
  },
  parameters: {
    threshold: {
      kind: 'money',
      default: LARGE_AMOUNT_CENTS,
      description: {
        en: 'Amount (minor units) from which a deposit or withdrawal is large',
        fr: 'Montant (unités mineures) à partir duquel un dépôt ou un retrait est important',
        'pt-BR': 'Valor (unidades menores) a partir do qual um depósito ou saque é elevado',
      },
    },
  },
  evaluate(event, { parameters }) {
    if (!MOVES.has(event.type)) return null;
    const threshold = thresholdFor(parameters.threshold, event.currency);
    if (threshold === undefined || event.amountCents < threshold) return null;
    return {
      figures: {
        type: event.type,
        amount: event.amountCents,
        currency: event.currency,
        threshold,
      },
    };
  },
  reason(f, language) {
    const amount = money(f.amount as number, f.currency as string, language);
    const threshold = money(f.threshold as number, f.currency as string, language);
    const deposit = f.type === 'DEPOSIT';
    switch (language) {
      case 'fr':
        return `${deposit ? 'Dépôt' : 'Retrait'} de ${amount} ; seuil ${threshold}`;
      case 'pt-BR':
        return `${deposit ? 'Depósito' : 'Saque'} de ${amount}; limite ${threshold}`;
      default:
        return `${deposit ? 'Deposit' : 'Withdrawal'} of ${amount}; threshold ${threshold}`;
    }
  },
});
