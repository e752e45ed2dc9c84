import { shareOf, thresholdFor } from '../engine/money-thresholds';
import { MICROS } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { money } from '../engine/texts';

/** A large deposit or withdrawal after a long time without any activity. */
export const dormantReactivation = defineRule({
  code: 'DORMANT_REACTIVATION',
  title: {
    en: 'Dormant account reactivated with a large amount',
    fr: 'Compte dormant réactivé avec un montant important',
    'pt-BR': 'Conta inativa reativada com valor elevado',
  },
  severity: 'MEDIUM',
  reference: {
    en: 'Dormant accounts used to move funds (account takeover, sold accounts): GIABA typologies; UKGC AML guidance (changes in customer behaviour)',
    fr: 'Comptes dormants utilisés pour faire circuler des fonds (prise de contrôle, comptes vendus) : typologies du GIABA ; lignes directrices LBC de l’UKGC (changements de comportement du client)',
    'pt-BR':
      'Contas inativas usadas para movimentar recursos (invasão de conta, contas vendidas): tipologias do GIABA; orientação PLD da UKGC (mudanças de comportamento do cliente)',
  },
  parameters: {
    threshold: {
      kind: 'money',
      default: shareOf(0.5),
      description: {
        en: 'Amounts (minor units) from which a deposit or withdrawal is large here',
        fr: 'Montants (unités mineures) à partir desquels un dépôt ou un retrait est important ici',
        'pt-BR':
          'Valores (unidades menores) a partir dos quais um depósito ou saque é elevado aqui',
      },
    },
    dormant_days: {
      kind: 'integer',
      unit: 'days',
      min: 7,
      max: 3650,
      default: 90,
      description: {
        en: 'Days without any event after which an account is dormant',
        fr: 'Jours sans aucun événement après lesquels un compte est dormant',
        'pt-BR': 'Dias sem nenhum evento após os quais uma conta está inativa',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'DEPOSIT' && event.type !== 'WITHDRAWAL') return null;
    if (state.lastAt === null || event.at < state.lastAt) return null;
    const threshold = thresholdFor(parameters.threshold, event.currency);
    if (threshold === undefined || event.amountCents < threshold) return null;
    const idleDays = Math.floor((event.at - state.lastAt) / MICROS.DAY);
    if (idleDays < parameters.dormant_days) return null;
    return {
      figures: {
        type: event.type,
        amount: event.amountCents,
        currency: event.currency,
        idle_days: idleDays,
        dormant_days: parameters.dormant_days,
      },
    };
  },
  reason(f, language) {
    const amount = money(f.amount as number, f.currency as string, language);
    const deposit = f.type === 'DEPOSIT';
    switch (language) {
      case 'fr':
        return `${deposit ? 'Dépôt' : 'Retrait'} de ${amount} après ${f.idle_days} jours sans activité ; seuil ${f.dormant_days} jours`;
      case 'pt-BR':
        return `${deposit ? 'Depósito' : 'Saque'} de ${amount} após ${f.idle_days} dias sem atividade; limite ${f.dormant_days} dias`;
      default:
        return `${deposit ? 'Deposit' : 'Withdrawal'} of ${amount} after ${f.idle_days} days without activity; threshold ${f.dormant_days} days`;
    }
  },
});
