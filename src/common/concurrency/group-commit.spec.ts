import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('flushes the items submitted together in one group, answering each its own outcome', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, string>(
      async (items) => {
        groups.push(items);
        return items.map((n) => `done ${n}`);
      },
      { maxItems: 100, concurrency: 1 },
    );
    const outcomes = await Promise.all([1, 2, 3].map((n) => commit.submit(n)));
    expect(outcomes).toEqual(['done 1', 'done 2', 'done 3']);
    expect(groups).toEqual([[1, 2, 3]]);
  });

  it('gathers the items arriving during a flush into the next group, up to maxItems', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstFlushDone = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number, number>(
      async (items) => {
        groups.push(items);
        if (groups.length === 1) await firstFlushDone;
        return items;
      },
      { maxItems: 3, concurrency: 1 },
    );
    const first = commit.submit(0);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [1, 2, 3, 4, 5].map((n) => commit.submit(n));
    expect(commit.pending).toBe(6);
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(groups).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it('lingers for more items right after a flush that blocked the event loop longer than the linger', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>(
      (items) => {
        groups.push(items);
        const until = performance.now() + 80; // a synchronous write (SQLite's fsync), longer than the linger
        while (performance.now() < until);
        return Promise.resolve(items);
      },
      { maxItems: 100, concurrency: 1, lingerMs: 50 },
    );
    await commit.submit(0);
    // Arriving one by one, in turns of the event loop of their own, just after that flush: the
    // linger gathers them into one group (counted from the flush's start, they would go alone).
    const later: Promise<number>[] = [];
    for (const n of [1, 2, 3]) {
      later.push(commit.submit(n));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(later);
    expect(groups).toEqual([[0], [1, 2, 3]]);
  });

  it('rejects every item of a failed flush, and goes on with the next group', async () => {
    let fail = true;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        if (fail) throw new Error('disk full');
        return items;
      },
      { maxItems: 10, concurrency: 2 },
    );
    const failed = [1, 2].map((n) => commit.submit(n));
    for (const outcome of failed) await expect(outcome).rejects.toThrow('disk full');
    fail = false;
    await expect(commit.submit(3)).resolves.toBe(3);
    expect(commit.pending).toBe(0);
  });
});

describe('GroupCommit with a linger', () => {
  it('gathers items that arrive one turn apart while flushes follow each other closely', async () => {
    const groups: number[][] = [];
    const commit = new GroupCommit<number, number>(
      (items) => {
        groups.push(items);
        return Promise.resolve(items); // like SQLite: done without yielding to the event loop
      },
      { maxItems: 100, concurrency: 1, lingerMs: 20 },
    );
    await commit.submit(0);
    const later: Promise<number>[] = [];
    for (let n = 1; n <= 5; n++) {
      later.push(commit.submit(n));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(later)).toEqual([1, 2, 3, 4, 5]);
    expect(groups).toEqual([[0], [1, 2, 3, 4, 5]]);
  });
});
