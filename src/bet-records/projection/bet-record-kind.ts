import type { SqlSession } from '../../database/sql-database';
import type { MonitorStreamEvent } from '../../events/monitor-event';
import type { RecordKind } from './bet-record-counts.repository';
import type { Outcome, StoredBetFacts } from './bet-fold';
import type { BetRef } from './bet-ref';

/** A bet the batch opens, as it stands after the batch. */
export interface NewBet {
  ref: BetRef;
  placement: MonitorStreamEvent;
  /** The outcome the batch applied to it, if any. */
  outcome: { event: MonitorStreamEvent; move: Outcome } | null;
  playerId: number;
  providerId: number | null;
}

/** An outcome to write over a stored bet. */
export interface BetSettlement {
  ref: BetRef;
  event: MonitorStreamEvent;
  move: Outcome;
}

/**
 * What the projection engine (BetProjection) needs of one kind of bet record: which events make
 * such bets, and how its table reads and writes them. Every method runs in the worker's
 * transaction and writes many bets per statement.
 */
export interface BetRecordKind {
  /** The processing step's name. */
  readonly name: string;
  readonly recordKind: RecordKind;
  /** The `game.type`s whose bet events make this kind of record. */
  readonly gameTypes: ReadonlySet<string>;
  /** The team's stored bets of these references, locked until the transaction ends. */
  lockAll(
    session: SqlSession,
    teamId: number,
    betRefs: readonly string[],
  ): Promise<({ betRef: string } & StoredBetFacts)[]>;
  /**
   * Inserts the bets, each as it stands after the batch. Returns how many went in: a reference
   * that another transaction took meanwhile is skipped.
   */
  insertAll(session: SqlSession, bets: readonly NewBet[]): Promise<number>;
  /** Writes each outcome over its stored bet. */
  settleAll(session: SqlSession, settlements: readonly BetSettlement[]): Promise<void>;
}
