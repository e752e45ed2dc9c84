import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * SQLite through TypeORM has a single connection shared by everyone: a statement issued while
 * another flow's transaction is open would run inside it (and be rolled back with it), and a
 * second transaction would nest in the first as a savepoint. So statements take turns: a
 * transaction holds the turn from BEGIN to COMMIT, a lone statement for itself. The statements
 * of the holder's own flow (its async context) run at once.
 */
export class SqliteTurns {
  private tail: Promise<void> = Promise.resolve();
  private holder: symbol | null = null;
  private readonly flow = new AsyncLocalStorage<symbol>();

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder !== null && this.flow.getStore() === this.holder) return work();
    const previous = this.tail;
    let leave!: () => void;
    this.tail = new Promise((resolve) => (leave = resolve));
    await previous;
    const turn = Symbol('sqlite turn');
    this.holder = turn;
    try {
      return await this.flow.run(turn, work);
    } finally {
      this.holder = null;
      leave();
    }
  }
}
