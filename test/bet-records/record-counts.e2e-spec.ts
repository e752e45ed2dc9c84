import {
  BetRecordCountsRepository,
  CountDeltas,
} from '../../src/bet-records/projection/bet-record-counts.repository';
import { SqlDatabase, type SqlSession } from '../../src/database/sql-database';
import { partitionOf } from '../../src/processing/queue/partition';
import { createTeam } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { dialectUnderTest } from '../support/test-database';

/** The list counts kept by the projections: a row per key and shard, summed when read. */
describe('bet record counts', () => {
  let t: TestApp;
  let database: SqlDatabase;
  let counts: BetRecordCountsRepository;

  beforeAll(async () => {
    t = await startTestApp();
    database = t.app.get(SqlDatabase);
    counts = t.app.get(BetRecordCountsRepository);
  });
  afterAll(() => t.close());

  /** Two players of a team whose processing partitions differ. */
  function playersOfTwoPartitions(teamId: number): [string, string] {
    const first = 'player-a';
    for (let i = 0; ; i++) {
      const other = `player-b${i}`;
      if (partitionOf(teamId, other) !== partitionOf(teamId, first)) return [first, other];
    }
  }

  const add = (session: SqlSession, teamId: number, player: string, status: number, n: number) => {
    const deltas = new CountDeltas(teamId, player);
    deltas.add({ teamId, kind: 'bet', brandId: null, providerId: null, status }, n);
    return counts.apply(session, deltas);
  };

  const rowsOf = (teamId: number) =>
    database.select<{ shard: number | string; status: number | string; total: number | string }>(
      'SELECT shard, status, total FROM bet_record_counts WHERE team_id = ? ORDER BY shard, status',
      [teamId],
    );

  it("writes each transaction's deltas to its player's shard and sums the shards when read", async () => {
    const team = await createTeam(t);
    const [a, b] = playersOfTwoPartitions(team.id);
    await database.transaction((s) => add(s, team.id, a, 0, 3));
    await database.transaction((s) => add(s, team.id, b, 0, 2));
    // A bet placed by one player's batch and settled by another's moves between shards.
    await database.transaction(async (s) => {
      const deltas = new CountDeltas(team.id, b);
      deltas.move({ teamId: team.id, kind: 'bet', brandId: null, providerId: null, status: 0 }, 1);
      await counts.apply(s, deltas);
    });

    const expected = [
      { shard: partitionOf(team.id, a), status: 0, total: 3 },
      { shard: partitionOf(team.id, b), status: 0, total: 1 },
      { shard: partitionOf(team.id, b), status: 1, total: 1 },
    ].sort((x, y) => x.shard - y.shard || x.status - y.status);
    expect(
      (await rowsOf(team.id)).map((r) => ({
        shard: Number(r.shard),
        status: Number(r.status),
        total: Number(r.total),
      })),
    ).toEqual(expected);

    const scope = { teamId: team.id, brandId: null };
    expect(await counts.total(scope, 'bet', {})).toBe(5);
    expect(await counts.total(scope, 'bet', { status: 0 })).toBe(4);
    expect(await counts.total(scope, 'bet', { status: 1 })).toBe(1);
    expect(await counts.total(scope, 'sports', {})).toBe(0);
  });

  (dialectUnderTest() === 'mysql' ? it : it.skip)(
    'lets transactions of players of different partitions add to one key at once (no row shared)',
    async () => {
      const team = await createTeam(t);
      const [a, b] = playersOfTwoPartitions(team.id);
      await database.transaction(async (first) => {
        await add(first, team.id, a, 0, 1);
        // While the first holds its rows, a second transaction on another connection adds to the
        // same key. On a shared row it would wait for the first: here, a lock wait of 1 s fails.
        await database.transaction(
          async (second) => {
            await second.execute('SET SESSION innodb_lock_wait_timeout = 1');
            try {
              await add(second, team.id, b, 0, 1);
            } finally {
              await second.execute('SET SESSION innodb_lock_wait_timeout = DEFAULT');
            }
          },
          { retries: 0 },
        );
      });
      expect(await counts.total({ teamId: team.id, brandId: null }, 'bet', {})).toBe(2);
    },
  );
});
