import { ProcessingWorker } from '../../src/processing/processing.worker';
import { createTeam, type TestTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { monitorEvent } from './support';

/**
 * Players' states kept decoded between batches (DetectionStateRepository): an instance uses its
 * cached state of a player only while it is the stored one. Two instances on one database take
 * turns on one player: each must count the deposits the other one processed.
 */
describe('detection: cached player states and another instance', () => {
  let a: TestApp;
  let b: TestApp;
  let team: TestTeam;

  beforeAll(async () => {
    a = await startTestApp();
    const { database } = a.config;
    b = await startTestApp({
      env: { DB_URL: 'url' in database ? database.url : `sqlite:${database.path}` },
    });
    team = await createTeam(a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  let minutesAgo = 30;
  /** Deposits of 1,000 XOF a minute apart, processed by `app` alone. */
  async function depositsThrough(app: TestApp, count: number): Promise<void> {
    const events = Array.from({ length: count }, () =>
      monitorEvent('p-turns', 'DEPOSIT', 1000, minutesAgo--),
    );
    await app.http
      .post('/api/v1/events/batch')
      .set('X-API-Key', team.apiKey)
      .send({ events })
      .expect(200);
    await app.app.get(ProcessingWorker).drain();
  }
  const rapidDeposits = async () =>
    (
      await a.http
        .get('/api/v1/alerts?rule=RAPID_DEPOSITS')
        .set('X-API-Key', team.apiKey)
        .expect(200)
    ).body.data.items.map((alert: { reason: { text: string } }) => alert.reason.text);
  const stateReads = async (app: TestApp) => {
    const metrics = (await app.http.get('/metrics').expect(200)).text;
    const count = (source: string) =>
      Number(
        new RegExp(`^detection_state_reads_total\\{source="${source}"\\} (\\d+)`, 'm').exec(
          metrics,
        )?.[1] ?? 0,
      );
    return { cache: count('cache'), database: count('database') };
  };

  it("reads a player's state again once another instance wrote it, and counts every deposit", async () => {
    await depositsThrough(a, 2);
    await depositsThrough(b, 2);
    expect(await rapidDeposits()).toEqual([]);
    const before = await stateReads(a);

    // A holds the state it wrote after two deposits; B wrote four since: A must read B's.
    await depositsThrough(a, 1);
    expect(await rapidDeposits()).toEqual([
      '5 deposits totalling 5,000 XOF in 4 min; threshold 5 in 1 h',
    ]);
    const after = await stateReads(a);
    expect([after.cache - before.cache, after.database - before.database]).toEqual([0, 1]);

    // Now A's cached state is the stored one: taken from the cache, not read.
    await depositsThrough(a, 1);
    const last = await stateReads(a);
    expect([last.cache - after.cache, last.database - after.database]).toEqual([1, 0]);
    expect(await rapidDeposits()).toEqual([
      '6 deposits totalling 6,000 XOF in 5 min; threshold 5 in 1 h',
    ]);
  });
});
