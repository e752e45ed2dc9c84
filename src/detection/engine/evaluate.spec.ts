import { RULE_PACK } from '../rules/rule-pack';
import type { DetectionEvent } from './detection-event';
import { evaluateEvents, parameterSpecsOf, RuleFailure, type EffectiveRule } from './evaluate';
import { applyEvent, emptyPlayerState, type PlayerState } from './player-state';
import { defineRule, type RuleHit } from './rule';
import type { RuleMode, Severity } from './rule-settings';
import {
  amlEvent,
  detect,
  effectiveRule,
  fakeFacts,
  hours,
  minutes,
  monitorEvent,
  rulesFor,
  summarize,
  T0,
} from './testing';

/** A rule that answers what `answer` says for each event, and records what it saw. */
function scripted(
  code: string,
  answer: (event: DetectionEvent) => RuleHit | RuleHit[] | null,
  severity: Severity = 'MEDIUM',
) {
  const seen: { event: string; deposits: number; lastAt: number | null }[] = [];
  const rule = defineRule({
    code,
    title: { en: code, fr: code, 'pt-BR': code },
    severity,
    reference: { en: 'spec', fr: 'spec', 'pt-BR': 'spec' },
    parameters: {},
    evaluate(event, { state }) {
      seen.push({ event: event.ref, deposits: state.deposits.length, lastAt: state.lastAt });
      return answer(event);
    },
    reason: () => code,
  });
  return { rule, seen };
}

const hit = (extra: Partial<RuleHit> = {}): RuleHit => ({ figures: { n: 1 }, ...extra });

const run = (
  events: DetectionEvent[],
  rules: EffectiveRule[],
  states = new Map<number, PlayerState>(),
) => evaluateEvents(events, states, () => rules, fakeFacts());

describe('evaluateEvents', () => {
  it('runs each rule against the player’s state before the event', () => {
    const { rule, seen } = scripted('SEEN', () => null);
    const events = [
      monitorEvent({ at: T0 }),
      monitorEvent({ at: T0 + minutes(1) }),
      monitorEvent({ playerId: 2, at: T0 + minutes(2) }),
    ];
    run(events, [effectiveRule(rule)]);
    expect(seen).toEqual([
      { event: events[0].ref, deposits: 0, lastAt: null },
      { event: events[1].ref, deposits: 1, lastAt: T0 },
      { event: events[2].ref, deposits: 0, lastAt: null },
    ]);
  });

  it('starts from the states it is given and leaves the new ones in the map', () => {
    const { rule, seen } = scripted('SEEN', () => null);
    const before = applyEvent(emptyPlayerState(), monitorEvent({ at: T0 - hours(1) }));
    const states = new Map([[1, before]]);
    const event = monitorEvent({ at: T0 });
    const expected = applyEvent(before, event);
    run([event], [effectiveRule(rule)], states);
    expect(seen).toEqual([{ event: event.ref, deposits: 1, lastAt: T0 - hours(1) }]);
    expect(states.get(1)).toEqual(expected);
  });

  it('leaves states equal to the fold of applyEvent when no rule remembers anything', () => {
    const events = [
      monitorEvent({
        type: 'DEPOSIT',
        amountCents: 10_000_00,
        at: T0,
        balanceBeforeCents: 0,
        balanceAfterCents: 10_000_00,
      }),
      monitorEvent({ type: 'BET_PLACED', amountCents: 1_000_00, at: T0 + hours(1), odds: 3 }),
      monitorEvent({ type: 'BET_WON', amountCents: 6_000_00, at: T0 + hours(2) }),
      monitorEvent({ playerId: 2, type: 'BONUS_CREDITED', amountCents: 500_00, at: T0 + hours(3) }),
      amlEvent({ at: T0 + hours(4), balanceBeforeCents: 1_000_00, balanceAfterCents: 900_00 }),
      monitorEvent({ type: 'WITHDRAWAL', amountCents: 1_000_00, at: T0 + hours(5), kycLevel: 3 }),
    ];
    const { findings, states } = detect(events, rulesFor(RULE_PACK));
    const fold = (playerId: number) =>
      events.filter((e) => e.playerId === playerId).reduce(applyEvent, emptyPlayerState());
    expect(findings.map((f) => f.rule)).toEqual(['MINIMAL_PLAY_WITHDRAWAL']);
    expect(states.get(1)).toEqual(fold(1));
    expect(states.get(2)).toEqual(fold(2));
  });

  it('lets a rule remember into the next state, after the fold', () => {
    const bet = monitorEvent({
      type: 'BET_PLACED',
      amountCents: 600_000_00,
      odds: 1.05,
      betRef: 'b-1',
    });
    const { states } = detect([bet], rulesFor('LOW_ODDS_HIGH_STAKE'));
    expect(states.get(1)).toEqual({
      ...applyEvent(emptyPlayerState(), bet),
      lowOddsBets: [
        { ref: 'b-1', at: T0, cents: 600_000_00, currency: 'XOF', odds: 1.05, settledAt: null },
      ],
    });
  });

  it('gives a rule’s `remember` the hits of that event only, and the state after it', () => {
    const remembered: { event: string; hits: number; lastAt: number | null }[] = [];
    const rule = defineRule({
      code: 'REMEMBERS',
      title: { en: 'R', fr: 'R', 'pt-BR': 'R' },
      severity: 'LOW',
      reference: { en: 'spec', fr: 'spec', 'pt-BR': 'spec' },
      parameters: {},
      evaluate: (event) => (event.ref === 'e-1' ? [hit(), hit()] : null),
      remember(event, next, { hits, state }) {
        expect(state).toBe(next);
        remembered.push({ event: event.ref, hits: hits.length, lastAt: next.lastAt });
      },
      reason: () => 'R',
    });
    const events = [
      monitorEvent({ ref: 'e-1', at: T0 }),
      monitorEvent({ ref: 'e-2', at: T0 + minutes(1) }),
      monitorEvent({ ref: 'e-3', at: T0 + minutes(2), playerId: 2 }),
    ];
    run(events, [effectiveRule(rule)]);
    expect(remembered).toEqual([
      { event: 'e-1', hits: 2, lastAt: T0 },
      { event: 'e-2', hits: 0, lastAt: T0 + minutes(1) },
      { event: 'e-3', hits: 0, lastAt: T0 + minutes(2) },
    ]);
  });

  it('records a finding with the rule’s version, severity, figures and cooldown', () => {
    const { rule } = scripted('LOUD', () => hit({ figures: { amount: 5 } }), 'LOW');
    const event = monitorEvent();
    const effective = effectiveRule(rule, { cooldown_hours: 6 }, { version: 4 });
    const findings = run([event], [effective]);
    expect(findings).toEqual([
      {
        event,
        rule,
        version: 4,
        mode: 'on',
        severity: 'LOW',
        figures: { amount: 5 },
        cooldownHours: 6,
      },
    ]);
  });

  it('records every hit of a rule, in the order of the rules', () => {
    const first = scripted('FIRST', () => [
      hit({ figures: { n: 1 } }),
      hit({ figures: { n: 2 } }),
    ]).rule;
    const second = scripted('SECOND', () => hit({ figures: { n: 3 } })).rule;
    const quiet = scripted('QUIET', () => []).rule;
    const findings = run(
      [monitorEvent()],
      [first, quiet, second].map((r) => effectiveRule(r)),
    );
    expect(findings.map((f) => [f.rule.code, f.figures.n])).toEqual([
      ['FIRST', 1],
      ['FIRST', 2],
      ['SECOND', 3],
    ]);
  });

  it('does not evaluate a rule that is off', () => {
    const evaluate = jest.fn(() => hit());
    const { rule } = scripted('OFF', evaluate);
    expect(run([monitorEvent()], [effectiveRule(rule, {}, { mode: 'off' })])).toEqual([]);
    expect(evaluate).not.toHaveBeenCalled();
  });

  it('records a shadow rule’s hits in shadow mode', () => {
    const { rule } = scripted('SHADOW', () => hit());
    const [finding] = run([monitorEvent()], [effectiveRule(rule, {}, { mode: 'shadow' })]);
    expect(finding.mode).toBe('shadow');
  });

  it.each<[RuleMode, RuleMode | 'unset', RuleMode[]]>([
    ['on', 'unset', ['on']],
    ['on', 'on', ['on']],
    ['on', 'shadow', ['shadow']],
    ['on', 'off', []],
    ['shadow', 'unset', ['shadow']],
    ['shadow', 'on', ['shadow']],
    ['shadow', 'off', []],
  ])(
    'never records louder than the rule: a %s rule, a hit of mode %s → %j',
    (ruleMode, hitMode, modes) => {
      const { rule } = scripted('MODES', () => hit(hitMode === 'unset' ? {} : { mode: hitMode }));
      const findings = run([monitorEvent()], [effectiveRule(rule, {}, { mode: ruleMode })]);
      expect(findings.map((f) => f.mode)).toEqual(modes);
    },
  );

  it.each<[Severity, Severity]>([
    ['LOW', 'MEDIUM'],
    ['MEDIUM', 'HIGH'],
    ['HIGH', 'CRITICAL'],
    ['CRITICAL', 'CRITICAL'],
  ])('raises a %s rule’s stronger hit to %s', (severity, raised) => {
    const { rule } = scripted('RAISED', () => [hit({ raised: true }), hit({ raised: false })]);
    const findings = run([monitorEvent()], [effectiveRule(rule, {}, { severity })]);
    expect(findings.map((f) => f.severity)).toEqual([raised, severity]);
  });

  it('raises from the team’s severity, not the rule’s default', () => {
    const event = amlEvent({ amountCents: 100_00 });
    const facts = fakeFacts({
      opposing: [
        { playerExternalId: 'p2', selectionRef: 'away', stakeCents: 100_00, at: T0, linked: true },
      ],
    });
    const rules = rulesFor('OPPOSITE_SIDES', {}, { severity: 'LOW' });
    expect(detect([event], rules, { facts }).findings.map((f) => f.severity)).toEqual(['MEDIUM']);
  });

  it('names the rule and the event when a rule throws, and keeps the earlier states', () => {
    const boom = new Error('kaboom');
    const { rule } = scripted('BOOM', (event) => {
      if (event.type === 'WITHDRAWAL') throw boom;
      return null;
    });
    const states = new Map<number, PlayerState>();
    const deposit = monitorEvent({ at: T0 });
    const withdrawal = monitorEvent({ type: 'WITHDRAWAL', at: T0 + minutes(1) });
    let failure: unknown;
    try {
      run([deposit, withdrawal], [effectiveRule(rule)], states);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RuleFailure);
    const { ruleCode, event, cause, message } = failure as RuleFailure;
    expect({ ruleCode, event, cause, message }).toEqual({
      ruleCode: 'BOOM',
      event: withdrawal,
      cause: boom,
      message: `rule BOOM failed on monitor event ${withdrawal.ref}: kaboom`,
    });
    expect(states.get(1)).toEqual(applyEvent(emptyPlayerState(), deposit));
  });

  it('names the rule when what it throws is not an Error', () => {
    const { rule } = scripted('ODD', () => {
      throw 'no';
    });
    const event = amlEvent();
    expect(() => run([event], [effectiveRule(rule)])).toThrow(
      new RuleFailure('ODD', event, 'no').message,
    );
    expect(() => run([event], [effectiveRule(rule)])).toThrow(
      `rule ODD failed on aml event ${event.ref}: no`,
    );
  });

  it('runs each team’s own rules', () => {
    const { rule, seen } = scripted('TEAM_TWO', () => hit());
    const rulesOf = jest.fn((teamId: number) => (teamId === 2 ? [effectiveRule(rule)] : []));
    const events = [monitorEvent({ teamId: 1 }), monitorEvent({ teamId: 2, playerId: 5 })];
    const findings = evaluateEvents(events, new Map(), rulesOf, fakeFacts());
    expect(findings.map(summarize).map((f) => f.event)).toEqual([events[1].ref]);
    expect(seen.map((s) => s.event)).toEqual([events[1].ref]);
    expect(rulesOf.mock.calls).toEqual([[1], [2]]);
  });

  it('adds up each evaluated rule’s time when asked', () => {
    const on = scripted('TIMED', () => hit()).rule;
    const off = scripted('UNTIMED', () => hit()).rule;
    const ruleSeconds = new Map<string, number>([['TIMED', 1]]);
    const rules = [effectiveRule(on), effectiveRule(off, {}, { mode: 'off' })];
    evaluateEvents(
      [monitorEvent(), monitorEvent()],
      new Map(),
      () => rules,
      fakeFacts(),
      ruleSeconds,
    );
    expect([...ruleSeconds.keys()]).toEqual(['TIMED']);
    expect(ruleSeconds.get('TIMED')).toBeGreaterThanOrEqual(1);
  });

  it('gives every rule of the pack its cooldown parameter', () => {
    for (const rule of RULE_PACK) {
      expect(Object.keys(parameterSpecsOf(rule))).toEqual([
        ...Object.keys(rule.parameters),
        'cooldown_hours',
      ]);
    }
  });
});
