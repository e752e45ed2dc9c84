import { MICROS, within } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { count, money, span } from '../engine/texts';
import { fullestHit, spanMinutesOf, totalOf, windowsHolding } from '../engine/windows';

/** N deposits (of one currency) within a window. */
export const rapidDeposits = defineRule({
  code: 'RAPID_DEPOSITS',
  title: {
    en: 'Rapid succession of deposits',
    fr: 'Dépôts rapprochés',
    'pt-BR': 'Depósitos em sequência rápida',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Unusual frequency of deposits: Portaria SPA/MF 1.143/2024 (splitting of deposits); GIABA typologies (mobile-money layering)',
    fr: 'Fréquence inhabituelle de dépôts : Portaria SPA/MF 1.143/2024 (fractionnement des dépôts) ; typologies du GIABA (empilement par mobile money)',
    'pt-BR':
      'Frequência incomum de depósitos: Portaria SPA/MF 1.143/2024 (fracionamento de depósitos); tipologias do GIABA (ocultação por dinheiro móvel)',
  },
  parameters: {
    count: {
      kind: 'integer',
      unit: 'count',
      min: 2,
      max: 100,
      default: 5,
      description: {
        en: 'Deposits within the window that make a hit, this one included',
        fr: 'Dépôts dans la fenêtre qui déclenchent la règle, celui-ci compris',
        'pt-BR': 'Depósitos na janela que disparam a regra, incluindo este',
      },
    },
    window_minutes: {
      kind: 'integer',
      unit: 'minutes',
      min: 1,
      max: 1440,
      default: 60,
      description: {
        en: 'The window, in minutes, ending at the deposit (or at a later one, for a deposit that arrives late)',
        fr: 'La fenêtre, en minutes, qui se termine au dépôt (ou à un dépôt postérieur, pour un dépôt arrivé en retard)',
        'pt-BR':
          'A janela, em minutos, que termina no depósito (ou num depósito posterior, para um depósito que chega atrasado)',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'DEPOSIT' || event.amountCents <= 0) return null;
    const length = parameters.window_minutes * MICROS.MINUTE;
    const deposits = within(state.deposits, event.currency, event.at - length);
    const hit = fullestHit(
      windowsHolding(deposits, { at: event.at, cents: event.amountCents }, length),
      (window) => window.length >= parameters.count,
    );
    if (!hit) return null;
    return {
      figures: {
        count: hit.length,
        total: totalOf(hit),
        currency: event.currency,
        span_minutes: spanMinutesOf(hit, MICROS.MINUTE),
        min_count: parameters.count,
        window_minutes: parameters.window_minutes,
      },
    };
  },
  reason(f, language) {
    const total = money(f.total as number, f.currency as string, language);
    const elapsed = span((f.span_minutes as number) * MICROS.MINUTE, language);
    const window = span((f.window_minutes as number) * MICROS.MINUTE, language);
    const n = count(f.count as number, language);
    switch (language) {
      case 'fr':
        return `${n} dépôts pour un total de ${total} en ${elapsed} ; seuil ${f.min_count} en ${window}`;
      case 'pt-BR':
        return `${n} depósitos somando ${total} em ${elapsed}; limite ${f.min_count} em ${window}`;
      default:
        return `${n} deposits totalling ${total} in ${elapsed}; threshold ${f.min_count} in ${window}`;
    }
  },
});
