import { thresholdFor, LARGE_AMOUNT_CENTS } from '../engine/money-thresholds';
import { MICROS, within } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { money, percent, span } from '../engine/texts';
import { fullestHit, spanMinutesOf, totalOf, windowsHolding } from '../engine/windows';

/**
 * Deposits (or withdrawals) kept just under the threshold: several within the window, each from
 * `lower_share` of it up to (not including) it, whose sum passes it.
 */
export const structuring = defineRule({
  code: 'STRUCTURING',
  title: {
    en: 'Structuring below the threshold',
    fr: 'Fractionnement sous le seuil',
    'pt-BR': 'Fracionamento abaixo do limite',
  },
  severity: 'HIGH',
  reference: {
    en: 'Splitting deposits or withdrawals to stay under a threshold: Portaria SPA/MF 1.143/2024; UKGC AML guidance (structuring); GIABA typologies',
    fr: 'Fractionnement des dépôts ou retraits pour rester sous un seuil : Portaria SPA/MF 1.143/2024 ; lignes directrices LBC de l’UKGC (structuration) ; typologies du GIABA',
    'pt-BR':
      'Fracionamento de depósitos ou saques para ficar abaixo de um limite: Portaria SPA/MF 1.143/2024; orientação PLD da UKGC (estruturação); tipologias do GIABA',
  },
  parameters: {
    threshold: {
      kind: 'money',
      default: LARGE_AMOUNT_CENTS,
      description: {
        en: 'The threshold the amounts are kept under (minor units)',
        fr: 'Le seuil sous lequel les montants sont maintenus (unités mineures)',
        'pt-BR': 'O limite abaixo do qual os valores são mantidos (unidades menores)',
      },
    },
    lower_share: {
      kind: 'number',
      min: 0.5,
      max: 0.99,
      default: 0.8,
      description: {
        en: 'An amount counts from this share of the threshold up to the threshold',
        fr: 'Un montant compte à partir de cette part du seuil jusqu’au seuil',
        'pt-BR': 'Um valor conta a partir desta proporção do limite até o limite',
      },
    },
    count: {
      kind: 'integer',
      unit: 'count',
      min: 2,
      max: 50,
      default: 2,
      description: {
        en: 'Such amounts within the window that make a hit, this one included',
        fr: 'Nombre de tels montants dans la fenêtre qui déclenchent la règle, celui-ci compris',
        'pt-BR': 'Quantidade de tais valores na janela que dispara a regra, incluindo este',
      },
    },
    window_hours: {
      kind: 'integer',
      unit: 'hours',
      min: 1,
      max: 72,
      default: 24,
      description: {
        en: 'The window, in hours, ending at the event (or at a later one, for an event that arrives late)',
        fr: 'La fenêtre, en heures, qui se termine à l’événement (ou à un événement postérieur, pour un événement arrivé en retard)',
        'pt-BR':
          'A janela, em horas, que termina no evento (ou num evento posterior, para um evento que chega atrasado)',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'DEPOSIT' && event.type !== 'WITHDRAWAL') return null;
    const threshold = thresholdFor(parameters.threshold, event.currency);
    if (threshold === undefined) return null;
    // Amounts are whole minor units: the smallest that reaches the share, float error aside.
    const lower = Math.ceil(threshold * parameters.lower_share - 1e-6);
    const justUnder = (cents: number) => cents >= lower && cents < threshold;
    if (!justUnder(event.amountCents)) return null;
    const moves = event.type === 'DEPOSIT' ? state.deposits : state.withdrawals;
    const length = parameters.window_hours * MICROS.HOUR;
    const near = within(moves, event.currency, event.at - length).filter((m) => justUnder(m.cents));
    const hit = fullestHit(
      windowsHolding(near, { at: event.at, cents: event.amountCents }, length),
      (window) => window.length >= parameters.count && totalOf(window) > threshold,
    );
    if (!hit) return null;
    return {
      figures: {
        type: event.type,
        count: hit.length,
        total: totalOf(hit),
        currency: event.currency,
        threshold,
        span_minutes: spanMinutesOf(hit, MICROS.MINUTE),
        lower_share: parameters.lower_share,
      },
    };
  },
  reason(f, language) {
    const total = money(f.total as number, f.currency as string, language);
    const threshold = money(f.threshold as number, f.currency as string, language);
    const elapsed = span((f.span_minutes as number) * MICROS.MINUTE, language);
    const pct = percent(f.lower_share as number, language);
    const all = percent(1, language);
    const deposits = f.type === 'DEPOSIT';
    switch (language) {
      case 'fr':
        return `${f.count} ${deposits ? 'dépôts' : 'retraits'} entre ${pct} et ${all} du seuil de ${threshold}, pour un total de ${total} en ${elapsed}`;
      case 'pt-BR':
        return `${f.count} ${deposits ? 'depósitos' : 'saques'} entre ${pct} e ${all} do limite de ${threshold}, somando ${total} em ${elapsed}`;
      default:
        return `${f.count} ${deposits ? 'deposits' : 'withdrawals'} each between ${pct} and ${all} of the ${threshold} threshold, totalling ${total} in ${elapsed}`;
    }
  },
});
