/**
 * A value read at most once per `maxAgeMs`, one read at a time: callers within that age share the
 * last sample, so that scrapes and health checks from every load balancer cost one read. While a
 * read runs longer than `freshWaitMs`, callers get the previous sample rather than wait for it;
 * the first read is always awaited (its failure is the caller's).
 */
export class SampledRead<T> {
  private sample: { at: number; value: T } | null = null;
  private reading: Promise<T> | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly freshWaitMs = 300,
  ) {}

  async current(maxAgeMs: number): Promise<T> {
    if (!this.sample || Date.now() - this.sample.at > maxAgeMs) {
      this.reading ??= this.read()
        .then((value) => {
          this.sample = { at: Date.now(), value };
          return value;
        })
        .finally(() => (this.reading = null));
      if (!this.sample) return this.reading;
      await Promise.race([this.reading.catch(() => undefined), sleep(this.freshWaitMs)]);
    }
    return this.sample!.value;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
