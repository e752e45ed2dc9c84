import { ALERT_QUERY_PARAMETERS } from '../../src/detection/alerts/alert-query';
import { PLAYER_LIST_PARAMETERS } from '../../src/detection/risk/player-view.service';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { SINGLE_NEW_BET_EXAMPLE } from '../../src/betting-events/dto/betting-event.examples';
import { MAX_AMOUNT_UNITS } from '../../src/common/money/limits';
import { largeTransaction } from '../../src/detection/rules/large-transaction.rule';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { RiskRefresher } from '../../src/detection/risk/risk-refresher';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { eitherDay, utcDay } from '../support/utc-day';

/**
 * Detection through the HTTP API (issue 15): an alert's lifecycle and audit trail, a player's
 * risk explained factor by factor, shadow mode, versioned rule settings, and bad input. The
 * rule pack's firing and near-miss cases are in rule-pack.e2e-spec.ts.
 */

/** An ISO time `minutes` ago, and the same as the API writes it (microseconds). */
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const micro = (iso: string) => iso.replace(/\.(\d{3})Z$/, '.$1000Z');
const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const UUID = expect.stringMatching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
);

interface Move {
  id: string;
  player: string;
  type: string;
  amount: number;
  at: string;
  player_extra?: object;
  metadata?: object;
}

const event = (m: Move) => ({
  event_id: m.id,
  player: { id: m.player, ...m.player_extra },
  event: { type: m.type, timestamp: m.at, amount: m.amount, currency: 'XOF' },
  ...(m.metadata ? { metadata: m.metadata } : {}),
});

describe('detection', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  const drain = () => t.app.get(ProcessingWorker).drain();
  const send = async (m: Move) =>
    (await t.http.post('/api/v1/events').set('X-API-Key', team.apiKey).send(event(m)).expect(202))
      .body.data.uuid as string;
  /** A deposit of 1,000 XOF for each `i`, 10 - i minutes ago; `move(i)` names it and its player. */
  const depositsAt = async (
    indexes: readonly number[],
    move: (i: number) => Omit<Move, 'type' | 'amount' | 'at'> & { amount?: number },
  ) => {
    for (const i of indexes) {
      await send({ type: 'DEPOSIT', amount: 1000, at: minutesAgo(10 - i), ...move(i) });
    }
  };
  const get = (path: string, key = team.apiKey, language = 'en') =>
    t.http.get(path).set('X-API-Key', key).set('Accept-Language', language);
  const patch = (path: string, body: object) =>
    t.http.patch(path).set('X-API-Key', team.apiKey).send(body);
  const put = (path: string, body: object) =>
    t.http.put(path).set('X-API-Key', team.apiKey).send(body);
  const allow = (body: object) =>
    t.http.post('/api/v1/allowlist').set('X-API-Key', team.apiKey).send(body);
  const disallow = (kindAndValue: string) =>
    t.http.delete(`/api/v1/allowlist/${kindAndValue}`).set('X-API-Key', team.apiKey);
  const alertsOf = async (query: string) =>
    (await get(`/api/v1/alerts?${query}`).expect(200)).body.data as {
      items: {
        id: string;
        status: string;
        hit_count: number;
        assignee: string | null;
        rule: { version: number };
      }[];
      total: number;
    };
  const keyId = async () =>
    String(
      (
        (await t.app
          .get(DataSource)
          .query('SELECT id FROM api_keys WHERE team_id = ?', [team.id])) as { id: number }[]
      )[0].id,
    );

  it('keeps an alert’s history: raised by its rule version, then every change with its author and note', async () => {
    const at = minutesAgo(30);
    const uuid = await send({
      id: 'a-1',
      player: 'p-audit',
      type: 'DEPOSIT',
      amount: 1_500_000,
      at,
    });
    await drain();
    const [raised] = (await alertsOf('rule=LARGE_TRANSACTION&player=p-audit')).items;
    await patch(`/api/v1/alerts/${raised.id}`, {
      status: 'ACKNOWLEDGED',
      assignee: 'aminata.diallo',
      note: 'Calling the player',
    }).expect(200);
    // The assignee it has already: nothing changes, so nothing joins the history.
    await patch(`/api/v1/alerts/${raised.id}`, { assignee: 'aminata.diallo' }).expect(200);
    const resolved = await patch(`/api/v1/alerts/${raised.id}`, {
      status: 'RESOLVED',
      note: 'Salary: payslips received',
    }).expect(200);

    const reason = {
      code: 'LARGE_TRANSACTION',
      parameters: { type: 'DEPOSIT', amount: 150_000_000, currency: 'XOF', threshold: 100_000_000 },
      text: 'Deposit of 1,500,000 XOF; threshold 1,000,000 XOF',
    };
    const key = await keyId();
    expect(resolved.body).toEqual({
      success: true,
      data: {
        id: raised.id,
        status: 'RESOLVED',
        severity: 'MEDIUM',
        rule: { code: 'LARGE_TRANSACTION', title: 'Large deposit or withdrawal', version: 1 },
        player: { external_id: 'p-audit' },
        reason,
        assignee: 'aminata.diallo',
        hit_count: 1,
        first_hit_at: micro(at),
        last_hit_at: micro(at),
        created_at: ISO,
        updated_at: ISO,
        closed_at: ISO,
        events: {
          total: 1,
          items: [
            {
              stream: 'monitor',
              event_id: uuid,
              operator_ref: 'a-1',
              event_time: micro(at),
              severity: 'MEDIUM',
              reason,
              detected_at: ISO,
            },
          ],
        },
        history: [
          {
            at: ISO,
            actor: { kind: 'rule', id: 'LARGE_TRANSACTION@1' },
            action: 'created',
            from_status: null,
            to_status: 'OPEN',
            assignee: null,
            note: null,
          },
          {
            at: ISO,
            actor: { kind: 'key', id: key },
            action: 'updated',
            from_status: 'OPEN',
            to_status: 'ACKNOWLEDGED',
            assignee: 'aminata.diallo',
            note: 'Calling the player',
          },
          {
            at: ISO,
            actor: { kind: 'key', id: key },
            action: 'updated',
            from_status: 'ACKNOWLEDGED',
            to_status: 'RESOLVED',
            assignee: 'aminata.diallo',
            note: 'Salary: payslips received',
          },
        ],
      },
    });
    expect((await get(`/api/v1/alerts/${raised.id}`).expect(200)).body).toEqual(resolved.body);

    // A closed alert does not move back; the answer says why, in the reader's language.
    expect(
      (await patch(`/api/v1/alerts/${raised.id}`, { status: 'ACKNOWLEDGED' }).expect(409)).body,
    ).toEqual({
      success: false,
      error: {
        code: 'CONFLICT',
        message: `Alert ${raised.id} cannot move from RESOLVED to ACKNOWLEDGED`,
      },
    });

    // Closing it again is refused too: of two analysts closing one alert at once, one is told.
    expect(
      (
        await patch(`/api/v1/alerts/${raised.id}`, { status: 'RESOLVED', assignee: 'x' }).expect(
          409,
        )
      ).body,
    ).toEqual({
      success: false,
      error: { code: 'CONFLICT', message: `Alert ${raised.id} is RESOLVED already` },
    });
    expect((await get(`/api/v1/alerts/${raised.id}`).expect(200)).body).toEqual(resolved.body);

    // A hit after RESOLVED opens a new alert; a later hit within the cooldown joins it.
    await send({
      id: 'a-2',
      player: 'p-audit',
      type: 'DEPOSIT',
      amount: 2_000_000,
      at: minutesAgo(20),
    });
    await drain();
    await send({
      id: 'a-3',
      player: 'p-audit',
      type: 'DEPOSIT',
      amount: 2_500_000,
      at: minutesAgo(10),
    });
    await drain();
    const after = await alertsOf('rule=LARGE_TRANSACTION&player=p-audit');
    expect(after.items.map((a) => [a.status, a.hit_count])).toEqual([
      ['OPEN', 2],
      ['RESOLVED', 1],
    ]);
    // The queue of alerts no one has taken, and its opposite.
    const taken = async (assigned: boolean) =>
      (await alertsOf(`rule=LARGE_TRANSACTION&player=p-audit&assigned=${assigned}`)).items.map(
        (a) => [a.status, a.assignee],
      );
    expect(await taken(false)).toEqual([['OPEN', null]]);
    expect(await taken(true)).toEqual([['RESOLVED', 'aminata.diallo']]);
    // The event's status names the alert it joined.
    const status = await get(`/api/v1/events/${uuid}/status`).expect(200);
    expect(status.body.alerts).toEqual([
      { id: raised.id, rule: 'LARGE_TRANSACTION', severity: 'MEDIUM', status: 'RESOLVED' },
    ]);
  });

  it('declares the lists’ filters in the OpenAPI document, for Swagger UI’s Try it out', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const names = (path: string) =>
      doc.paths[path].get.parameters
        .filter((p: { in: string }) => p.in === 'query')
        .map((p: { name: string }) => p.name);
    // Every parameter the routes take, and only those.
    expect(names('/api/v1/alerts')).toEqual(ALERT_QUERY_PARAMETERS);
    expect(names('/api/v1/players')).toEqual(PLAYER_LIST_PARAMETERS);
  });

  it('answers each of concurrent PATCHes with the alert as that PATCH left it', async () => {
    await send({
      id: 'c-1',
      player: 'p-race',
      type: 'DEPOSIT',
      amount: 1_500_000,
      at: minutesAgo(5),
    });
    await drain();
    const [alert] = (await alertsOf('rule=LARGE_TRANSACTION&player=p-race')).items;
    const assignees = Array.from({ length: 12 }, (_, i) => `analyst-${i}`);
    const answers = await Promise.all(
      assignees.map((assignee) => patch(`/api/v1/alerts/${alert.id}`, { assignee }).expect(200)),
    );
    expect(answers.map((answer) => answer.body.data.assignee)).toEqual(assignees);
    // Each answer's history ends with its own change.
    expect(answers.map((answer) => answer.body.data.history.at(-1).assignee)).toEqual(assignees);
  });

  it('a late event joins the alert whose hits are within the cooldown of it, either way; the reason stays the latest hit’s', async () => {
    const latest = minutesAgo(60);
    const earlier = minutesAgo(60 + 10 * 60);
    const muchEarlier = minutesAgo(60 + 48 * 60);
    await send({ id: 'late-1', player: 'p-late', type: 'DEPOSIT', amount: 1_500_000, at: latest });
    await drain();
    await send({ id: 'late-2', player: 'p-late', type: 'DEPOSIT', amount: 1_200_000, at: earlier });
    await drain();
    await send({
      id: 'late-3',
      player: 'p-late',
      type: 'DEPOSIT',
      amount: 1_100_000,
      at: muchEarlier,
    });
    await drain();

    const alerts = (await alertsOf('rule=LARGE_TRANSACTION&player=p-late&sort=-last_hit_at'))
      .items as unknown as {
      hit_count: number;
      first_hit_at: string;
      last_hit_at: string;
      reason: { text: string };
    }[];
    expect(alerts.map((a) => [a.hit_count, a.first_hit_at, a.last_hit_at, a.reason.text])).toEqual([
      [2, micro(earlier), micro(latest), 'Deposit of 1,500,000 XOF; threshold 1,000,000 XOF'],
      [
        1,
        micro(muchEarlier),
        micro(muchEarlier),
        'Deposit of 1,100,000 XOF; threshold 1,000,000 XOF',
      ],
    ]);
  });

  it('lists an alert’s events by event time, newest first, whatever order they arrived in', async () => {
    const at = new Map([1, 2, 3, 4, 5].map((h) => [h, minutesAgo(h * 60)]));
    for (const h of [1, 3, 2, 5, 4]) {
      await send({
        id: `order-${h}`,
        player: 'p-order',
        type: 'DEPOSIT',
        amount: 1_000_000,
        at: at.get(h)!,
      });
      await drain();
    }
    const [alert] = (await alertsOf('rule=LARGE_TRANSACTION&player=p-order')).items;
    const { events } = (await get(`/api/v1/alerts/${alert.id}`).expect(200)).body.data as {
      events: { total: number; items: { operator_ref: string; event_time: string }[] };
    };
    expect(events.total).toBe(5);
    expect(events.items.map((e) => [e.operator_ref, e.event_time])).toEqual(
      [1, 2, 3, 4, 5].map((h) => [`order-${h}`, micro(at.get(h)!)]),
    );
  });

  it('counts the largest amounts without failing an event: an hour’s money, and a window’s, stop at 2^53 - 1 cents', async () => {
    // Two hours apart whatever the clock: the cap holds within an hour and across hours.
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const times = [hour - 90 * 60_000, hour - 89 * 60_000, hour - 30 * 60_000];
    for (const [i, at] of times.entries()) {
      await send({
        id: `max-${i}`,
        player: 'p-max',
        type: 'DEPOSIT',
        amount: MAX_AMOUNT_UNITS,
        at: new Date(at).toISOString(),
      });
    }
    await drain();
    const view = (await get('/api/v1/players/p-max').expect(200)).body.data;
    expect(view.profile.events_count).toBe(3);
    expect(view.counters['24h'][0].deposits).toEqual({
      count: 3,
      amount: Number.MAX_SAFE_INTEGER,
    });
  });

  it('keeps the players’ counters with every rule off: they count events, not hits', async () => {
    const rules = (await get('/api/v1/rules').expect(200)).body.data.items as { code: string }[];
    for (const { code } of rules) await put(`/api/v1/rules/${code}`, { mode: 'off' }).expect(200);
    await send({
      id: 'off-1',
      player: 'p-off',
      type: 'DEPOSIT',
      amount: 2_000_000,
      at: minutesAgo(3),
    });
    await send({
      id: 'off-2',
      player: 'p-off',
      type: 'WITHDRAWAL',
      amount: 1_500_000,
      at: minutesAgo(2),
    });
    const slip = { ...SINGLE_NEW_BET_EXAMPLE, tax_id: '01234567890', event_date: minutesAgo(1) };
    await t.http.post('/betting-events').set('X-API-Key', team.apiKey).send(slip).expect(200);
    // A correction raises the slip's stake from 50 to 70 BRL: one bet still, of 70 BRL.
    const raised = {
      ...slip,
      total_stake: 7000,
      last_player_balance: 25000,
      current_player_balance: 23000,
      event_date: minutesAgo(0.5),
    };
    await t.http.post('/betting-events').set('X-API-Key', team.apiKey).send(raised).expect(200);
    await drain();
    const none = { count: 0, amount: 0 };
    const monitor = (await get('/api/v1/players/p-off').expect(200)).body.data;
    expect(monitor.counters['24h']).toEqual([
      {
        currency: 'XOF',
        deposits: { count: 1, amount: 200_000_000 },
        withdrawals: { count: 1, amount: 150_000_000 },
        stakes: none,
        wins: none,
      },
    ]);
    const bettor = (await get('/api/v1/players/cpf/01234567890').expect(200)).body.data;
    expect(bettor.counters['30d']).toEqual([
      {
        currency: 'BRL',
        deposits: none,
        withdrawals: none,
        stakes: { count: 1, amount: 7000 },
        wins: none,
      },
    ]);
    expect((await alertsOf('')).total).toBe(0);
  });

  it('explains a player’s risk factor by factor, and a FALSE_POSITIVE stops counting', async () => {
    const kyc = { kyc_level: 1 };
    const deposited = minutesAgo(40);
    const withdrawn = minutesAgo(30);
    await send({
      id: 'r-1',
      player: 'p-risk',
      type: 'DEPOSIT',
      amount: 1_500_000,
      at: deposited,
      player_extra: kyc,
    });
    await send({
      id: 'r-2',
      player: 'p-risk',
      type: 'WITHDRAWAL',
      amount: 1_500_000,
      at: withdrawn,
      player_extra: kyc,
    });
    await drain();

    const view = (await get('/api/v1/players/p-risk').expect(200)).body;
    const alertOf = (rule: string) =>
      view.data.open_alerts.find((a: { rule: { code: string } }) => a.rule.code === rule)
        .id as string;
    const totals = {
      currency: 'XOF',
      deposits: { count: 1, amount: 150_000_000 },
      withdrawals: { count: 1, amount: 150_000_000 },
      stakes: { count: 0, amount: 0 },
      wins: { count: 0, amount: 0 },
    };
    const titles: Record<string, string> = {
      MINIMAL_PLAY_WITHDRAWAL: 'Withdrawal with little play since deposit',
      LOW_KYC_LARGE_WITHDRAWAL: 'Large withdrawal with low KYC',
      LARGE_TRANSACTION: 'Large deposit or withdrawal',
    };
    const alertFactor = (rule: string, severity: string, points: number) => ({
      factor: 'alert',
      points,
      alert_id: alertOf(rule),
      rule,
      severity,
      status: 'OPEN',
      base_points: points,
      decay: 1,
      age_days: 0,
      description: `Alert "${titles[rule]}" (${severity.toLowerCase()} severity, open), last hit 0 days ago: ${points} points × 1 = ${points}`,
    });
    expect(view).toEqual({
      success: true,
      data: {
        external_id: 'p-risk',
        cpf: null,
        profile: {
          phone: null,
          country: null,
          kyc_level: 1,
          first_seen_at: micro(deposited),
          last_seen_at: micro(withdrawn),
          events_count: 2,
        },
        counters: { '24h': [totals], '7d': [totals], '30d': [totals] },
        open_alerts: expect.any(Array),
        linked_players: [],
        risk: {
          score: 72,
          level: 'HIGH',
          factors: [
            alertFactor('MINIMAL_PLAY_WITHDRAWAL', 'HIGH', 25),
            alertFactor('LOW_KYC_LARGE_WITHDRAWAL', 'HIGH', 25),
            alertFactor('LARGE_TRANSACTION', 'MEDIUM', 12),
            {
              factor: 'low_kyc_withdrawals',
              points: 10,
              kyc_level: 1,
              withdrawals: 1,
              description: '1 withdrawal in 30 days at KYC level 1: 10 points',
            },
          ],
        },
      },
    });
    expect(
      view.data.open_alerts.map((a: { rule: { code: string }; hit_count: number }) => [
        a.rule.code,
        a.hit_count,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['LARGE_TRANSACTION', 2],
        ['MINIMAL_PLAY_WITHDRAWAL', 1],
        ['LOW_KYC_LARGE_WITHDRAWAL', 1],
      ]),
    );
    expect(view.data.open_alerts).toHaveLength(3);

    // In French, the same factors in words.
    const fr = (await get('/api/v1/players/p-risk', team.apiKey, 'fr').expect(200)).body;
    expect(fr.data.risk.factors.map((f: { description: string }) => f.description)).toEqual([
      'Alerte « Retrait sans jeu significatif depuis le dépôt » (gravité élevée, ouverte), dernier déclenchement il y a 0 jour : 25 points × 1 = 25',
      'Alerte « Retrait important avec KYC insuffisant » (gravité élevée, ouverte), dernier déclenchement il y a 0 jour : 25 points × 1 = 25',
      'Alerte « Dépôt ou retrait important » (gravité moyenne, ouverte), dernier déclenchement il y a 0 jour : 12 points × 1 = 12',
      '1 retrait en 30 jours avec un niveau KYC 1 : 10 points',
    ]);

    // The analyst clears one alert as a false positive: it adds nothing from now on.
    await patch(`/api/v1/alerts/${alertOf('MINIMAL_PLAY_WITHDRAWAL')}`, {
      status: 'FALSE_POSITIVE',
      note: 'Deposit by mistake, refunded',
    }).expect(200);
    const cleared = (await get('/api/v1/players/p-risk').expect(200)).body.data.risk;
    expect([
      cleared.score,
      cleared.level,
      cleared.factors.map((f: { rule?: string; factor: string }) => f.rule ?? f.factor),
    ]).toEqual([
      47,
      'MEDIUM',
      ['LOW_KYC_LARGE_WITHDRAWAL', 'LARGE_TRANSACTION', 'low_kyc_withdrawals'],
    ]);
    // The list by risk reads the stored score, refreshed by that change.
    expect((await get('/api/v1/players').expect(200)).body).toEqual({
      success: true,
      data: {
        items: [{ external_id: 'p-risk', risk: { score: 47, level: 'MEDIUM' }, computed_at: ISO }],
        total: 1,
        page: 1,
        page_size: 20,
      },
    });
    expect((await get('/api/v1/players?level=HIGH').expect(200)).body.data.total).toBe(0);
  });

  it('keeps the list’s stored scores current without an alert: a phone that links players, a withdrawal at a low KYC level, an allowlisted phone', async () => {
    const phone = '+221 77 123 45 67';
    const list = async () => (await get('/api/v1/players').expect(200)).body.data.items;
    const rescoreLinked = () => t.app.get(RiskRefresher).rescoreLinked();
    const depositOnPhone = async (id: string, player: string, minutes: number) => {
      const move = { id, player, type: 'DEPOSIT', amount: 1000, at: minutesAgo(minutes) };
      await send({ ...move, player_extra: { phone, kyc_level: 2 } });
      await drain();
      await rescoreLinked();
    };
    await depositOnPhone('link-1', 'p-phone-1', 20);
    expect(await list()).toEqual([]);

    // A second player on the phone: both are linked, though SHARED_IDENTIFIER needs a third.
    await depositOnPhone('link-2', 'p-phone-2', 10);
    const linked = { risk: { score: 5, level: 'LOW' }, computed_at: ISO };
    expect(await list()).toEqual([
      { external_id: 'p-phone-1', ...linked },
      { external_id: 'p-phone-2', ...linked },
    ]);
    expect((await alertsOf('')).total).toBe(0);

    // A small withdrawal at KYC level 1 raises no alert, but counts in the score.
    await send({
      id: 'low-kyc-1',
      player: 'p-low-kyc',
      type: 'WITHDRAWAL',
      amount: 500,
      at: minutesAgo(5),
      player_extra: { kyc_level: 1 },
    });
    await drain();
    expect((await alertsOf('player=p-low-kyc')).total).toBe(0);
    expect((await list())[0]).toEqual({
      external_id: 'p-low-kyc',
      risk: { score: 10, level: 'LOW' },
      computed_at: ISO,
    });

    // The phone allowlisted: it links nobody any more.
    await allow({ kind: 'phone', value: phone, note: 'Family shop' }).expect(201);
    await rescoreLinked();
    const unlinked = { risk: { score: 0, level: 'LOW' }, computed_at: ISO };
    expect(await list()).toEqual([
      { external_id: 'p-low-kyc', risk: { score: 10, level: 'LOW' }, computed_at: ISO },
      { external_id: 'p-phone-1', ...unlinked },
      { external_id: 'p-phone-2', ...unlinked },
    ]);
  });

  it('records shadow hits without alerting: shared IPs by default, and a rule set to shadow', async () => {
    // Hits count on the UTC day they are recorded: the day read before the drain that records
    // one, or the day read after it when midnight passed meanwhile.
    const ip = { ip_address: '41.82.1.1' };
    const depositOnIp = async (id: string, player: string, minutes: number) => {
      await send({
        id,
        player,
        type: 'DEPOSIT',
        amount: 1000,
        at: minutesAgo(minutes),
        metadata: ip,
      });
      await drain();
    };
    const newestSharedAlert = async () =>
      (await get('/api/v1/alerts?rule=SHARED_IDENTIFIER').expect(200)).body.data.items[0];
    const beforeIpHit = utcDay();
    for (const [i, minutes] of [
      [1, 150],
      [2, 140],
      [3, 130],
    ] as const) {
      await depositOnIp(`ip-${i}`, `ip-${i}`, minutes);
    }
    expect((await alertsOf('rule=SHARED_IDENTIFIER')).total).toBe(0);
    const rule = (await get('/api/v1/rules/SHARED_IDENTIFIER').expect(200)).body.data;
    expect(rule.hits_by_day).toEqual([{ day: eitherDay(beforeIpHit, utcDay()), on: 0, shadow: 1 }]);
    expect(rule.shadow_hits).toEqual([
      {
        player: { external_id: 'ip-3' },
        stream: 'monitor',
        event_id: UUID,
        event_time: ISO,
        severity: 'MEDIUM',
        rule_version: 1,
        reason: {
          code: 'SHARED_IDENTIFIER',
          parameters: {
            kind: 'ip',
            value: '41.82.1.1',
            players: 3,
            others: ['ip-2', 'ip-1'],
            min_players: 3,
            window_hours: 24,
          },
          text: 'IP address 41.82.1.1 used by 3 players in 24 h (ip-2, ip-1); threshold 3',
        },
        detected_at: ISO,
      },
    ]);

    // The team turns IPs on. The player whose share was a shadow hit is told again, as an alert,
    // when its IP is next counted (its sighting is recorded again an hour of event time later).
    await put('/api/v1/rules/SHARED_IDENTIFIER', { parameters: { modes: { ip: 'on' } } }).expect(
      200,
    );
    await depositOnIp('ip-3-again', 'ip-3', 60);
    const again = await newestSharedAlert();
    expect([again.player.external_id, again.reason.parameters.players]).toEqual(['ip-3', 3]);
    expect(again.reason.parameters.others).toEqual(['ip-2', 'ip-1']);
    // The next player on that IP raises an alert naming the others.
    await depositOnIp('ip-4', 'ip-4', 20);
    const alert = await newestSharedAlert();
    expect([alert.player.external_id, alert.rule.version, alert.reason.parameters.others]).toEqual([
      'ip-4',
      2,
      ['ip-3', 'ip-2', 'ip-1'],
    ]);
    // The linked players show on the player's view.
    const linked = (await get('/api/v1/players/ip-4').expect(200)).body.data.linked_players;
    expect(linked.map((l: { external_id: string }) => l.external_id)).toEqual([
      'ip-3',
      'ip-2',
      'ip-1',
    ]);
    expect(linked[0].shared).toEqual([{ kind: 'ip', value: '41.82.1.1' }]);

    // A whole rule in shadow: evaluated and counted, no alert.
    await put('/api/v1/rules/LARGE_TRANSACTION', { mode: 'shadow' }).expect(200);
    const beforeLargeHit = utcDay();
    await send({
      id: 's-1',
      player: 'p-shadow',
      type: 'DEPOSIT',
      amount: 5_000_000,
      at: minutesAgo(5),
    });
    await drain();
    expect((await alertsOf('rule=LARGE_TRANSACTION')).total).toBe(0);
    const large = (await get('/api/v1/rules/LARGE_TRANSACTION').expect(200)).body.data;
    expect([large.mode, large.version, large.hits_by_day]).toEqual([
      'shadow',
      2,
      [{ day: eitherDay(beforeLargeHit, utcDay()), on: 0, shadow: 1 }],
    ]);
    expect(
      large.shadow_hits.map((h: { player: { external_id: string } }) => h.player.external_id),
    ).toEqual(['p-shadow']);
  });

  it('an allowlisted identifier is not reported', async () => {
    await put('/api/v1/rules/SHARED_IDENTIFIER', { parameters: { modes: { ip: 'on' } } }).expect(
      200,
    );
    const created = await allow({
      kind: 'ip',
      value: '196.1.95.1',
      note: 'Dakar Plateau shop',
    }).expect(201);
    expect(created.body).toEqual({
      success: true,
      data: { kind: 'ip', value: '196.1.95.1', note: 'Dakar Plateau shop', created_at: ISO },
    });
    await allow({ kind: 'ip', value: '196.1.95.1' }).expect(200);
    await depositsAt([1, 2, 3], (i) => ({
      id: `shop-${i}`,
      player: `shop-${i}`,
      metadata: { ip_address: '196.1.95.1' },
    }));
    await drain();
    expect((await alertsOf('rule=SHARED_IDENTIFIER')).total).toBe(0);
    expect(
      (await get('/api/v1/rules/SHARED_IDENTIFIER').expect(200)).body.data.hits_by_day,
    ).toEqual([]);
    expect((await get('/api/v1/allowlist').expect(200)).body.data.total).toBe(1);
    // An IP value must be an address, kept in one spelling (IPv6's canonical form).
    expect(
      (await allow({ kind: 'ip', value: '999.1.1.1' }).expect(400)).body.error.details,
    ).toEqual([{ field: 'value', message: 'value must be an IPv4 or IPv6 address for kind ip' }]);
    const v6 = await allow({ kind: 'ip', value: '2001:0DB8:0000:0000:0000:0000:0000:0077' }).expect(
      201,
    );
    expect(v6.body.data.value).toBe('2001:db8::77');
    await disallow('ip/2001:DB8::77').expect(204);
    await disallow('ip/196.1.95.1%20').expect(404);
    // An unknown query parameter is refused, as on every other route, and removes nothing.
    await disallow('ip/196.1.95.1?confirm=1').expect(400);
    await disallow('ip/196.1.95.1').expect(204);
    await disallow('ip/196.1.95.1').expect(404);
  });

  it('counts one identifier written several ways once: IPv6 spellings, phone formats', async () => {
    await put('/api/v1/rules/SHARED_IDENTIFIER', { parameters: { modes: { ip: 'on' } } }).expect(
      200,
    );
    const ips = ['2001:db8::99', '2001:DB8::99', '2001:0db8:0000:0000:0000:0000:0000:0099'];
    const phones = ['+221 77 555 01 02', '00221775550102', '+221-77-555-01-02'];
    await depositsAt([0, 1, 2], (i) => ({
      id: `spell-${i}`,
      player: `spell-${i}`,
      player_extra: { phone: phones[i] },
      metadata: { ip_address: ips[i] },
    }));
    await drain();
    const alerts = (await get('/api/v1/alerts?rule=SHARED_IDENTIFIER&player=spell-2').expect(200))
      .body.data.items as { reason: { parameters: { kind: string; value: string } } }[];
    expect(alerts).toHaveLength(1);
    const hits = (
      await get(`/api/v1/alerts/${(alerts[0] as unknown as { id: string }).id}`).expect(200)
    ).body.data.events.items.map(
      (e: { reason: { parameters: { kind: string; value: string; players: number } } }) => [
        e.reason.parameters.kind,
        e.reason.parameters.value,
        e.reason.parameters.players,
      ],
    );
    expect(hits.sort()).toEqual([
      ['ip', '2001:db8::99', 3],
      ['phone', '+221775550102', 3],
    ]);
  });

  it('versions rule settings: each change with its author, applied to events processed after it', async () => {
    const changed = await put('/api/v1/rules/RAPID_DEPOSITS', {
      severity: 'HIGH',
      parameters: { count: 3 },
    }).expect(200);
    expect(changed.body.data).toEqual(
      expect.objectContaining({
        code: 'RAPID_DEPOSITS',
        mode: 'on',
        severity: 'HIGH',
        version: 2,
        updated_at: ISO,
      }),
    );
    expect(changed.body.data.parameters.count).toEqual({
      kind: 'integer',
      unit: 'count',
      value: 3,
      default: 5,
      min: 2,
      max: 100,
      description: 'Deposits within the window that make a hit, this one included',
    });
    await depositsAt([1, 2, 3], (i) => ({ id: `v-${i}`, player: 'p-version' }));
    await drain();
    const [alert] = (await get('/api/v1/alerts?rule=RAPID_DEPOSITS').expect(200)).body.data.items;
    expect([alert.severity, alert.rule.version, alert.reason.text]).toEqual([
      'HIGH',
      2,
      '3 deposits totalling 3,000 XOF in 2 min; threshold 3 in 1 h',
    ]);

    // A JSON merge patch may say so; a change that changes nothing makes no version.
    const reset = await t.http
      .put('/api/v1/rules/RAPID_DEPOSITS')
      .set('X-API-Key', team.apiKey)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ parameters: { count: null } }))
      .expect(200);
    expect(reset.body.data.version).toBe(3);
    const same = await put('/api/v1/rules/RAPID_DEPOSITS', { mode: 'on', severity: 'HIGH' });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(reset.body);
    // Nor does a default restated: the parameters in force are the same.
    const restated = await put('/api/v1/rules/RAPID_DEPOSITS', { parameters: { count: 5 } });
    expect(restated.body).toEqual(reset.body);
    const key = await keyId();
    expect((await get('/api/v1/rules/RAPID_DEPOSITS/versions').expect(200)).body).toEqual({
      success: true,
      data: {
        items: [
          {
            version: 3,
            mode: 'on',
            severity: 'HIGH',
            parameters: {},
            author: { kind: 'key', id: key },
            created_at: ISO,
          },
          {
            version: 2,
            mode: 'on',
            severity: 'HIGH',
            parameters: { count: 3 },
            author: { kind: 'key', id: key },
            created_at: ISO,
          },
          {
            version: 1,
            mode: 'on',
            severity: 'MEDIUM',
            parameters: {},
            author: null,
            created_at: null,
          },
        ],
        total: 3,
        page: 1,
        page_size: 20,
      },
    });
    // Paged as every list: a nightly job's hundreds of versions do not come in one answer.
    const second = (await get('/api/v1/rules/RAPID_DEPOSITS/versions?size=1&page=2').expect(200))
      .body.data;
    expect([second.items.map((v: { version: number }) => v.version), second.total]).toEqual([
      [2],
      3,
    ]);
    await get('/api/v1/rules/RAPID_DEPOSITS/versions?size=101').expect(400);
    await get('/api/v1/rules/RAPID_DEPOSITS/versions?colour=red').expect(400);
    const rules = (await get('/api/v1/rules').expect(200)).body.data;
    expect(rules.items.map((r: { code: string }) => r.code)).toHaveLength(16);
    const rapid = rules.items.find((r: { code: string }) => r.code === 'RAPID_DEPOSITS');
    expect([rapid.version, rapid.parameters.count.value, rapid.reference]).toEqual([
      3,
      5,
      expect.stringContaining('Portaria SPA/MF 1.143/2024'),
    ]);
    const shared = rules.items.find((r: { code: string }) => r.code === 'SHARED_IDENTIFIER');
    expect(shared.parameters.modes.value).toEqual({ ip: 'shadow', phone: 'on', session: 'on' });
  });

  it('refuses bad rule settings with a 400 naming each field, and changes nothing', async () => {
    const invalid = (body: object, code = 'RAPID_DEPOSITS') =>
      put(`/api/v1/rules/${code}`, body).expect(400);
    expect(
      (await invalid({ mode: 'sometimes', severity: 'URGENT', extra: 1, parameters: { count: 1 } }))
        .body,
    ).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: [
          { field: 'extra', message: 'unknown field extra; expected mode, severity or parameters' },
          { field: 'mode', message: 'mode must be one of off, shadow, on' },
          { field: 'severity', message: 'severity must be one of LOW, MEDIUM, HIGH, CRITICAL' },
          { field: 'parameters.count', message: 'must be from 2 to 100' },
        ],
      },
    });
    expect(
      (await invalid({ parameters: { count: 1, window_minutes: 'x', nope: 3 } })).body.error
        .details,
    ).toEqual([
      { field: 'parameters.count', message: 'must be from 2 to 100' },
      { field: 'parameters.window_minutes', message: 'must be a number' },
      { field: 'parameters.nope', message: 'unknown parameter nope' },
    ]);
    expect(
      (await invalid({ parameters: { threshold: { XOF: -5, ZZZ: 100 } } }, 'LARGE_TRANSACTION'))
        .body.error.details,
    ).toEqual([
      {
        field: 'parameters.threshold.XOF',
        message: 'must be a positive integer amount in minor units',
      },
      { field: 'parameters.threshold.ZZZ', message: 'ZZZ is not an ISO 4217 currency code' },
    ]);
    expect(
      (await invalid({ parameters: { modes: { fax: 'on' } } }, 'SHARED_IDENTIFIER')).body.error
        .details,
    ).toEqual([
      {
        field: 'parameters.modes.fax',
        message: 'unknown key fax; expected one of ip, phone, session',
      },
    ]);
    expect((await invalid({})).body.error.details).toEqual([
      { field: 'body', message: 'send at least one of mode, severity, parameters' },
    ]);
    expect((await put('/api/v1/rules/NO_SUCH_RULE', { mode: 'on' }).expect(404)).body).toEqual({
      success: false,
      error: { code: 'NOT_FOUND', message: 'Rule NO_SUCH_RULE not found' },
    });
    const rapid = (await get('/api/v1/rules/RAPID_DEPOSITS').expect(200)).body.data;
    expect([rapid.version, rapid.mode, rapid.severity]).toEqual([1, 'on', 'MEDIUM']);
  });

  it('shows a rule in French: its title, regulatory reference and parameters in words', async () => {
    const rule = (await get('/api/v1/rules/RAPID_DEPOSITS', team.apiKey, 'fr').expect(200)).body
      .data;
    expect([rule.title, rule.reference, rule.parameters.count.description]).toEqual([
      'Dépôts rapprochés',
      'Fréquence inhabituelle de dépôts : Portaria SPA/MF 1.143/2024 (fractionnement des dépôts) ; typologies du GIABA (empilement par mobile money)',
      'Dépôts dans la fenêtre qui déclenchent la règle, celui-ci compris',
    ]);
    const large = (await get('/api/v1/rules/LARGE_TRANSACTION', team.apiKey, 'pt-BR').expect(200))
      .body.data;
    expect([large.parameters.threshold.description, large.parameters.threshold.unit]).toEqual([
      'Valor (unidades menores) a partir do qual um depósito ou saque é elevado',
      'centavos por moeda (valor × 100: o amount_cents do monitor, os cents da API AML)',
    ]);
  });

  it('words its refusals in French for Accept-Language: fr, field by field', async () => {
    const french = (request: request.Test) => request.set('Accept-Language', 'fr').expect(400);
    const failure = (details: object[]) => ({
      success: false,
      error: { code: 'VALIDATION_ERROR', message: 'Échec de la validation', details },
    });
    expect(
      (
        await french(
          put('/api/v1/rules/RAPID_DEPOSITS', {
            mode: 'sometimes',
            extra: 1,
            parameters: { count: 1, window_minutes: 'x', nope: 3 },
          }),
        )
      ).body,
    ).toEqual(
      failure([
        {
          field: 'extra',
          message: 'champ inconnu extra ; champs attendus : mode, severity ou parameters',
        },
        { field: 'mode', message: "mode doit valoir l'une de ces valeurs : off, shadow, on" },
        { field: 'parameters.count', message: 'doit être compris entre 2 et 100' },
        { field: 'parameters.window_minutes', message: 'doit être un nombre' },
        { field: 'parameters.nope', message: 'paramètre inconnu nope' },
      ]),
    );
    expect(
      (
        await french(
          put('/api/v1/rules/LARGE_TRANSACTION', {
            parameters: { count: 1, threshold: { ZZZ: 5, XOF: 0 } },
          }),
        )
      ).body,
    ).toEqual(
      failure([
        { field: 'parameters.count', message: 'paramètre inconnu count' },
        { field: 'parameters.threshold.ZZZ', message: "ZZZ n'est pas un code de devise ISO 4217" },
        {
          field: 'parameters.threshold.XOF',
          message: 'doit être un montant entier positif, en unités mineures',
        },
      ]),
    );
    expect(
      (await french(get('/api/v1/alerts?status=CLOSED&from=hier&sort=oldest&size=0&colour=red')))
        .body,
    ).toEqual(
      failure([
        {
          field: 'colour',
          message:
            'paramètre de requête inconnu colour ; paramètres attendus : status, severity, rule, player, assignee, assigned, from, to, sort, page, size',
        },
        {
          field: 'status',
          message:
            'status invalide « CLOSED » ; valeurs attendues : OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE',
        },
        {
          field: 'from',
          message:
            'from doit être une date-heure ISO 8601 avec fuseau, par exemple 2026-01-31T00:00:00Z',
        },
        {
          field: 'sort',
          message:
            "sort doit valoir created_at, last_hit_at ou severity, précédé de - pour l'ordre décroissant",
        },
        { field: 'size', message: 'size doit être un entier de 1 à 100' },
      ]),
    );
    expect((await french(get('/api/v1/players?level=EXTREME&min_score=101'))).body).toEqual(
      failure([
        { field: 'level', message: 'level doit valoir LOW, MEDIUM ou HIGH' },
        { field: 'min_score', message: 'min_score doit être un entier de 0 à 100' },
      ]),
    );
    expect((await french(get('/api/v1/rules?page=2'))).body).toEqual(
      failure([
        {
          field: 'page',
          message: "paramètre de requête inconnu page : cette route n'en prend aucun",
        },
      ]),
    );
    expect((await french(get('/api/v1/players/cpf/123'))).body).toEqual(
      failure([
        {
          field: 'cpf',
          message:
            'cpf doit être un CPF valide : 11 chiffres, seuls ou sous la forme 000.000.000-00',
        },
      ]),
    );
    expect((await french(allow({ kind: 'ip', value: 'not-an-ip' }))).body).toEqual(
      failure([
        { field: 'value', message: 'value doit être une adresse IPv4 ou IPv6 pour le type ip' },
      ]),
    );
    expect((await french(patch('/api/v1/alerts/any', {}))).body).toEqual(
      failure([
        {
          field: 'body',
          message: "envoyez au moins l'un des champs status, assignee, note",
        },
      ]),
    );
  });

  it('answers bad queries with a 400 in the monitor shape, and another team’s alert or player with a 404', async () => {
    await send({
      id: 'x-1',
      player: 'p-mine',
      type: 'DEPOSIT',
      amount: 1_500_000,
      at: minutesAgo(5),
    });
    await drain();
    const [alert] = (await alertsOf('player=p-mine')).items;
    const other = await createTeam(t);
    const notFound = (resource: string, id: string) => ({
      success: false,
      error: { code: 'NOT_FOUND', message: `${resource} ${id} not found` },
    });
    expect((await get(`/api/v1/alerts/${alert.id}`, other.apiKey).expect(404)).body).toEqual(
      notFound('Alert', alert.id),
    );
    await t.http
      .patch(`/api/v1/alerts/${alert.id}`)
      .set('X-API-Key', other.apiKey)
      .send({ status: 'RESOLVED' })
      .expect(404);
    expect((await get('/api/v1/players/p-mine', other.apiKey).expect(404)).body).toEqual(
      notFound('Player', 'p-mine'),
    );
    expect((await get('/api/v1/players/cpf/01234567890', other.apiKey).expect(404)).body).toEqual(
      notFound('Player', '01234567890'),
    );
    expect((await get('/api/v1/alerts', other.apiKey).expect(200)).body.data.total).toBe(0);
    // The bettor is found by its CPF, bare or formatted; mixed formats or wrong check digits
    // are no CPF: 400.
    await t.http
      .post('/betting-events')
      .set('X-API-Key', team.apiKey)
      .send({ ...SINGLE_NEW_BET_EXAMPLE, tax_id: '01234567890' })
      .expect(200);
    await drain();
    for (const cpf of ['01234567890', '012.345.678-90']) {
      expect((await get(`/api/v1/players/cpf/${cpf}`).expect(200)).body.data.cpf).toBe(
        '01234567890',
      );
    }
    for (const cpf of ['012.345678-90', '01234567891', '123']) {
      expect((await get(`/api/v1/players/cpf/${cpf}`).expect(400)).body).toEqual({
        success: false,
        error: {
          code: 'VALIDATION_ERROR',
          message: 'Validation failed',
          details: [
            {
              field: 'cpf',
              message: 'cpf must be a valid CPF: 11 digits, bare or as 000.000.000-00',
            },
          ],
        },
      });
    }
    // Detail routes take no query parameter; keys with spaces around them name nothing, on
    // MariaDB as on SQLite (which compare them differently).
    expect((await get(`/api/v1/alerts/${alert.id}?verbose=1`).expect(400)).body).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Validation failed',
        details: [
          { field: 'verbose', message: 'unknown query parameter verbose; this route takes none' },
        ],
      },
    });
    for (const path of [
      '/api/v1/rules?page=2',
      '/api/v1/rules/LARGE_TRANSACTION?x=1',
      '/api/v1/rules/LARGE_TRANSACTION/versions?x=1',
      '/api/v1/players/p-mine?x=1',
      '/api/v1/players/cpf/01234567890?x=1',
    ]) {
      await get(path).expect(400);
    }
    expect((await get('/api/v1/players/p-mine%20').expect(404)).body).toEqual(
      notFound('Player', 'p-mine '),
    );
    await get(`/api/v1/alerts/${alert.id}%20`).expect(404);
    expect((await get('/api/v1/alerts?player=p-mine%20').expect(400)).body.error.details).toEqual([
      { field: 'player', message: 'player must not begin or end with spaces' },
    ]);

    const details = async (query: string) =>
      (await get(`/api/v1/alerts?${query}`).expect(400)).body.error.details as { field: string }[];
    expect(await details('colour=red')).toEqual([
      {
        field: 'colour',
        message:
          'unknown query parameter colour; expected one of status, severity, rule, player, assignee, assigned, from, to, sort, page, size',
      },
    ]);
    expect((await details('page=0')).map((d) => d.field)).toEqual(['page']);
    expect((await details('assigned=maybe')).map((d) => d.field)).toEqual(['assigned']);
    // Every code of the pack at once fits the filter.
    const everyRule = (await get('/api/v1/rules').expect(200)).body.data.items.map(
      (r: { code: string }) => r.code,
    );
    expect(everyRule).toHaveLength(16);
    await get(`/api/v1/alerts?rule=${everyRule.join(',')}`).expect(200);
    await get(`/api/v1/alerts?rule=${encodeURIComponent(everyRule.join(', '))}`).expect(200);
    // Rule codes are the pack's: an unknown one (or an empty one) is named once each.
    expect(await details('rule=NO_SUCH_RULE,,LARGE_TRANSACTION,')).toEqual([
      {
        field: 'rule',
        message: expect.stringMatching(
          /^invalid rule "NO_SUCH_RULE"; expected LARGE_TRANSACTION, /,
        ),
      },
      { field: 'rule', message: expect.stringMatching(/^invalid rule ""; expected /) },
    ]);
    expect((await details('from=2026-02-30T00:00:00Z')).map((d) => d.field)).toEqual(['from']);
    expect((await details('size=101')).map((d) => d.field)).toEqual(['size']);
    expect(
      (await details('status=CLOSED&severity=low&sort=colour&from=yesterday')).map((d) => d.field),
    ).toEqual(['status', 'severity', 'from', 'sort']);
    expect(
      (await get('/api/v1/players?min_score=101').expect(400)).body.error.details.map(
        (d: { field: string }) => d.field,
      ),
    ).toEqual(['min_score']);
    expect(
      (await patch(`/api/v1/alerts/${alert.id}`, { status: 'DONE', colour: 'red' }).expect(400))
        .body.error.details,
    ).toEqual([
      { field: 'colour', message: 'unknown field colour; expected status, assignee or note' },
      {
        field: 'status',
        message: 'status must be one of ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE',
      },
    ]);
    // A page past the end is empty, not an error.
    expect((await get('/api/v1/alerts?page=99').expect(200)).body.data).toEqual({
      items: [],
      total: 1,
      page: 99,
      page_size: 20,
    });
  });

  it('a rule that throws fails only its event, after retries, naming the rule; /metrics counts it', async () => {
    const evaluate = largeTransaction.evaluate.bind(largeTransaction);
    const spy = jest.spyOn(largeTransaction, 'evaluate').mockImplementation((e, context) => {
      if (e.playerExternalId === 'p-boom') throw new Error('boom');
      return evaluate(e, context);
    });
    try {
      const boom = await send({
        id: 'b-1',
        player: 'p-boom',
        type: 'DEPOSIT',
        amount: 1000,
        at: minutesAgo(5),
      });
      const fine = await send({
        id: 'b-2',
        player: 'p-fine',
        type: 'DEPOSIT',
        amount: 1_500_000,
        at: minutesAgo(5),
      });
      await drain();
      expect((await get(`/api/v1/events/${boom}/status`).expect(200)).body.status).toBe('FAILED');
      expect((await get(`/api/v1/events/${fine}/status`).expect(200)).body).toEqual(
        expect.objectContaining({
          status: 'PROCESSED',
          alerts: [expect.objectContaining({ rule: 'LARGE_TRANSACTION' })],
        }),
      );
      const [row] = (await t.app
        .get(DataSource)
        .query('SELECT last_error FROM events WHERE uuid = ?', [boom])) as {
        last_error: string;
      }[];
      expect(row.last_error).toContain(
        `rule LARGE_TRANSACTION failed on monitor event ${boom}: boom`,
      );
      const metrics = (await t.http.get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/^detection_rule_failures_total\{rule="LARGE_TRANSACTION"\} [3-9]/m);
      expect(metrics).toMatch(/^detection_rule_seconds_total\{rule="RAPID_DEPOSITS"\} \d/m);
    } finally {
      spy.mockRestore();
    }
  });
});
