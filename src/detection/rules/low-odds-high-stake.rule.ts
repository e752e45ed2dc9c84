import { shareOf, thresholdFor } from '../engine/money-thresholds';
import { MICROS } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { count, money, span } from '../engine/texts';

/**
 * A large stake at very low odds (near-certain outcome: money in, money out as "winnings"), and
 * the stronger variant: a withdrawal within the window after such a bet settled.
 */
export const lowOddsHighStake = defineRule({
  code: 'LOW_ODDS_HIGH_STAKE',
  title: {
    en: 'High stake at very low odds',
    fr: 'Mise élevée à cote très faible',
    'pt-BR': 'Aposta alta com odd muito baixa',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Betting incompatible with the bettor’s means or with a betting purpose: Portaria SPA/MF 1.143/2024; UKGC AML guidance (low-risk bets to launder)',
    fr: 'Paris incompatibles avec les moyens du parieur ou avec une finalité de jeu : Portaria SPA/MF 1.143/2024 ; lignes directrices LBC de l’UKGC (paris à faible risque pour blanchir)',
    'pt-BR':
      'Apostas incompatíveis com a capacidade financeira do apostador ou com uma finalidade de jogo: Portaria SPA/MF 1.143/2024; orientação PLD da UKGC (apostas de baixo risco para lavar dinheiro)',
  },
  parameters: {
    max_odds: {
      kind: 'number',
      min: 1,
      max: 2,
      default: 1.15,
      description: {
        en: 'Total odds at or below this are very low',
        fr: 'Une cote totale inférieure ou égale à celle-ci est très faible',
        'pt-BR': 'Odds totais iguais ou abaixo desta são muito baixas',
      },
    },
    stake_threshold: {
      kind: 'money',
      default: shareOf(0.5),
      description: {
        en: 'Stakes above this (minor units) are high: half the large-transaction amount',
        fr: 'Les mises au-dessus de ce montant (unités mineures) sont élevées : la moitié du montant d’une transaction importante',
        'pt-BR':
          'Apostas acima deste valor (unidades menores) são altas: metade do valor de uma transação elevada',
      },
    },
    withdrawal_hours: {
      kind: 'integer',
      unit: 'hours',
      min: 1,
      max: 168,
      default: 24,
      description: {
        en: 'A withdrawal this soon after such a bet settles raises the stronger variant',
        fr: 'Un retrait aussi tôt après le règlement d’un tel pari déclenche la variante renforcée',
        'pt-BR': 'Um saque tão cedo após a liquidação de tal aposta dispara a variante mais forte',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type === 'BET_PLACED') {
      const threshold = thresholdFor(parameters.stake_threshold, event.currency);
      if (threshold === undefined || event.odds === null) return null;
      if (event.odds > parameters.max_odds || event.amountCents <= threshold) return null;
      return {
        figures: {
          variant: 'bet',
          stake: event.amountCents,
          odds: event.odds,
          currency: event.currency,
          threshold,
          max_odds: parameters.max_odds,
        },
      };
    }
    if (event.type !== 'WITHDRAWAL') return null;
    const since = event.at - parameters.withdrawal_hours * MICROS.HOUR;
    const bet = state.lowOddsBets.find(
      (b) =>
        b.currency === event.currency &&
        b.settledAt !== null &&
        b.settledAt >= since &&
        b.settledAt <= event.at,
    );
    if (!bet) return null;
    return {
      raised: true,
      figures: {
        variant: 'withdrawal',
        amount: event.amountCents,
        stake: bet.cents,
        odds: bet.odds,
        currency: event.currency,
        bet_ref: bet.ref,
        after_minutes: Math.round((event.at - bet.settledAt!) / MICROS.MINUTE),
      },
    };
  },
  remember(event, next, { hits }) {
    const bet = hits.find((hit) => hit.figures.variant === 'bet');
    if (bet && event.betRef) {
      next.lowOddsBets.push({
        ref: event.betRef,
        at: event.at,
        cents: event.amountCents,
        currency: event.currency,
        odds: event.odds!,
        settledAt: null,
      });
    }
  },
  reason(f, language) {
    const c = f.currency as string;
    const stake = money(f.stake as number, c, language);
    const odds = count(f.odds as number, language);
    if (f.variant === 'withdrawal') {
      const amount = money(f.amount as number, c, language);
      const after = span((f.after_minutes as number) * MICROS.MINUTE, language);
      switch (language) {
        case 'fr':
          return `Retrait de ${amount} ${after} après le règlement d'une mise de ${stake} à la cote ${odds}`;
        case 'pt-BR':
          return `Saque de ${amount} ${after} após a liquidação de uma aposta de ${stake} com odd ${odds}`;
        default:
          return `Withdrawal of ${amount} ${after} after a ${stake} bet at odds ${odds} settled`;
      }
    }
    const threshold = money(f.threshold as number, c, language);
    const max = count(f.max_odds as number, language);
    switch (language) {
      case 'fr':
        return `Mise de ${stake} à la cote ${odds} ; seuils : plus de ${threshold} à ${max} ou moins`;
      case 'pt-BR':
        return `Aposta de ${stake} com odd ${odds}; limites: acima de ${threshold} com odd até ${max}`;
      default:
        return `Stake of ${stake} at odds ${odds}; thresholds: above ${threshold} at odds ${max} or less`;
    }
  },
});
