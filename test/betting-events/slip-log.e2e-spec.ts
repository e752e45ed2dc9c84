import { legacyContentHashOf } from '../../src/betting-events/betting-event';
import type { BettingEventDto } from '../../src/betting-events/dto/betting-event.dto';
import {
  MULTIPLE_NEW_BET_EXAMPLE,
  MULTIPLE_RESULT_EXAMPLE,
  SINGLE_NEW_BET_EXAMPLE,
} from '../../src/betting-events/dto/betting-event.examples';
import { SqlDatabase } from '../../src/database/sql-database';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { GROUPED_EVENT_EXAMPLE } from '../../src/events/dto/event.examples';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The slip's log (issue 4, points 3, 4 and 6): repeats store nothing, events out of order are
 * kept and flagged, concurrent calls for one slip never corrupt it, the consistency checks are
 * recorded on the event, and players are the monitor's players, by CPF.
 */
describe('AML Betting Events: the slip log', () => {
  let t: TestApp;
  let db: SqlDatabase;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(SqlDatabase);
  });
  afterAll(() => t.close());

  const post = (team: TestTeam, body: unknown) =>
    t.http
      .post('/betting-events')
      .set('x-api-key', team.apiKey)
      .send(body as object);
  const slipOf = async (team: TestTeam, slipId: string) =>
    (await t.http.get(`/betting-events/slips/${slipId}`).set('x-api-key', team.apiKey).expect(200))
      .body;
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.select<{ n: number }>(sql, params))[0].n);
  const eventsOf = (team: TestTeam) =>
    count('SELECT COUNT(*) AS n FROM betting_events WHERE team_id = ?', [team.id]);

  describe('repeats', () => {
    it('answers an exact repeat with the same id and stores nothing', async () => {
      const team = await createTeam(t);
      const first = await post(team, SINGLE_NEW_BET_EXAMPLE).expect(200);
      const before = await slipOf(team, 'slip_single_123');

      const again = await post(team, SINGLE_NEW_BET_EXAMPLE).expect(200);
      expect(again.body).toEqual(first.body);
      // Keys in another order, the CPF bare, null for an absent field and an unknown field:
      // the same body.
      const reordered = Object.fromEntries(Object.entries(SINGLE_NEW_BET_EXAMPLE).reverse());
      const same = { ...reordered, tax_id: '01234567890', meta: null, channel: 'web' };
      expect((await post(team, same).expect(200)).body).toEqual(first.body);

      expect(await eventsOf(team)).toBe(1);
      expect(await slipOf(team, 'slip_single_123')).toEqual(before);
    });

    it('takes a time written another way for the same instant as a repeat', async () => {
      const team = await createTeam(t);
      const leg = MULTIPLE_NEW_BET_EXAMPLE.bet_legs[0];
      const timed = (eventDate: string, start: string) => ({
        ...MULTIPLE_NEW_BET_EXAMPLE,
        event_date: eventDate,
        bet_legs: [
          { ...leg, event_start_time: start },
          ...MULTIPLE_NEW_BET_EXAMPLE.bet_legs.slice(1),
        ],
      });
      const first = await post(team, timed('2026-12-07T10:00:00Z', '2026-12-07T18:30:00Z')).expect(
        200,
      );
      for (const [eventDate, start] of [
        ['2026-12-07T10:00:00.000Z', '2026-12-07T18:30:00.000000Z'],
        ['2026-12-07T07:00:00-03:00', '2026-12-07T15:30:00-03:00'],
      ]) {
        expect((await post(team, timed(eventDate, start)).expect(200)).body).toEqual(first.body);
      }
      // A minute later is another event.
      const later = await post(team, timed('2026-12-07T10:01:00Z', '2026-12-07T18:30:00Z'));
      expect(later.body.id).not.toBe(first.body.id);
      expect(await eventsOf(team)).toBe(2);
    });

    it('still takes a repeat of an event stored before times were hashed as instants', async () => {
      const team = await createTeam(t);
      const first = await post(team, MULTIPLE_NEW_BET_EXAMPLE).expect(200);
      // As stored then: the hash of the body with its times as written.
      await db.autocommit((session) =>
        session.execute('UPDATE betting_events SET content_hash = ? WHERE team_id = ?', [
          legacyContentHashOf(MULTIPLE_NEW_BET_EXAMPLE as unknown as BettingEventDto),
          team.id,
        ]),
      );
      expect((await post(team, MULTIPLE_NEW_BET_EXAMPLE).expect(200)).body).toEqual(first.body);
      expect(await eventsOf(team)).toBe(1);
    });

    it('stores the same slip and event type with another body as another event', async () => {
      const team = await createTeam(t);
      const first = await post(team, SINGLE_NEW_BET_EXAMPLE).expect(200);
      const corrected = {
        ...SINGLE_NEW_BET_EXAMPLE,
        total_stake: 6000,
        current_player_balance: 24000,
      };
      const second = await post(team, corrected).expect(200);
      expect(second.body.id).not.toBe(first.body.id);
      const slip = await slipOf(team, 'slip_single_123');
      expect(slip).toMatchObject({ total_stake: 6000, events_count: 2 });
    });

    it('settles 20 concurrent identical calls on one event and one id', async () => {
      const team = await createTeam(t);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post(team, MULTIPLE_NEW_BET_EXAMPLE)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(await eventsOf(team)).toBe(1);
    });
  });

  describe('order', () => {
    it('stores a result for a slip never seen, flags it, and keeps it settled when the bet arrives', async () => {
      const team = await createTeam(t);
      await post(team, MULTIPLE_RESULT_EXAMPLE).expect(200);
      const early = await slipOf(team, 'slip_multiple_456');
      expect(early).toMatchObject({ state: 'settled', out_of_order: true, payout: 62500 });
      expect(early.events[0].checks).toEqual([
        { code: 'out_of_order', message: 'result for a slip never seen before' },
      ]);

      await post(team, MULTIPLE_NEW_BET_EXAMPLE).expect(200);
      const slip = await slipOf(team, 'slip_multiple_456');
      expect(slip).toMatchObject({
        state: 'settled',
        out_of_order: true,
        events_count: 2,
        first_event_at: '2024-01-15T15:30:00.000000Z',
        closed_at: '2024-01-16T05:30:00.000000Z',
      });
      // The bet came after its result, but it happened before: nothing about it is odd.
      expect(
        slip.events.map((e: { event: string; checks: unknown[] }) => [e.event, e.checks.length]),
      ).toEqual([
        ['result', 1],
        ['new_bet', 0],
      ]);
      // The legs have what both said: the bet's sport and tournament, the result's winnings.
      expect(slip.bet_legs[0]).toMatchObject({
        sport_name: 'Football',
        leg_state: 'won',
        amount_won: 18000,
      });
    });

    it('stores a cancellation for a slip never seen, flagged, and cancels it', async () => {
      const team = await createTeam(t);
      const cancellation = {
        ...SINGLE_NEW_BET_EXAMPLE,
        event: 'cancellation',
        bet_slip_state: 'cancelled',
        last_player_balance: 25000,
        current_player_balance: 30000,
      };
      await post(team, cancellation).expect(200);
      const slip = await slipOf(team, 'slip_single_123');
      expect(slip).toMatchObject({ state: 'cancelled', out_of_order: true, payout: null });
      expect(slip.closed_at).toBe('2024-01-15T15:30:00.000000Z');
    });
  });

  describe('concurrency', () => {
    it('keeps one slip whole under concurrent events: every event in its log, state from all of them', async () => {
      const team = await createTeam(t);
      // A bet, its result, and 30 partial results with distinct balances, all at once.
      const partials = Array.from({ length: 30 }, (_, i) => ({
        ...MULTIPLE_RESULT_EXAMPLE,
        bet_slip_state: 'open',
        event_date: `2024-01-15T16:${String(i).padStart(2, '0')}:00Z`,
        current_player_balance: 40000 + i,
      }));
      const bodies = [MULTIPLE_NEW_BET_EXAMPLE, MULTIPLE_RESULT_EXAMPLE, ...partials];
      const answers = await Promise.all(bodies.map((b) => post(team, b)));
      expect(answers.map((a) => a.status)).toEqual(Array(bodies.length).fill(200));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(bodies.length);

      const slip = await slipOf(team, 'slip_multiple_456');
      expect(slip).toMatchObject({ events_count: bodies.length, state: 'settled', payout: 62500 });
      expect(slip.events).toHaveLength(bodies.length);
      expect(slip.bet_legs).toHaveLength(3);
      expect(
        await count('SELECT COUNT(*) AS n FROM betting_slips WHERE team_id = ?', [team.id]),
      ).toBe(1);
    });

    it('makes one player of one CPF sent by concurrent calls for many slips', async () => {
      const team = await createTeam(t);
      const bodies = Array.from({ length: 20 }, (_, i) => ({
        ...SINGLE_NEW_BET_EXAMPLE,
        bet_slip_id: `slip_${i}`,
      }));
      const answers = await Promise.all(bodies.map((b) => post(team, b)));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      expect(await count('SELECT COUNT(*) AS n FROM players WHERE team_id = ?', [team.id])).toBe(1);
      const page = await t.http
        .get('/betting-events/players/01234567890/slips?page_size=100')
        .set('x-api-key', team.apiKey)
        .expect(200);
      expect(page.body.total).toBe(20);
    });
  });

  describe('limits', () => {
    it('refuses an event that would give a slip more than 100 selections, and stores nothing', async () => {
      const team = await createTeam(t);
      const legs = (prefix: string) =>
        Array.from({ length: 60 }, (_, i) => ({ leg_id: `${prefix}_${i}`, odds: 1.01 }));
      const bet = {
        ...SINGLE_NEW_BET_EXAMPLE,
        total_odds: 1.8167,
        leg_count: 60,
        bet_legs: legs('a'),
      };
      await post(team, bet).expect(200);
      const more = { ...bet, event: 'result', bet_legs: legs('b') };
      const res = await post(team, more).expect(400);
      expect(res.body).toEqual({
        error: {
          message: 'Invalid input data',
          details: {
            bet_legs: [
              'A slip holds at most 100 selections; with this event, slip_single_123 would hold 120',
            ],
          },
          status: 400,
        },
      });
      expect(await eventsOf(team)).toBe(1);
      expect((await slipOf(team, 'slip_single_123')).bet_legs).toHaveLength(60);
    });

    it('refuses the 501st event of one slip, and stores nothing', async () => {
      const team = await createTeam(t);
      const partial = (i: number) => ({
        ...SINGLE_NEW_BET_EXAMPLE,
        event: 'result',
        bet_slip_state: 'open',
        last_player_balance: 25000,
        current_player_balance: 25000,
        meta: { correction: i },
      });
      for (let start = 0; start < 500; start += 25) {
        const batch = Array.from({ length: 25 }, (_, i) => post(team, partial(start + i)));
        expect((await Promise.all(batch)).every((r) => r.status === 200)).toBe(true);
      }
      const res = await post(team, partial(500)).expect(400);
      expect(res.body.error.details).toEqual({
        bet_slip_id: ['Bet slip slip_single_123 holds 500 events, the most a slip may hold'],
      });
      expect(await eventsOf(team)).toBe(500);
      // A repeat of a stored event still answers its id.
      await post(team, partial(7)).expect(200);
    });
  });

  describe('consistency checks', () => {
    it('records what does not add up on the event, and still stores it', async () => {
      const team = await createTeam(t);
      await post(team, MULTIPLE_NEW_BET_EXAMPLE).expect(200);
      const odd = {
        ...MULTIPLE_RESULT_EXAMPLE,
        tax_id: '111.444.777-35',
        total_odds: 7,
        current_player_balance: 100000,
        bet_legs: MULTIPLE_RESULT_EXAMPLE.bet_legs.map((leg, i) =>
          i === 1 ? { ...leg, amount_won: 21000 } : leg,
        ),
      };
      await post(team, odd).expect(200);
      const slip = await slipOf(team, 'slip_multiple_456');
      expect(slip.events[0].checks).toEqual([]);
      expect(slip.events[1].checks).toEqual([
        { code: 'player_mismatch', message: "tax_id 11144477735 is not the slip's (01234567890)" },
        {
          code: 'balance_mismatch',
          message: 'balance moved by 60000, expected 62500 for a result',
        },
        {
          code: 'total_odds_mismatch',
          message: 'total_odds 7 is more than 1 % away from the product of the leg odds (6.237)',
        },
        {
          code: 'amount_won_mismatch',
          leg_id: 'leg_002',
          message:
            'amount_won 21000 is more than 1 % away from 37800, the stake times the odds of the won legs so far',
        },
      ]);
      // The slip stays its first player's.
      expect(slip.tax_id).toBe('01234567890');
    });

    it('keeps meta as sent', async () => {
      const team = await createTeam(t);
      const meta = { channel: 'web', nested: { list: [1, 'two', null, true] }, ç: 'ü' };
      await post(team, { ...SINGLE_NEW_BET_EXAMPLE, meta }).expect(200);
      expect((await slipOf(team, 'slip_single_123')).events[0].meta).toEqual(meta);
    });
  });

  describe('players', () => {
    it("is the monitor's player whose id is the CPF, whichever API saw them first", async () => {
      const team = await createTeam(t);
      // The monitor sees the player first, by CPF digits as the player id.
      const monitorEvent = {
        ...GROUPED_EVENT_EXAMPLE,
        player: { ...GROUPED_EVENT_EXAMPLE.player, id: '01234567890' },
      };
      await t.http
        .post('/api/v1/events')
        .set('X-API-Key', team.apiKey)
        .send(monitorEvent)
        .expect(202);
      await t.app.get(ProcessingWorker).drain();
      const [monitorPlayer] = await db.select<{ id: number }>(
        'SELECT id FROM players WHERE team_id = ?',
        [team.id],
      );

      await post(team, SINGLE_NEW_BET_EXAMPLE).expect(200);
      const players = await db.select<{
        id: number;
        external_id: string;
        cpf: string;
        events_count: number;
      }>('SELECT id, external_id, cpf, events_count FROM players WHERE team_id = ?', [team.id]);
      expect(
        players.map((p) => ({ ...p, id: Number(p.id), events_count: Number(p.events_count) })),
      ).toEqual([
        {
          id: Number(monitorPlayer.id),
          external_id: '01234567890',
          cpf: '01234567890',
          events_count: 1,
        },
      ]);
    });

    it('is made by the betting event when new, and the monitor then meets it by the CPF as player id', async () => {
      const team = await createTeam(t);
      await post(team, SINGLE_NEW_BET_EXAMPLE).expect(200);
      const monitorEvent = {
        ...GROUPED_EVENT_EXAMPLE,
        player: { ...GROUPED_EVENT_EXAMPLE.player, id: '01234567890' },
      };
      await t.http
        .post('/api/v1/events')
        .set('X-API-Key', team.apiKey)
        .send(monitorEvent)
        .expect(202);
      await t.app.get(ProcessingWorker).drain();
      const players = await db.select<{ external_id: string; cpf: string; phone: string }>(
        'SELECT external_id, cpf, phone FROM players WHERE team_id = ?',
        [team.id],
      );
      expect(players).toEqual([
        { external_id: '01234567890', cpf: '01234567890', phone: '+221771234567' },
      ]);
    });
  });
});
