import type { OpposingBet } from '../engine/rule';
import {
  amlEvent,
  detect,
  expected,
  fakeFacts,
  fr,
  minutes,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { oppositeSides } from './opposite-sides.rule';

const rules = rulesFor(oppositeSides);

const opposing = (partial: Partial<OpposingBet> = {}): OpposingBet => ({
  playerExternalId: 'player-2',
  selectionRef: 'away',
  stakeCents: 150_00,
  at: T0 + minutes(30),
  linked: false,
  ...partial,
});

/** A single of 100 BRL on home (match-1, 1x2) at T0. */
const single = () => amlEvent({ amountCents: 100_00 });

const figures = {
  sport_event: 'match-1',
  market: '1x2',
  selection: 'home',
  stake: 100_00,
  currency: 'BRL',
  linked: false,
  others: [{ player: 'player-2', selection: 'away', stake: 150_00, linked: false }],
};

describe('OPPOSITE_SIDES', () => {
  it('fires on a single facing another bettor’s comparable stake on another selection within 1 h', () => {
    const bet = single();
    const facts = fakeFacts({ opposing: [opposing()] });
    expect(detect([bet], rules, { facts }).findings).toEqual([
      expected(oppositeSides, bet, figures),
    ]);
    expect(facts.asked.opposing).toEqual([bet]);
  });

  it('raises the severity when the bettors share an identifier', () => {
    const bet = single();
    const facts = fakeFacts({ opposing: [opposing({ linked: true })] });
    expect(detect([bet], rules, { facts }).findings).toEqual([
      expected(
        oppositeSides,
        bet,
        { ...figures, linked: true, others: [{ ...figures.others[0], linked: true }] },
        { severity: 'CRITICAL' },
      ),
    ]);
  });

  it('counts a bet up to an hour before or after, not 61 minutes', () => {
    const before = fakeFacts({ opposing: [opposing({ at: T0 - minutes(60) })] });
    expect(detect([single()], rules, { facts: before }).findings).toHaveLength(1);
    const tooLate = fakeFacts({ opposing: [opposing({ at: T0 + minutes(61) })] });
    expect(detect([single()], rules, { facts: tooLate }).findings).toEqual([]);
  });

  it('counts stakes up to twice each other, not more', () => {
    const twice = fakeFacts({
      opposing: [opposing({ stakeCents: 200_00 }), opposing({ stakeCents: 50_00 })],
    });
    const { findings } = detect([single()], rules, { facts: twice });
    expect(
      findings.map((f) => (f.figures.others as { stake: number }[]).map((o) => o.stake)),
    ).toEqual([[200_00, 50_00]]);
    const apart = fakeFacts({
      opposing: [opposing({ stakeCents: 200_01 }), opposing({ stakeCents: 49_99 })],
    });
    expect(detect([single()], rules, { facts: apart }).findings).toEqual([]);
  });

  it('looks only at AML singles', () => {
    const facts = fakeFacts({ opposing: [opposing()] });
    const legs = [
      { sportEventRef: 'match-1', marketRef: '1x2', selectionRef: 'home', odds: 2 },
      { sportEventRef: 'match-2', marketRef: '1x2', selectionRef: 'away', odds: 3 },
    ];
    const events = [
      amlEvent({ amountCents: 100_00, aml: { legs } }),
      monitorEvent({ type: 'BET_PLACED', amountCents: 100_00, currency: 'BRL', odds: 2 }),
      amlEvent({
        type: 'BET_WON',
        amountCents: 100_00,
        aml: { eventType: 'result', betSlipState: 'settled' },
      }),
    ];
    expect(detect(events, rules, { facts }).findings).toEqual([]);
    expect(facts.asked.opposing).toEqual([]);
  });

  it('takes the team’s window and ratio', () => {
    const team = rulesFor(oppositeSides, { window_minutes: 10, stake_ratio: 3 });
    const facts = fakeFacts({
      opposing: [
        opposing({ at: T0 + minutes(11) }),
        opposing({ stakeCents: 300_00, at: T0 + minutes(5) }),
      ],
    });
    const { findings } = detect([single()], team, { facts });
    expect(
      findings.map((f) => (f.figures.others as { stake: number }[]).map((o) => o.stake)),
    ).toEqual([[300_00]]);
  });

  it('gives its reason in each language', () => {
    const facts = fakeFacts({ opposing: [opposing()] });
    const [hit] = detect([single()], rules, { facts }).findings;
    expect(reasons(oppositeSides, hit.figures)).toEqual({
      en: 'Stake of 100 BRL on home (event match-1, market 1x2) against player-2 (away, 150 BRL)',
      fr: 'Mise de 100 BRL sur home (événement match-1, marché 1x2) face à player-2 (away, 150 BRL)',
      'pt-BR':
        'Aposta de 100 BRL em home (evento match-1, mercado 1x2) contra player-2 (away, 150 BRL)',
    });
    const linked = { ...hit.figures, stake: 2_500_00, linked: true };
    expect(reasons(oppositeSides, linked)).toEqual({
      en: 'Stake of 2,500 BRL on home (event match-1, market 1x2) against player-2 (away, 150 BRL); accounts linked by a shared identifier',
      fr: fr(
        'Mise de 2~500 BRL sur home (événement match-1, marché 1x2) face à player-2 (away, 150 BRL) ; comptes liés par un identifiant partagé',
      ),
      'pt-BR':
        'Aposta de 2.500 BRL em home (evento match-1, mercado 1x2) contra player-2 (away, 150 BRL); contas ligadas por um identificador compartilhado',
    });
  });
});
