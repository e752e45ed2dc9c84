import { shareOf, thresholdFor } from '../engine/money-thresholds';
import { defineRule } from '../engine/rule';
import { money } from '../engine/texts';

/** A large withdrawal by a player whose KYC level is below the minimum (or unknown). */
export const lowKycLargeWithdrawal = defineRule({
  code: 'LOW_KYC_LARGE_WITHDRAWAL',
  title: {
    en: 'Large withdrawal with low KYC',
    fr: 'Retrait important avec KYC insuffisant',
    'pt-BR': 'Saque elevado com KYC insuficiente',
  },
  severity: 'HIGH',
  reference: {
    en: 'Identification before paying out: UKGC AML guidance (verification before withdrawal); Portaria SPA/MF 1.143/2024 (know-your-customer); BCEAO instruction on electronic money',
    fr: 'Identification avant paiement : lignes directrices LBC de l’UKGC (vérification avant retrait) ; Portaria SPA/MF 1.143/2024 (connaissance du client) ; instruction de la BCEAO sur la monnaie électronique',
    'pt-BR':
      'Identificação antes do pagamento: orientação PLD da UKGC (verificação antes do saque); Portaria SPA/MF 1.143/2024 (conheça seu cliente); instrução do BCEAO sobre moeda eletrônica',
  },
  parameters: {
    threshold: {
      kind: 'money',
      default: shareOf(0.5),
      description: {
        en: 'Withdrawals (minor units) from this amount are large here',
        fr: 'Les retraits (unités mineures) à partir de ce montant sont importants ici',
        'pt-BR': 'Saques (unidades menores) a partir deste valor são elevados aqui',
      },
    },
    min_kyc_level: {
      kind: 'integer',
      unit: 'level',
      min: 1,
      max: 5,
      default: 2,
      description: {
        en: 'KYC levels below this (or unknown) make a hit',
        fr: 'Un niveau KYC inférieur (ou inconnu) déclenche la règle',
        'pt-BR': 'Níveis de KYC abaixo deste (ou desconhecidos) disparam a regra',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'WITHDRAWAL') return null;
    const threshold = thresholdFor(parameters.threshold, event.currency);
    if (threshold === undefined || event.amountCents < threshold) return null;
    const level = event.kycLevel ?? state.kycLevel;
    if (level !== null && level >= parameters.min_kyc_level) return null;
    return {
      figures: {
        amount: event.amountCents,
        currency: event.currency,
        kyc_level: level,
        min_kyc_level: parameters.min_kyc_level,
        threshold,
      },
    };
  },
  reason(f, language) {
    const amount = money(f.amount as number, f.currency as string, language);
    const level = f.kyc_level === null ? '?' : String(f.kyc_level);
    switch (language) {
      case 'fr':
        return `Retrait de ${amount} avec un niveau KYC ${level} (minimum ${f.min_kyc_level})`;
      case 'pt-BR':
        return `Saque de ${amount} com nível de KYC ${level} (mínimo ${f.min_kyc_level})`;
      default:
        return `Withdrawal of ${amount} at KYC level ${level} (minimum ${f.min_kyc_level})`;
    }
  },
});
