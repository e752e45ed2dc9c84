import type { DetectionEvent } from '../engine/detection-event';
import type { SharedIdentifier } from '../engine/rule';
import {
  detect,
  expected,
  fakeFacts,
  fr,
  hours,
  minutes,
  monitorEvent,
  reasons,
  rulesFor,
  T0,
} from '../engine/testing';
import { sharedIdentifier } from './shared-identifier.rule';

const rules = rulesFor(sharedIdentifier);

const PHONE = '+221770000001';
const IP = '41.82.1.1';

const shared = (players: number, others: string[] | null = null, allowlisted = false) =>
  ({ players, others, allowlisted, short: false }) satisfies SharedIdentifier;

const using = (identifiers: DetectionEvent['identifiers'], partial: Partial<DetectionEvent> = {}) =>
  monitorEvent({ type: 'DEPOSIT', identifiers, ...partial });

const phoneFigures = {
  kind: 'phone',
  value: PHONE,
  players: 3,
  others: ['player-2', 'player-3'],
  min_players: 3,
  window_hours: 24,
};

describe('SHARED_IDENTIFIER', () => {
  it('fires when a phone is used by 3 players within 24 h, naming the others', () => {
    const event = using([{ kind: 'phone', value: PHONE }]);
    const facts = fakeFacts({
      shares: { [`phone:${PHONE}`]: shared(3, ['player-2', 'player-1', 'player-3']) },
    });
    expect(detect([event], rules, { facts }).findings).toEqual([
      expected(sharedIdentifier, event, phoneFigures),
    ]);
    expect(facts.asked.sharing).toEqual([`1/phone:${PHONE}`]);
  });

  it('names at most 50 others, never the player itself', () => {
    const others = Array.from({ length: 51 }, (_, i) => `player-${i + 1}`);
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(60, others) } });
    const [hit] = detect([using([{ kind: 'phone', value: PHONE }])], rules, { facts }).findings;
    expect(hit.figures.others).toEqual(others.slice(1));
  });

  it('stays quiet at 2 players', () => {
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(2, ['player-2']) } });
    expect(detect([using([{ kind: 'phone', value: PHONE }])], rules, { facts }).findings).toEqual(
      [],
    );
  });

  it('skips an allowlisted identifier', () => {
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(9, null, true) } });
    expect(detect([using([{ kind: 'phone', value: PHONE }])], rules, { facts }).findings).toEqual(
      [],
    );
  });

  it('reports an IP in shadow mode by default', () => {
    const event = using([{ kind: 'ip', value: IP }]);
    const facts = fakeFacts({
      shares: { [`ip:${IP}`]: shared(3, ['player-2', 'player-1', 'player-3']) },
    });
    expect(detect([event], rules, { facts }).findings).toEqual([
      expected(
        sharedIdentifier,
        event,
        { ...phoneFigures, kind: 'ip', value: IP },
        { mode: 'shadow' },
      ),
    ]);
  });

  it('reports an IP as an alert when the team turns IPs on', () => {
    const team = rulesFor(sharedIdentifier, { modes: { ip: 'on' } });
    const facts = fakeFacts({ shares: { [`ip:${IP}`]: shared(3) } });
    const { findings } = detect([using([{ kind: 'ip', value: IP }])], team, { facts });
    expect(findings.map((f) => f.mode)).toEqual(['on']);
  });

  it('never reports louder than the rule: a shadow rule keeps phones in shadow', () => {
    const team = rulesFor(sharedIdentifier, {}, { mode: 'shadow' });
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(3) } });
    const { findings } = detect([using([{ kind: 'phone', value: PHONE }])], team, { facts });
    expect(findings.map((f) => f.mode)).toEqual(['shadow']);
  });

  it('does not even ask about a kind the team turned off', () => {
    const team = rulesFor(sharedIdentifier, { modes: { session: 'off' } });
    const facts = fakeFacts({ shares: { 'session:s-1': shared(5) } });
    expect(detect([using([{ kind: 'session', value: 's-1' }])], team, { facts }).findings).toEqual(
      [],
    );
    expect(facts.asked.sharing).toEqual([]);
  });

  it('reports each identifier of the event', () => {
    const facts = fakeFacts({
      shares: { [`phone:${PHONE}`]: shared(3), 'session:s-1': shared(4) },
    });
    const event = using([
      { kind: 'ip', value: IP },
      { kind: 'phone', value: PHONE },
      { kind: 'session', value: 's-1' },
    ]);
    const { findings } = detect([event], rules, { facts });
    expect(findings.map((f) => [f.figures.kind, f.figures.players, f.mode])).toEqual([
      ['phone', 3, 'on'],
      ['session', 4, 'on'],
    ]);
  });

  it('reports again only when more players join', () => {
    const players = { count: 3 };
    const facts = fakeFacts();
    facts.sharing = (_team, kind, value) =>
      kind === 'phone' && value === PHONE ? shared(players.count) : undefined;
    const at = (n: number) => using([{ kind: 'phone', value: PHONE }], { at: T0 + minutes(n) });
    const states = new Map();
    expect(detect([at(0)], rules, { facts, states }).findings).toHaveLength(1);
    expect(detect([at(1)], rules, { facts, states }).findings).toEqual([]);
    players.count = 4;
    const fourth = at(2);
    expect(detect([fourth], rules, { facts, states }).findings.map((f) => f.event)).toEqual([
      fourth.ref,
    ]);
    expect(detect([at(3)], rules, { facts, states }).findings).toEqual([]);
    expect(states.get(1).reportedShares).toEqual({
      [`phone:${PHONE}`]: { players: 4, at: fourth.at },
    });
  });

  it('reports a share again, as an alert, once the kind it was a shadow hit on is turned on', () => {
    const facts = fakeFacts({ shares: { [`ip:${IP}`]: shared(3) } });
    const at = (n: number) => using([{ kind: 'ip', value: IP }], { at: T0 + minutes(n) });
    const states = new Map();
    const modes = (found: { findings: { mode: string }[] }) => found.findings.map((f) => f.mode);
    expect(modes(detect([at(0)], rules, { facts, states }))).toEqual(['shadow']);
    expect(states.get(1).reportedShares).toEqual({
      [`ip:${IP}`]: { players: 3, at: T0, shadow: true },
    });
    expect(modes(detect([at(1)], rules, { facts, states }))).toEqual([]);
    const on = rulesFor(sharedIdentifier, { modes: { ip: 'on' } });
    expect(modes(detect([at(2)], on, { facts, states }))).toEqual(['on']);
    expect(states.get(1).reportedShares).toEqual({
      [`ip:${IP}`]: { players: 3, at: T0 + minutes(2) },
    });
    expect(modes(detect([at(3)], on, { facts, states }))).toEqual([]);
  });

  it('reports a shadow rule’s shares again once the rule is on', () => {
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(3) } });
    const at = (n: number) => using([{ kind: 'phone', value: PHONE }], { at: T0 + minutes(n) });
    const states = new Map();
    const shadow = rulesFor(sharedIdentifier, {}, { mode: 'shadow' });
    expect(detect([at(0)], shadow, { facts, states }).findings.map((f) => f.mode)).toEqual([
      'shadow',
    ]);
    expect(detect([at(1)], rules, { facts, states }).findings.map((f) => f.mode)).toEqual(['on']);
  });

  it('reports again once its last report is older than the window', () => {
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(3) } });
    const at = (time: number) => using([{ kind: 'phone', value: PHONE }], { at: time });
    const states = new Map();
    expect(detect([at(T0)], rules, { facts, states }).findings).toHaveLength(1);
    expect(detect([at(T0 + hours(24))], rules, { facts, states }).findings).toEqual([]);
    const again = at(T0 + hours(24) + 1);
    expect(detect([again], rules, { facts, states }).findings.map((f) => f.event)).toEqual([
      again.ref,
    ]);
    expect(states.get(1).reportedShares).toEqual({
      [`phone:${PHONE}`]: { players: 3, at: again.at },
    });
    expect(detect([at(T0 + hours(30))], rules, { facts, states }).findings).toEqual([]);
  });

  it('measures the report’s age with the team’s window', () => {
    const team = rulesFor(sharedIdentifier, { window_hours: 2 });
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(3) } });
    const at = (time: number) => using([{ kind: 'phone', value: PHONE }], { at: time });
    const states = new Map();
    const found = (time: number) =>
      detect([at(time)], team, { facts, states }).findings.map((f) => f.figures.window_hours);
    expect(found(T0)).toEqual([2]);
    expect(found(T0 + hours(2))).toEqual([]);
    expect(found(T0 + hours(2) + minutes(1))).toEqual([2]);
  });

  it('takes the team’s minimum', () => {
    const team = rulesFor(sharedIdentifier, { min_players: 2 });
    const facts = fakeFacts({ shares: { [`phone:${PHONE}`]: shared(2, ['player-2']) } });
    const { findings } = detect([using([{ kind: 'phone', value: PHONE }])], team, { facts });
    expect(findings.map((f) => f.figures.min_players)).toEqual([2]);
  });

  it('gives its reason in each language', () => {
    const facts = fakeFacts({
      shares: { [`phone:${PHONE}`]: shared(3, ['player-2', 'player-1', 'player-3']) },
    });
    const [hit] = detect([using([{ kind: 'phone', value: PHONE }])], rules, { facts }).findings;
    expect(reasons(sharedIdentifier, hit.figures)).toEqual({
      en: `Phone ${PHONE} used by 3 players in 24 h (player-2, player-3); threshold 3`,
      fr: `Téléphone ${PHONE} utilisé(e) par 3 joueurs en 24 h (player-2, player-3) ; seuil 3`,
      'pt-BR': `Telefone ${PHONE} usado por 3 jogadores em 24 h (player-2, player-3); limite 3`,
    });
  });

  it('names at most 5 others in its reason, and none when they were not loaded', () => {
    const others = ['p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    const many = { ...phoneFigures, kind: 'ip', value: IP, players: 8, others };
    expect(reasons(sharedIdentifier, many)).toEqual({
      en: `IP address ${IP} used by 8 players in 24 h (p2, p3, p4, p5, p6 +2); threshold 3`,
      fr: fr(`Adresse IP ${IP} utilisé(e) par 8 joueurs en 24 h (p2, p3, p4, p5, p6 +2) ; seuil 3`),
      'pt-BR': `Endereço IP ${IP} usado por 8 jogadores em 24 h (p2, p3, p4, p5, p6 +2); limite 3`,
    });
    const unnamed = { ...phoneFigures, kind: 'session', value: 's-1', others: [] };
    expect(reasons(sharedIdentifier, unnamed)).toEqual({
      en: 'Session s-1 used by 3 players in 24 h; threshold 3',
      fr: 'Session s-1 utilisé(e) par 3 joueurs en 24 h ; seuil 3',
      'pt-BR': 'Sessão s-1 usado por 3 jogadores em 24 h; limite 3',
    });
  });
});
