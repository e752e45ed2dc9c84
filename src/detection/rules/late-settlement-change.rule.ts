import { defineRule } from '../engine/rule';

const settles = (event: { eventType: string; betSlipState: string | null }) =>
  event.eventType === 'result' && (event.betSlipState ?? 'settled') === 'settled';

/**
 * An AML slip's result that arrives after its cancellation, or a settled slip changed again (a
 * second settling result, or a cancellation after settlement): results rewritten after the fact.
 */
export const lateSettlementChange = defineRule({
  code: 'LATE_SETTLEMENT_CHANGE',
  title: {
    en: 'Slip settlement changed after the fact',
    fr: 'Règlement de ticket modifié après coup',
    'pt-BR': 'Liquidação de bilhete alterada depois do fato',
  },
  severity: 'HIGH',
  reference: {
    en: 'Manipulated results and insider settlement: Portaria SPA/MF 1.143/2024 (integrity of bets and results); UKGC sports betting integrity',
    fr: 'Résultats manipulés et règlements d’initiés : Portaria SPA/MF 1.143/2024 (intégrité des paris et des résultats) ; intégrité des paris sportifs de l’UKGC',
    'pt-BR':
      'Resultados manipulados e liquidação com informação privilegiada: Portaria SPA/MF 1.143/2024 (integridade das apostas e dos resultados); integridade das apostas esportivas da UKGC',
  },
  parameters: {},
  evaluate(event) {
    const aml = event.aml;
    if (!aml || aml.eventType === 'new_bet') return null;
    if (aml.eventType === 'result' && aml.earlier.some((e) => e.eventType === 'cancellation')) {
      return { figures: { change: 'result_after_cancellation', slip: aml.slipRef } };
    }
    if (aml.earlier.some(settles)) {
      return { figures: { change: `${aml.eventType}_after_settlement`, slip: aml.slipRef } };
    }
    return null;
  },
  reason(f, language) {
    const texts: Record<string, Record<typeof language, string>> = {
      result_after_cancellation: {
        en: `Result received for slip ${f.slip} after its cancellation`,
        fr: `Résultat reçu pour le ticket ${f.slip} après son annulation`,
        'pt-BR': `Resultado recebido para o bilhete ${f.slip} após o seu cancelamento`,
      },
      result_after_settlement: {
        en: `Slip ${f.slip} settled again after it was settled`,
        fr: `Ticket ${f.slip} réglé une nouvelle fois après son règlement`,
        'pt-BR': `Bilhete ${f.slip} liquidado novamente após a liquidação`,
      },
      cancellation_after_settlement: {
        en: `Slip ${f.slip} cancelled after it was settled`,
        fr: `Ticket ${f.slip} annulé après son règlement`,
        'pt-BR': `Bilhete ${f.slip} cancelado após a liquidação`,
      },
    };
    return texts[f.change as string][language];
  },
});
