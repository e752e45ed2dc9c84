import { MICROS, within } from '../engine/player-state';
import { defineRule } from '../engine/rule';
import { counted, money, percent } from '../engine/texts';

/**
 * A withdrawal when little was wagered since the deposits it draws on: the deposits of its
 * currency within the window and after the previous withdrawal, against the stakes since the
 * first of them.
 */
export const minimalPlayWithdrawal = defineRule({
  code: 'MINIMAL_PLAY_WITHDRAWAL',
  title: {
    en: 'Withdrawal with little play since deposit',
    fr: 'Retrait sans jeu significatif depuis le dépôt',
    'pt-BR': 'Saque com pouca aposta desde o depósito',
  },
  severity: 'HIGH',
  reference: {
    en: 'Withdrawing after a deposit without betting: Portaria SPA/MF 1.143/2024; UKGC AML guidance (using the account as a bank account)',
    fr: 'Retrait après un dépôt sans avoir joué : Portaria SPA/MF 1.143/2024 ; lignes directrices LBC de l’UKGC (compte utilisé comme un compte bancaire)',
    'pt-BR':
      'Saque após um depósito sem apostar: Portaria SPA/MF 1.143/2024; orientação PLD da UKGC (uso da conta como conta bancária)',
  },
  parameters: {
    wager_share: {
      kind: 'number',
      min: 0.01,
      max: 5,
      default: 0.2,
      description: {
        en: 'Stakes below this share of the deposits make a hit',
        fr: 'Des mises inférieures à cette part des dépôts déclenchent la règle',
        'pt-BR': 'Apostas abaixo desta proporção dos depósitos disparam a regra',
      },
    },
    window_days: {
      kind: 'integer',
      unit: 'days',
      min: 1,
      max: 30,
      default: 7,
      description: {
        en: 'Deposits of the last this many days count',
        fr: 'Les dépôts de ce nombre de derniers jours comptent',
        'pt-BR': 'Contam os depósitos deste número de últimos dias',
      },
    },
  },
  evaluate(event, { parameters, state }) {
    if (event.type !== 'WITHDRAWAL' || event.amountCents <= 0) return null;
    const lastWithdrawal = Math.max(
      -Infinity,
      ...within(state.withdrawals, event.currency, -Infinity)
        .filter((w) => w.at <= event.at)
        .map((w) => w.at),
    );
    const since = Math.max(event.at - parameters.window_days * MICROS.DAY, lastWithdrawal + 1);
    const deposits = within(state.deposits, event.currency, since).filter((d) => d.at <= event.at);
    if (deposits.length === 0) return null;
    const deposited = deposits.reduce((sum, d) => sum + d.cents, 0);
    const wagered =
      (state.wagered[event.currency] ?? 0) - Math.min(...deposits.map((d) => d.wageredBefore));
    // Whole minor units: the least stake that reaches the share, float error aside.
    if (wagered >= Math.ceil(parameters.wager_share * deposited - 1e-6)) return null;
    return {
      figures: {
        amount: event.amountCents,
        deposited,
        wagered,
        currency: event.currency,
        deposits: deposits.length,
        wager_share: parameters.wager_share,
        window_days: parameters.window_days,
      },
    };
  },
  reason(f, language) {
    const c = f.currency as string;
    const amount = money(f.amount as number, c, language);
    const deposited = money(f.deposited as number, c, language);
    const wagered = money(f.wagered as number, c, language);
    const share = percent(f.wager_share as number, language);
    const deposits = (one: string, other: string) =>
      counted(f.deposits as number, one, other, language);
    switch (language) {
      case 'fr':
        return `Retrait de ${amount} après ${deposits('dépôt', 'dépôts')} totalisant ${deposited} ; mises depuis : ${wagered} (moins de ${share})`;
      case 'pt-BR':
        return `Saque de ${amount} após ${deposits('depósito', 'depósitos')} somando ${deposited}; apostado desde então: ${wagered} (menos de ${share})`;
      default:
        return `Withdrawal of ${amount} after ${deposits('deposit', 'deposits')} totalling ${deposited}; wagered since: ${wagered} (below ${share})`;
    }
  },
});
