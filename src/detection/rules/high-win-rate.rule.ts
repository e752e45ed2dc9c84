import { SETTLING_TYPES } from '../engine/detection-event';
import { dayOf } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { percent } from '../engine/texts';

/**
 * At least `min_rate` of at least `min_bets` settled bets won within the window: whole UTC days,
 * the settling event's and the `window_days - 1` before it (the state counts settled bets per
 * day, so that a busy bettor's state stays small).
 */
export const highWinRate = defineRule({
  code: 'HIGH_WIN_RATE',
  title: {
    en: 'Unusually high win rate',
    fr: 'Taux de gain anormalement élevé',
    'pt-BR': 'Taxa de acerto anormalmente alta',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Possible match-fixing, inside information or bonus/arbitrage abuse: Portaria SPA/MF 1.143/2024 (betting incompatible with a betting profile); UKGC sports betting integrity',
    fr: 'Possible trucage de match, information privilégiée ou abus de bonus/arbitrage : Portaria SPA/MF 1.143/2024 (paris incompatibles avec le profil du parieur) ; intégrité des paris sportifs de l’UKGC',
    'pt-BR':
      'Possível manipulação de resultados, informação privilegiada ou abuso de bônus/arbitragem: Portaria SPA/MF 1.143/2024 (apostas incompatíveis com o perfil do apostador); integridade das apostas esportivas da UKGC',
  },
  parameters: {
    min_bets: {
      kind: 'integer',
      unit: 'count',
      min: 5,
      max: 10_000,
      default: 20,
      description: {
        en: 'Settled bets needed within the window before the rate counts',
        fr: 'Paris réglés nécessaires dans la fenêtre avant que le taux compte',
        'pt-BR': 'Apostas liquidadas necessárias na janela antes que a taxa conte',
      },
    },
    min_rate: {
      kind: 'number',
      min: 0.5,
      max: 1,
      default: 0.8,
      description: {
        en: 'Share of settled bets won that makes a hit',
        fr: 'Part de paris réglés gagnés qui déclenche la règle',
        'pt-BR': 'Proporção de apostas liquidadas ganhas que dispara a regra',
      },
    },
    window_days: {
      kind: 'integer',
      unit: 'days',
      min: 1,
      max: 90,
      default: 30,
      description: {
        en: 'Settled bets of the last this many UTC days count, the settling event’s day included',
        fr: 'Les paris réglés de ce nombre de derniers jours UTC comptent, jour de l’événement compris',
        'pt-BR':
          'Contam as apostas liquidadas deste número de últimos dias UTC, incluído o dia do evento',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (!SETTLING_TYPES.has(event.type)) return null;
    const firstDay = dayOf(event.at) - parameters.window_days + 1;
    let settled = 1;
    let won = event.type === 'BET_LOST' ? 0 : 1;
    for (const [day, [s, w]] of Object.entries(state.settledByDay)) {
      if (Number(day) >= firstDay && Number(day) <= dayOf(event.at)) {
        settled += s;
        won += w;
      }
    }
    if (won === 0 || settled < parameters.min_bets || won / settled < parameters.min_rate) {
      return null;
    }
    return {
      figures: {
        won,
        settled,
        rate: won / settled,
        min_rate: parameters.min_rate,
        min_bets: parameters.min_bets,
        window_days: parameters.window_days,
      },
    };
  },
  reason(f, language) {
    const rate = percent(f.rate as number, language);
    const min = percent(f.min_rate as number, language);
    switch (language) {
      case 'fr':
        return `${f.won} paris gagnés sur ${f.settled} réglés en ${f.window_days} jours (${rate}) ; seuil ${min} sur au moins ${f.min_bets}`;
      case 'pt-BR':
        return `${f.won} apostas ganhas de ${f.settled} liquidadas em ${f.window_days} dias (${rate}); limite ${min} em pelo menos ${f.min_bets}`;
      default:
        return `${f.won} of ${f.settled} settled bets won in ${f.window_days} days (${rate}); threshold ${min} of at least ${f.min_bets}`;
    }
  },
});
