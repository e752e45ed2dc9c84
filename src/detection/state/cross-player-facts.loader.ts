import { Injectable } from '@nestjs/common';
import { MicroTime } from '../../common/time/micro-time';
import type { SqlSession } from '../../database/sql-database';
import { LookupsService } from '../../lookups/lookups.service';
import { betsPlacedBy, type DetectionEvent, type IdentifierKind } from '../engine/detection-event';
import type { EffectiveRule } from '../engine/evaluate';
import { MICROS, type PlayerState } from '../engine/player-state';
import type { CrossPlayerFacts, OpposingBet, SharedIdentifier } from '../engine/rule';
import { quieterOf, type RuleMode } from '../engine/rule-settings';
import { IdentifiersRepository } from './identifiers.repository';
import { MarketPositionsRepository, type MarketPosition } from './market-positions.repository';

/** What `load` gives: the facts, and the sightings it recorded (for the players' states). */
export interface LoadedFacts extends CrossPlayerFacts {
  recorded: RecordedSighting[];
}

export interface RecordedSighting {
  playerId: number;
  /** `kind|value`. */
  key: string;
  /** Event time (µs). */
  at: number;
}

/** How often a player's identifier is recorded again while it keeps being used. */
export const SIGHTING_REFRESH = MICROS.HOUR;

interface Identifier {
  kind: string;
  value: string;
}

/** A player's sightings of an identifier in the batch: first and last event time (µs). */
interface FoldedSighting {
  teamId: number;
  kind: string;
  value: string;
  playerId: number;
  from: number;
  to: number;
}

const text = (micros: number) => MicroTime.fromMicros(micros).toDatabaseText();
/** Names loaded for an identifier likely to hit: the 50 others the alert names, and the player. */
const NAMES_LOADED = 51;
/** OPPOSITE_SIDES' largest window: opposing bets are read this far around a bet. */
const OPPOSING_WINDOW = 1440 * MICROS.MINUTE;

/**
 * What the rules need to know across players, for one batch: records the batch's identifier
 * sightings and single bets' positions, then reads each identifier's players and each bet's
 * opposing bets. Reads, not locks: a player's worker never waits on another player's.
 */
@Injectable()
export class CrossPlayerFactsLoader {
  constructor(
    private readonly identifiers: IdentifiersRepository,
    private readonly positions: MarketPositionsRepository,
    private readonly lookups: LookupsService,
  ) {}

  async load(
    session: SqlSession,
    events: readonly DetectionEvent[],
    states: ReadonlyMap<number, PlayerState>,
    rulesOf: (teamId: number) => readonly EffectiveRule[],
    /** `false` for a second look: the events' sightings and positions are stored already. */
    record = true,
  ): Promise<LoadedFacts> {
    const ruleOf = (teamId: number, code: string) =>
      rulesOf(teamId).find((r) => r.rule.code === code && r.mode !== 'off');
    const { sharing, recorded } = await this.loadSharing(session, events, states, ruleOf, record);
    const opposing = await this.loadOpposing(session, events, ruleOf, record);
    return {
      recorded,
      sharing: (teamId, kind, value) => sharing.get(`${teamId}|${kind}|${value}`),
      opposing: (event) => opposing.get(event.id) ?? [],
      operatorCountry: (code) => this.lookups.operatorCountry(code),
    };
  }

  /**
   * The players of each identifier of these events (`teamId|kind|value`), counted as `load`
   * counts them: for a second look, to see what changed since the events' batch.
   */
  async countShares(
    session: SqlSession,
    events: readonly Pick<DetectionEvent, 'teamId' | 'at' | 'identifiers'>[],
    rulesOf: (teamId: number) => readonly EffectiveRule[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const byTeam = new Map<number, { since: number; identifiers: Map<string, Identifier> }>();
    for (const event of events) {
      const group = byTeam.get(event.teamId) ?? { since: event.at, identifiers: new Map() };
      group.since = Math.min(group.since, event.at);
      for (const i of event.identifiers) group.identifiers.set(`${i.kind}|${i.value}`, i);
      byTeam.set(event.teamId, group);
    }
    for (const [teamId, { since, identifiers }] of byTeam) {
      const rule = rulesOf(teamId).find((r) => r.rule.code === 'SHARED_IDENTIFIER');
      if (!rule || identifiers.size === 0) continue;
      const window = (rule.parameters.window_hours as number) * MICROS.HOUR;
      const found = await this.identifiers.countPlayers(
        session,
        teamId,
        [...identifiers.values()],
        text(since - window),
      );
      for (const [key, { players }] of found) counts.set(`${teamId}|${key}`, players);
    }
    return counts;
  }

  private async loadSharing(
    session: SqlSession,
    events: readonly DetectionEvent[],
    states: ReadonlyMap<number, PlayerState>,
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
    record: boolean,
  ): Promise<{ sharing: Map<string, SharedIdentifier>; recorded: RecordedSighting[] }> {
    const sightings = new Map<string, FoldedSighting>();
    for (const event of events) {
      for (const { kind, value } of event.identifiers) {
        const key = `${event.teamId}|${kind}|${value}|${event.playerId}`;
        const known = sightings.get(key);
        if (known) {
          known.from = Math.min(known.from, event.at);
          known.to = Math.max(known.to, event.at);
        } else {
          sightings.set(key, {
            teamId: event.teamId,
            kind,
            value,
            playerId: event.playerId,
            from: event.at,
            to: event.at,
          });
        }
      }
    }
    // A player's identifier is recorded, and counted, once an hour of event time at most: in
    // between, its sighting in the database is recent enough for every window.
    // In key order: concurrent batches never lock the same rows crosswise.
    const rows = [...sightings.entries()]
      .filter(([, s]) => {
        const last = states.get(s.playerId)?.recordedSightings[`${s.kind}|${s.value}`];
        return !record || last === undefined || last < s.to - SIGHTING_REFRESH;
      })
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => s);
    if (record) {
      await this.identifiers.recordSightings(
        session,
        rows.map((s) => ({ ...s, firstAt: text(s.from), lastAt: text(s.to) })),
      );
    }
    const sharing = await this.countSharing(session, rows, states, ruleOf);
    return {
      sharing,
      recorded: record
        ? rows.map((s) => ({ playerId: s.playerId, key: `${s.kind}|${s.value}`, at: s.to }))
        : [],
    };
  }

  private async countSharing(
    session: SqlSession,
    sightings: readonly FoldedSighting[],
    states: ReadonlyMap<number, PlayerState>,
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
  ): Promise<Map<string, SharedIdentifier>> {
    const shared = new Map<string, SharedIdentifier>();
    const seen = new Map<string, FoldedSighting[]>();
    for (const s of sightings) {
      const key = `${s.teamId}|${s.kind}|${s.value}`;
      const players = seen.get(key);
      if (players) players.push(s);
      else seen.set(key, [s]);
    }
    // One group per team: all its identifiers (of the kinds not off) in one read.
    const groups = new Map<number, { since: number; keys: Map<string, Identifier> }>();
    for (const s of sightings) {
      const rule = ruleOf(s.teamId, 'SHARED_IDENTIFIER');
      if (!rule) continue;
      const modes = rule.parameters.modes as Record<IdentifierKind, RuleMode>;
      if ((modes[s.kind as IdentifierKind] ?? 'on') === 'off') continue;
      const since = s.from - (rule.parameters.window_hours as number) * MICROS.HOUR;
      const group = groups.get(s.teamId) ?? { since, keys: new Map() };
      group.since = Math.min(group.since, since);
      group.keys.set(`${s.kind}|${s.value}`, { kind: s.kind, value: s.value });
      groups.set(s.teamId, group);
    }
    for (const [teamId, { since, keys }] of groups) {
      const identifiers = [...keys.values()];
      const counts = await this.identifiers.countPlayers(session, teamId, identifiers, text(since));
      const count = (i: Identifier) => counts.get(`${i.kind}|${i.value}`)?.players ?? 0;
      const rule = ruleOf(teamId, 'SHARED_IDENTIFIER')!;
      const { parameters } = rule;
      const minPlayers = parameters.min_players as number;
      // Whether hits on this kind raise alerts: a shadow kind's hits are only counted.
      const alerting = (i: Identifier) =>
        quieterOf(rule.mode, (parameters.modes as Record<string, RuleMode>)[i.kind] ?? 'on') ===
        'on';
      const window = (parameters.window_hours as number) * MICROS.HOUR;
      const isAllowlisted = (i: Identifier) =>
        counts.get(`${i.kind}|${i.value}`)?.allowlisted ?? false;
      // Names only where a player of the batch has not been told about this many players yet.
      const likelyHits = identifiers.filter((i) => {
        const players = count(i);
        if (players < minPlayers || isAllowlisted(i)) return false;
        return (seen.get(`${teamId}|${i.kind}|${i.value}`) ?? []).some((s) => {
          const reported = states.get(s.playerId)?.reportedShares[`${i.kind}:${i.value}`];
          return (
            !reported ||
            reported.players < players ||
            reported.at < s.to - window ||
            (reported.shadow === true && alerting(i))
          );
        });
      });
      const names = await this.identifiers.playersOf(
        session,
        teamId,
        likelyHits,
        text(since),
        NAMES_LOADED,
      );
      for (const i of identifiers) {
        shared.set(`${teamId}|${i.kind}|${i.value}`, {
          allowlisted: isAllowlisted(i),
          players: count(i),
          others: names.get(`${i.kind}|${i.value}`) ?? null,
          short: alerting(i) && !isAllowlisted(i) && count(i) < minPlayers,
        });
      }
    }
    return shared;
  }

  private async loadOpposing(
    session: SqlSession,
    events: readonly DetectionEvent[],
    ruleOf: (teamId: number, code: string) => EffectiveRule | undefined,
    record: boolean,
  ): Promise<Map<string, OpposingBet[]>> {
    const singles: { event: DetectionEvent; position: MarketPosition }[] = [];
    // Each slip's position as the batch leaves it (null: none), and the slips it changed.
    const latest = new Map<string, MarketPosition | null>();
    const changed = new Map<string, { teamId: number; playerId: number; slipRef: string }>();
    for (const event of events) {
      if (!event.aml) continue;
      const slip = { teamId: event.teamId, playerId: event.playerId, slipRef: event.aml.slipRef };
      const key = `${slip.teamId}|${slip.playerId}|${slip.slipRef}`;
      const restates = event.type === 'BET_PLACED' && betsPlacedBy(event) === 0;
      if (event.aml.eventType === 'cancellation' || restates) {
        changed.set(key, slip);
        latest.set(key, null);
      }
      const leg = event.aml.legs.length === 1 ? event.aml.legs[0] : undefined;
      if (
        event.type !== 'BET_PLACED' ||
        !leg?.sportEventRef ||
        !leg.marketRef ||
        !leg.selectionRef
      ) {
        continue;
      }
      const position: MarketPosition = {
        ...slip,
        sportEventRef: leg.sportEventRef,
        marketRef: leg.marketRef,
        selectionRef: leg.selectionRef,
        stakeCents: event.amountCents,
        placedAt: text(event.at),
        eventId: event.id,
      };
      singles.push({ event, position });
      latest.set(key, position);
    }
    if (record) {
      await this.positions.clear(session, [...changed.values()]);
      await this.positions.record(
        session,
        [...latest.values()].filter((p): p is MarketPosition => p !== null),
      );
    }
    const opposing = new Map<string, OpposingBet[]>();
    for (const { event, position } of singles) {
      if (!ruleOf(event.teamId, 'OPPOSITE_SIDES')) continue;
      const bets = await this.positions.opposing(
        session,
        position,
        text(event.at - OPPOSING_WINDOW),
        text(event.at + OPPOSING_WINDOW),
      );
      if (bets.length === 0) continue;
      const linked = await this.identifiers.linkedTo(session, event.teamId, event.playerId, [
        ...new Set(bets.map((b) => b.playerId)),
      ]);
      opposing.set(
        event.id,
        bets.map((b) => ({
          playerExternalId: b.externalId,
          selectionRef: b.selectionRef,
          stakeCents: b.stake,
          at: MicroTime.fromDatabaseText(b.placedAt).micros,
          linked: linked.has(b.playerId),
        })),
      );
    }
    return opposing;
  }
}
