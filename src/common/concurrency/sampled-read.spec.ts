import { SampledRead } from './sampled-read';

/** A read whose answers the test releases one by one. */
function controlledRead() {
  const pending: ((value: number) => void)[] = [];
  let reads = 0;
  const read = () =>
    new Promise<number>((resolve) => {
      reads += 1;
      pending.push(resolve);
    });
  return { read, reads: () => reads, answer: (value: number) => pending.shift()!(value) };
}

describe('SampledRead', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('shares one read among callers within its age, and reads again past it', async () => {
    const source = controlledRead();
    const sampled = new SampledRead(source.read);
    const first = Promise.all([sampled.current(1000), sampled.current(1000)]);
    source.answer(7);
    expect(await first).toEqual([7, 7]);
    jest.setSystemTime(900);
    expect(await sampled.current(1000)).toBe(7);
    expect(source.reads()).toBe(1);

    jest.setSystemTime(1500);
    const again = sampled.current(1000);
    source.answer(8);
    expect(await again).toBe(8);
    expect(source.reads()).toBe(2);
  });

  it('answers the previous sample while a slow read runs, without starting another', async () => {
    const source = controlledRead();
    const sampled = new SampledRead(source.read, 300);
    const first = sampled.current(1000);
    source.answer(1);
    await first;
    jest.setSystemTime(2000);
    const slow = [sampled.current(1000), sampled.current(1000)];
    await jest.advanceTimersByTimeAsync(300);
    expect(await Promise.all(slow)).toEqual([1, 1]);
    expect(source.reads()).toBe(2);
    source.answer(2);
    await jest.advanceTimersByTimeAsync(0);
    expect(await sampled.current(1000)).toBe(2);
  });

  it('lets the first read’s failure reach the caller, then tries again', async () => {
    let calls = 0;
    const sampled = new SampledRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return 5;
    });
    await expect(sampled.current(1000)).rejects.toThrow('database down');
    expect(await sampled.current(1000)).toBe(5);
  });
});
