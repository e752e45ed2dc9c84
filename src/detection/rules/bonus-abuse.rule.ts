import { MICROS, within } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { count, money, span } from '../engine/texts';

/** A withdrawal soon after a bonus, with less wagered since the bonus than a multiple of it. */
export const bonusAbuse = defineRule({
  code: 'BONUS_ABUSE',
  title: {
    en: 'Withdrawal after a bonus without wagering',
    fr: 'Retrait après un bonus sans mises',
    'pt-BR': 'Saque após bônus sem apostas',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Bonus abuse and promotional fraud: UKGC AML guidance (bonus abuse to launder); Portaria SPA/MF 1.143/2024 (atypical operations)',
    fr: 'Abus de bonus et fraude promotionnelle : lignes directrices LBC de l’UKGC (abus de bonus pour blanchir) ; Portaria SPA/MF 1.143/2024 (opérations atypiques)',
    'pt-BR':
      'Abuso de bônus e fraude promocional: orientação PLD da UKGC (abuso de bônus para lavar dinheiro); Portaria SPA/MF 1.143/2024 (operações atípicas)',
  },
  parameters: {
    window_hours: {
      kind: 'integer',
      unit: 'hours',
      min: 1,
      max: 24 * 30,
      default: 72,
      description: {
        en: 'A withdrawal within this many hours of a bonus counts',
        fr: 'Un retrait dans ce nombre d’heures après un bonus compte',
        'pt-BR': 'Um saque até este número de horas após um bônus conta',
      },
    },
    wagering_multiple: {
      kind: 'number',
      min: 0.1,
      max: 100,
      default: 5,
      description: {
        en: 'Stakes since the bonus below this multiple of it make a hit',
        fr: 'Des mises depuis le bonus inférieures à ce multiple du bonus déclenchent la règle',
        'pt-BR': 'Apostas desde o bônus abaixo deste múltiplo dele disparam a regra',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'WITHDRAWAL' || event.amountCents <= 0) return null;
    const since = event.at - parameters.window_hours * MICROS.HOUR;
    const bonuses = within(state.bonuses, event.currency, since).filter((b) => b.at <= event.at);
    if (bonuses.length === 0) return null;
    const bonus = bonuses[bonuses.length - 1];
    const wagered = (state.wagered[event.currency] ?? 0) - bonus.wageredBefore;
    // Whole minor units: the least stake that reaches the multiple, float error aside.
    if (wagered >= Math.ceil(parameters.wagering_multiple * bonus.cents - 1e-6)) return null;
    return {
      figures: {
        amount: event.amountCents,
        bonus: bonus.cents,
        wagered,
        currency: event.currency,
        after_minutes: Math.round((event.at - bonus.at) / MICROS.MINUTE),
        wagering_multiple: parameters.wagering_multiple,
      },
    };
  },
  reason(f, language) {
    const c = f.currency as string;
    const amount = money(f.amount as number, c, language);
    const bonus = money(f.bonus as number, c, language);
    const wagered = money(f.wagered as number, c, language);
    const after = span((f.after_minutes as number) * MICROS.MINUTE, language);
    const multiple = count(f.wagering_multiple as number, language);
    switch (language) {
      case 'fr':
        return `Retrait de ${amount} ${after} après un bonus de ${bonus} ; mises depuis : ${wagered} (moins de ${multiple} fois le bonus)`;
      case 'pt-BR':
        return `Saque de ${amount} ${after} após um bônus de ${bonus}; apostado desde então: ${wagered} (menos de ${multiple} vezes o bônus)`;
      default:
        return `Withdrawal of ${amount} ${after} after a ${bonus} bonus; wagered since: ${wagered} (below ${multiple} times the bonus)`;
    }
  },
});
