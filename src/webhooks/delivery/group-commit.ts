/**
 * Writes items in groups: the first item is written at once, and those added while a write is
 * under way go together in the next one. An idle sender waits for nothing; a busy one makes one
 * transaction for many deliveries instead of one each. Each `add` resolves once its item is
 * written (or rejects with its group's error).
 */
export class GroupCommit<T> {
  private queued: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (!this.writing) void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queued.length > 0) {
      const group = this.queued;
      this.queued = [];
      try {
        await this.write(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.writing = false;
  }
}
