import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes the first item at once and those added meanwhile together, in order', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await firstWrite;
    });

    const first = commit.add(1);
    const rest = [commit.add(2), commit.add(3), commit.add(4)];
    expect(groups).toEqual([[1]]);
    release();
    await Promise.all([first, ...rest]);

    expect(groups).toEqual([[1], [2, 3, 4]]);
    await commit.add(5);
    expect(groups).toEqual([[1], [2, 3, 4], [5]]);
  });

  it("rejects a failed group's items only, and goes on with the next group", async () => {
    let calls = 0;
    const commit = new GroupCommit<string>(async (items) => {
      calls++;
      if (items.includes('bad')) throw new Error('write failed');
    });

    const bad = commit.add('bad');
    const later = commit.add('good');
    await expect(bad).rejects.toThrow('write failed');
    await expect(later).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
