import { MICROS } from '../engine/player-state';
import type { DetectionEvent } from '../engine/detection-event';
import { defineRule } from '../engine/rule';

/** An AML single bet: its one leg names the event, market and selection it covers. */
const isSingleBet = (event: DetectionEvent) =>
  event.type === 'BET_PLACED' && event.aml?.legs.length === 1;
import { money } from '../engine/texts';

/**
 * A hedge across accounts: different bettors of the team covering other selections of one
 * event and market (AML single bets, whose legs carry event, market and selection ids) within
 * the window, with comparable stakes. Raised when the bettors share an identifier.
 */
export const oppositeSides = defineRule({
  code: 'OPPOSITE_SIDES',
  title: {
    en: 'Opposite sides of one market across accounts',
    fr: 'Positions opposées sur un même marché entre comptes',
    'pt-BR': 'Lados opostos de um mesmo mercado entre contas',
  },
  severity: 'HIGH',
  reference: {
    en: 'Collusion and laundering through matched bets: Portaria SPA/MF 1.143/2024 (bets that guarantee a result across bettors); UKGC AML guidance',
    fr: 'Collusion et blanchiment par paris croisés : Portaria SPA/MF 1.143/2024 (paris qui garantissent un résultat entre parieurs) ; lignes directrices LBC de l’UKGC',
    'pt-BR':
      'Conluio e lavagem por apostas casadas: Portaria SPA/MF 1.143/2024 (apostas que garantem um resultado entre apostadores); orientação PLD da UKGC',
  },
  parameters: {
    window_minutes: {
      kind: 'integer',
      unit: 'minutes',
      min: 1,
      max: 1440,
      default: 60,
      description: {
        en: 'Bets within this many minutes of each other count',
        fr: 'Les paris à moins de ce nombre de minutes les uns des autres comptent',
        'pt-BR': 'Contam as apostas feitas a até este número de minutos umas das outras',
      },
    },
    stake_ratio: {
      kind: 'number',
      min: 1,
      max: 10,
      default: 2,
      description: {
        en: 'Stakes are comparable when the larger is at most this many times the smaller',
        fr: 'Des mises sont comparables quand la plus grande vaut au plus ce nombre de fois la plus petite',
        'pt-BR': 'Apostas são comparáveis quando a maior é no máximo este número de vezes a menor',
      },
    },
  },
  crossPlayer: isSingleBet,
  evaluate(event, { parameters, state, facts }) {
    if (!isSingleBet(event)) return null;
    const window = parameters.window_minutes * MICROS.MINUTE;
    const comparable = (stake: number) =>
      Math.max(stake, event.amountCents) <=
      parameters.stake_ratio * Math.min(stake, event.amountCents);
    const opposing = facts
      .opposing(event)
      .filter((bet) => Math.abs(bet.at - event.at) <= window && comparable(bet.stakeCents));
    // Reported already with as many opposing bets (its batch, then its second look).
    if (opposing.length <= (state.reportedOpposing[event.ref] ?? 0)) return null;
    const leg = event.aml!.legs[0];
    const linked = opposing.some((bet) => bet.linked);
    return {
      raised: linked,
      figures: {
        sport_event: leg.sportEventRef,
        market: leg.marketRef,
        selection: leg.selectionRef,
        stake: event.amountCents,
        currency: event.currency,
        linked,
        others: opposing.slice(0, 50).map((bet) => ({
          player: bet.playerExternalId,
          selection: bet.selectionRef,
          stake: bet.stakeCents,
          linked: bet.linked,
        })),
      },
    };
  },
  remember(event, next, { hits }) {
    for (const { figures } of hits) {
      next.reportedOpposing[event.ref] = (figures.others as unknown[]).length;
    }
  },
  reason(f, language) {
    const others = f.others as { player: string; selection: string; stake: number }[];
    const list = others
      .slice(0, 5)
      .map((o) => `${o.player} (${o.selection}, ${money(o.stake, f.currency as string, language)})`)
      .join(', ');
    const stake = money(f.stake as number, f.currency as string, language);
    switch (language) {
      case 'fr':
        return `Mise de ${stake} sur ${f.selection} (événement ${f.sport_event}, marché ${f.market}) face à ${list}${f.linked ? ' ; comptes liés par un identifiant partagé' : ''}`;
      case 'pt-BR':
        return `Aposta de ${stake} em ${f.selection} (evento ${f.sport_event}, mercado ${f.market}) contra ${list}${f.linked ? '; contas ligadas por um identificador compartilhado' : ''}`;
      default:
        return `Stake of ${stake} on ${f.selection} (event ${f.sport_event}, market ${f.market}) against ${list}${f.linked ? '; accounts linked by a shared identifier' : ''}`;
    }
  },
});
