import { defineRule } from '../engine/rule';

/** A deposit or withdrawal through a payment operator of another country than the player's. */
export const operatorCountryMismatch = defineRule({
  code: 'OPERATOR_COUNTRY_MISMATCH',
  title: {
    en: 'Payment operator from another country',
    fr: 'Opérateur de paiement d’un autre pays',
    'pt-BR': 'Operadora de pagamento de outro país',
  },
  severity: 'LOW',
  reference: {
    en: 'Cross-border flows through mobile money: GIABA typologies (cross-border mobile money); FATF R.10 (customer due diligence on the source of funds)',
    fr: 'Flux transfrontaliers par mobile money : typologies du GIABA (mobile money transfrontalier) ; GAFI R.10 (vigilance sur l’origine des fonds)',
    'pt-BR':
      'Fluxos transfronteiriços por dinheiro móvel: tipologias do GIABA (dinheiro móvel transfronteiriço); GAFI R.10 (diligência sobre a origem dos recursos)',
  },
  parameters: {},
  evaluate(event, { state, facts }) {
    if (event.type !== 'DEPOSIT' && event.type !== 'WITHDRAWAL') return null;
    const country = event.country ?? state.country;
    if (!event.operator || !country) return null;
    const operatorCountry = facts.operatorCountry(event.operator);
    if (!operatorCountry || operatorCountry === country) return null;
    return {
      figures: {
        type: event.type,
        operator: event.operator,
        operator_country: operatorCountry,
        player_country: country,
      },
    };
  },
  reason(f, language) {
    switch (language) {
      case 'fr':
        return `Opérateur ${f.operator} (${f.operator_country}) pour un joueur de ${f.player_country}`;
      case 'pt-BR':
        return `Operadora ${f.operator} (${f.operator_country}) para um jogador de ${f.player_country}`;
      default:
        return `Operator ${f.operator} (${f.operator_country}) for a player from ${f.player_country}`;
    }
  },
});
