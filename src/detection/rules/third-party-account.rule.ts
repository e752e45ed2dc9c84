import { defineRule } from '../engine/rule';

/**
 * An AML slip whose events come under another CPF than the one that opened it: a bet placed or
 * paid through someone else's account (the AML API's `player_mismatch` check).
 */
export const thirdPartyAccount = defineRule({
  code: 'THIRD_PARTY_ACCOUNT',
  title: {
    en: 'Slip used by another bettor (CPF)',
    fr: 'Ticket utilisé par un autre parieur (CPF)',
    'pt-BR': 'Bilhete usado por outro apostador (CPF)',
  },
  severity: 'HIGH',
  reference: {
    en: 'Use of third-party accounts: Portaria SPA/MF 1.143/2024 (bets and payments through third parties); GIABA typologies (nominees)',
    fr: 'Utilisation de comptes de tiers : Portaria SPA/MF 1.143/2024 (paris et paiements par des tiers) ; typologies du GIABA (prête-noms)',
    'pt-BR':
      'Uso de contas de terceiros: Portaria SPA/MF 1.143/2024 (apostas e pagamentos por meio de terceiros); tipologias do GIABA (laranjas)',
  },
  parameters: {},
  evaluate(event) {
    if (!event.aml?.checks.includes('player_mismatch')) return null;
    return { figures: { slip: event.aml.slipRef, event_type: event.aml.eventType } };
  },
  reason(f, language) {
    switch (language) {
      case 'fr':
        return `Événement ${f.event_type} du ticket ${f.slip} reçu sous un autre CPF que celui du ticket`;
      case 'pt-BR':
        return `Evento ${f.event_type} do bilhete ${f.slip} recebido sob outro CPF que o do bilhete`;
      default:
        return `${f.event_type} event of slip ${f.slip} received under another CPF than the slip's`;
    }
  },
});
