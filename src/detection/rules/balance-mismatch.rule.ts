import { CREDIT_TYPES, DEBIT_TYPES, type DetectionEvent } from '../engine/detection-event';
import { balanceKey } from '../engine/player-state';
import { defineRule, type RuleHit } from '../engine/rule';
import { money } from '../engine/texts';

/**
 * Balances that do not add up: `balance_before`/`balance_after` against the amount and the
 * event's direction, or a balance that does not follow from the player's previous event of the
 * same stream and currency (by event time: a late event, or one at the same instant, skips that
 * check). For AML events, the
 * AML API's own balance check (consistency-checks.ts) and the same chain.
 */
export const balanceMismatch = defineRule({
  code: 'BALANCE_MISMATCH',
  title: {
    en: 'Balance inconsistent with the transaction',
    fr: 'Solde incohérent avec la transaction',
    'pt-BR': 'Saldo inconsistente com a transação',
  },
  severity: 'HIGH',
  reference: {
    en: 'Integrity of the operator’s records: Portaria SPA/MF 1.143/2024 (records of transactions); UKGC LCCP (accurate customer accounts)',
    fr: 'Intégrité des registres de l’opérateur : Portaria SPA/MF 1.143/2024 (registre des transactions) ; UKGC LCCP (comptes clients exacts)',
    'pt-BR':
      'Integridade dos registros do operador: Portaria SPA/MF 1.143/2024 (registro das transações); UKGC LCCP (contas de clientes corretas)',
  },
  parameters: {},
  evaluate(event, { state }) {
    const hits: RuleHit[] = [];
    const movement = directionMismatch(event);
    if (movement) hits.push({ figures: movement });
    const previous = state.balances[balanceKey(event)];
    if (
      previous &&
      event.balanceBeforeCents !== null &&
      // At the same instant, which came first is unknown (a batch sent newest first): no check.
      previous.at < event.at &&
      previous.cents !== event.balanceBeforeCents
    ) {
      hits.push({
        figures: {
          check: 'chain',
          previous_after: previous.cents,
          before: event.balanceBeforeCents,
          currency: event.currency,
        },
      });
    }
    return hits;
  },
  reason(f, language) {
    const c = f.currency as string;
    if (f.check === 'chain') {
      const previous = money(f.previous_after as number, c, language);
      const before = money(f.before as number, c, language);
      switch (language) {
        case 'fr':
          return `Solde avant ${before}, mais l'événement précédent du joueur l'a laissé à ${previous}`;
        case 'pt-BR':
          return `Saldo anterior ${before}, mas o evento anterior do jogador o deixou em ${previous}`;
        default:
          return `Balance before is ${before}, but the player's previous event left it at ${previous}`;
      }
    }
    const moved = money(f.moved as number, c, language);
    if (f.expected === null) {
      switch (language) {
        case 'fr':
          return `Le solde a varié de ${moved} pour un ${f.type}, ce que le ticket n'explique pas`;
        case 'pt-BR':
          return `O saldo variou ${moved} em um ${f.type}, o que o bilhete não explica`;
        default:
          return `Balance moved by ${moved} on a ${f.type}, which the slip does not explain`;
      }
    }
    const expected = money(f.expected as number, c, language);
    switch (language) {
      case 'fr':
        return `Le solde a varié de ${moved} pour un ${f.type}, ${expected} attendu`;
      case 'pt-BR':
        return `O saldo variou ${moved} em um ${f.type}; esperado ${expected}`;
      default:
        return `Balance moved by ${moved} on a ${f.type}, expected ${expected}`;
    }
  },
});

function directionMismatch(event: DetectionEvent) {
  const { balanceBeforeCents: before, balanceAfterCents: after } = event;
  if (event.aml) {
    if (!event.aml.checks.includes('balance_mismatch')) return null;
    return {
      check: 'movement',
      type: event.aml.eventType,
      moved: (after ?? 0) - (before ?? 0),
      expected: event.aml.eventType === 'new_bet' ? -event.amountCents : null,
      currency: event.currency,
    };
  }
  if (before === null || after === null) return null;
  const expected = CREDIT_TYPES.has(event.type)
    ? event.amountCents
    : DEBIT_TYPES.has(event.type)
      ? -event.amountCents
      : event.type === 'BET_LOST'
        ? 0
        : null;
  if (expected === null || after - before === expected) return null;
  return {
    check: 'movement',
    type: event.type,
    moved: after - before,
    expected,
    currency: event.currency,
  };
}
