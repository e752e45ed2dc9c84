import type { MonitorStreamEvent } from '../../events/monitor-event';

/** A team's bet by its reference: a casino round id, a sports bet ref. */
export interface BetRef {
  teamId: number;
  betRef: string;
}

/** The bet an event of a bet (its `game.bet_id`) is about. */
export const betRefOf = (event: MonitorStreamEvent): BetRef => ({
  teamId: event.teamId,
  betRef: event.game.betId as string,
});

/** A team's bet by its reference, as a map key. */
export const betKey = (teamId: number | string, betRef: string) =>
  `${Number(teamId)}\u0000${betRef}`;

/** `refs` grouped by team: each team's distinct references. */
export function refsByTeam(refs: readonly BetRef[]): { teamId: number; betRefs: string[] }[] {
  const byTeam = new Map<number, Set<string>>();
  for (const { teamId, betRef } of refs) {
    byTeam.set(teamId, (byTeam.get(teamId) ?? new Set()).add(betRef));
  }
  return [...byTeam].map(([teamId, betRefs]) => ({ teamId, betRefs: [...betRefs] }));
}

/**
 * The bets a batch of events touches, read by one locking read per team before the batch is
 * projected instead of one per event. A bet the batch has written since is read again when asked
 * for; a bet not there at the start is taken as absent, which a concurrent placement can only make
 * wrong in one way: the batch's own placement then meets the other one's row (ignored, or a unique
 * violation that retries the batch event by event), as it would have a moment later anyway.
 */
export class BatchBets<Row> {
  private readonly written = new Set<string>();

  private constructor(
    private readonly atStart: ReadonlyMap<string, Row>,
    private readonly readAgain: (ref: BetRef) => Promise<Row | null>,
  ) {}

  /**
   * Locks the bets of `refs` that exist: `lockTeam` reads a team's bets of the given references,
   * `refOfRow` tells a row's reference; `readAgain` reads one bet, locked, later in the batch.
   */
  static async lock<Row>(
    refs: readonly BetRef[],
    lockTeam: (teamId: number, betRefs: string[]) => Promise<Row[]>,
    refOfRow: (row: Row) => string,
    readAgain: (ref: BetRef) => Promise<Row | null>,
  ): Promise<BatchBets<Row>> {
    const atStart = new Map<string, Row>();
    for (const { teamId, betRefs } of refsByTeam(refs)) {
      for (const row of await lockTeam(teamId, betRefs)) {
        atStart.set(betKey(teamId, refOfRow(row)), row);
      }
    }
    return new BatchBets(atStart, readAgain);
  }

  get(ref: BetRef): Promise<Row | null> {
    const key = betKey(ref.teamId, ref.betRef);
    if (this.written.has(key)) return this.readAgain(ref);
    return Promise.resolve(this.atStart.get(key) ?? null);
  }

  /** The batch has written this bet: its row is read again from now on. */
  wrote(ref: BetRef): void {
    this.written.add(betKey(ref.teamId, ref.betRef));
  }
}
