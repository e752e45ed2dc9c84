import { DataSource } from 'typeorm';
import { MicroTime } from '../../src/common/time/micro-time';
import { CrossPlayerFactsLoader } from '../../src/detection/state/cross-player-facts.loader';
import { BatchProcessor } from '../../src/processing/batch-processor';
import { PartitionLeases } from '../../src/processing/leases/partition-leases';
import { PartitionLeasesRepository } from '../../src/processing/leases/partition-leases.repository';
import { partitionOf } from '../../src/processing/queue/partition';
import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { monitorEvent, newBet, newCpf } from './support';

/**
 * Cross-player rules when two players are processed at once (issue 15): each batch reads only
 * what was committed before it, so two players sharing a phone, or betting on opposite sides of
 * one market, never see each other in their own batches. The second look after each commit
 * catches them: the later of the two sees both. Two holders with different partitions process
 * the two players' events concurrently; their fact loading is held until both reached it.
 */
describe('detection: the second look at other players, after concurrent batches', () => {
  let t: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    team = await createTeam(t);
  });

  const post = (path: string, body: object, status: number) =>
    t.http.post(path).set('X-API-Key', team.apiKey).send(body).expect(status);
  const alertsOf = async (rule: string) =>
    (await t.http.get(`/api/v1/alerts?rule=${rule}`).set('X-API-Key', team.apiKey).expect(200)).body
      .data as {
      items: { player: { external_id: string }; reason: { parameters: Record<string, unknown> } }[];
      total: number;
    };

  /** Processes what is queued with two holders at once: one holds `alone`, the other the rest. */
  async function processConcurrently(alone: number, events = [1, 1]): Promise<void> {
    const repository = t.app.get(PartitionLeasesRepository);
    const rest = new PartitionLeases('second-look-rest', repository, 60_000, 0, true);
    await rest.refresh();
    await repository.release('second-look-rest', [alone]);
    rest.lost([alone]);
    const single = new PartitionLeases('second-look-alone', repository, 60_000, 0, true);
    await single.refresh();
    expect(single.partitions).toEqual([alone]);

    const loader = t.app.get(CrossPlayerFactsLoader);
    const load = loader.load.bind(loader);
    let arrived = 0;
    let bothArrived!: () => void;
    const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
    // Both batches read their facts before either commits (SQLite runs one transaction at a
    // time: there the first waits 2 s, then goes on alone).
    const spy = jest.spyOn(loader, 'load').mockImplementation(async (...args) => {
      const facts = await load(...args);
      if (args[4] !== false && ++arrived === 2) bothArrived();
      if (args[4] !== false) {
        await Promise.race([barrier, new Promise((resolve) => setTimeout(resolve, 2000))]);
      }
      return facts;
    });
    try {
      const batches = t.app.get(BatchProcessor);
      const handled = await Promise.all([
        batches.processNext(rest, 500),
        batches.processNext(single, 500),
      ]);
      expect(handled).toEqual(events);
      // Nothing more to process: each loop takes its second look.
      spy.mockRestore();
      expect(
        await Promise.all([batches.processNext(rest, 500), batches.processNext(single, 500)]),
      ).toEqual([0, 0]);
    } finally {
      spy.mockRestore();
      await rest.release();
      await single.release();
    }
  }

  /** Two player ids of the team in this partition. */
  const twoPlayersIn = (partition: number, prefix: string) => {
    const ids: string[] = [];
    for (let n = 0; ids.length < 2; n++) {
      if (partitionOf(team.id, `${prefix}-${n}`) === partition) ids.push(`${prefix}-${n}`);
    }
    return ids;
  };

  /** A player id of the team whose partition differs from `other`'s. */
  const playerApartFrom = (other: string, prefix: string) => {
    for (let n = 0; ; n++) {
      const id = `${prefix}-${n}`;
      if (partitionOf(team.id, id) !== partitionOf(team.id, other)) return id;
    }
  };

  it('SHARED_IDENTIFIER: the third player on a phone is caught though the second and third are processed together', async () => {
    const phone = { player: { phone: '+221779990001' } };
    await post('/api/v1/events', monitorEvent('ring-1', 'DEPOSIT', 1_000, 30, phone), 202);
    await t.app.get(ProcessingWorker).drain();
    const second = 'ring-2';
    const third = playerApartFrom(second, 'ring-3');
    await post('/api/v1/events', monitorEvent(second, 'DEPOSIT', 1_000, 20, phone), 202);
    await post('/api/v1/events', monitorEvent(third, 'DEPOSIT', 1_000, 10, phone), 202);

    await processConcurrently(partitionOf(team.id, third));

    const alerts = await alertsOf('SHARED_IDENTIFIER');
    expect(alerts.total).toBeGreaterThanOrEqual(1);
    for (const alert of alerts.items) {
      expect([second, third]).toContain(alert.player.external_id);
      expect(alert.reason.parameters).toEqual(
        expect.objectContaining({ kind: 'phone', value: '+221779990001', players: 3 }),
      );
    }
    // Nothing is left for a later look, and looking again finds nothing new.
    await t.app.get(ProcessingWorker).drain();
    expect((await alertsOf('SHARED_IDENTIFIER')).total).toBe(alerts.total);
  });

  it('SHARED_IDENTIFIER: a ring whose players are all new and processed together is caught, however short each batch counted', async () => {
    // Four players needed: each of the two batches counts its own two, two short of the four.
    await t.http
      .put('/api/v1/rules/SHARED_IDENTIFIER')
      .set('X-API-Key', team.apiKey)
      .send({ parameters: { min_players: 4 } })
      .expect(200);
    const phone = { player: { phone: '+221779990002' } };
    const first = 'quad-a';
    const alone = partitionOf(team.id, playerApartFrom(first, 'quad-b'));
    const players = [first, playerApartFrom(first, 'quad-a2'), ...twoPlayersIn(alone, 'quad-b')];
    expect(players.filter((p) => partitionOf(team.id, p) === alone)).toHaveLength(2);
    for (const [n, player] of players.entries()) {
      await post('/api/v1/events', monitorEvent(player, 'DEPOSIT', 1_000, 40 - n, phone), 202);
    }

    await processConcurrently(alone, [2, 2]);

    const alerts = await alertsOf('SHARED_IDENTIFIER');
    expect(alerts.total).toBeGreaterThanOrEqual(1);
    for (const alert of alerts.items) {
      expect(alert.reason.parameters).toEqual(
        expect.objectContaining({ kind: 'phone', value: '+221779990002', players: 4 }),
      );
    }
  });

  it('OPPOSITE_SIDES: two bettors on opposite sides of one market, processed together, are caught', async () => {
    const market = { event: 'sev-concurrent', market: 'mkt_winner' };
    const home = newCpf();
    let away = newCpf();
    // AML bettors are partitioned by their player's external id: the CPF's digits.
    while (partitionOf(team.id, away) === partitionOf(team.id, home)) away = newCpf();
    await post(
      '/betting-events',
      newBet(home, `slip-${home}`, 20, { stake: 10_000, pick: { ...market, selection: 'home' } }),
      200,
    );
    await post(
      '/betting-events',
      newBet(away, `slip-${away}`, 15, { stake: 12_000, pick: { ...market, selection: 'away' } }),
      200,
    );

    await processConcurrently(partitionOf(team.id, away));

    const alerts = await alertsOf('OPPOSITE_SIDES');
    expect(alerts.total).toBeGreaterThanOrEqual(1);
    expect(
      alerts.items.map((a) => a.player.external_id).every((p) => [home, away].includes(p)),
    ).toBe(true);
  });

  it('shows in /metrics how long the oldest second look has waited, and 0 once it is settled', async () => {
    const age = async () =>
      Number(
        /^detection_second_looks_oldest_age_seconds (\S+)$/m.exec(
          (await t.http.get('/metrics').expect(200)).text,
        )?.[1],
      );
    await t.app.get(ProcessingWorker).drain();
    expect(await age()).toBe(0);

    // A look left two minutes ago by an instance that crashed before it settled it.
    const written = MicroTime.fromMicros(MicroTime.now().micros - 120_000_000).toDatabaseText();
    await t.app
      .get(DataSource)
      .query(
        'INSERT INTO detection_second_looks (partition_no, events, created_at) VALUES (?, ?, ?)',
        [partitionOf(team.id, 'p-gone'), '[]', written],
      );
    expect(await age()).toBeGreaterThanOrEqual(120);
    expect(await age()).toBeLessThan(180);

    // The partition's next holder settles it.
    const repository = t.app.get(PartitionLeasesRepository);
    const holder = new PartitionLeases('second-look-next', repository, 60_000, 0, true);
    await holder.refresh();
    await t.app.get(BatchProcessor).processNext(holder, 100);
    await repository.release('second-look-next', holder.partitions);
    expect(await age()).toBe(0);
  });
});
